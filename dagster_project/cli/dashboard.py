"""egov dashboard: serve $EGOV_HOME/dashboard/ on 127.0.0.1 (the pages also work from file://).

Every publish rebuilds the site, so it normally is current. A home published before the
dashboard existed, or by an older version of it, has none or a stale one: it is built first,
from the published file, under the refresh lock (so it never races a refresh's own build).
"""

from __future__ import annotations

import functools
import signal
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from dagster_project.core.lock import RefreshBusyError, refresh_lock
from dagster_project.settings import Paths, paths

HOST = "127.0.0.1"


class _Handler(SimpleHTTPRequestHandler):
    """Static files with UTF-8 text types, and a quiet log."""

    extensions_map = {  # noqa: RUF012 (the base class declares it as a plain dict too)
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".sql": "text/plain; charset=utf-8",
    }

    def log_message(self, format: str, *args: object) -> None:
        return


def ensure_current(home: Paths) -> bool:
    """Build the site if it is missing or older than the published file; False if impossible."""
    from dagster_project.publish.dashboard.record import is_current

    if is_current(home):
        return True
    if not home.published_db.exists():
        print(f"egov: no published warehouse at {home.published_db}; run `egov refresh` first",
              file=sys.stderr)  # fmt: skip
        return False
    from dagster_project.publish.dashboard.site import build_dashboard

    try:
        with refresh_lock(home.lock_file, wait_s=0):
            result = build_dashboard(home)
    except RefreshBusyError:
        if (home.dashboard_dir / "index.html").exists():
            print("egov: a refresh is running and will rebuild the dashboard; serving it as is",
                  file=sys.stderr)  # fmt: skip
            return True
        print("egov: a refresh is running; try again when it has finished", file=sys.stderr)
        return False
    print(f"built {result.index} from {home.published_db} in {result.seconds:.1f}s")
    return True


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run_dashboard(port: int, *, build_only: bool = False) -> int:
    home = paths()
    if not ensure_current(home):
        return 1
    index = home.dashboard_dir / "index.html"
    if build_only:
        print(f"dashboard: {index}")
        return 0
    handler = functools.partial(_Handler, directory=str(home.dashboard_dir))
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as exc:
        print(f"egov: cannot serve on {HOST}:{port}: {exc}", file=sys.stderr)
        return 1
    print(f"dashboard: http://{HOST}:{server.server_port}/ (also opens from {index})", flush=True)
    print("press Ctrl-C to stop", flush=True)
    # SIGTERM stops it like Ctrl-C, also when it was started with SIGTERM ignored (a process
    # inherits an ignored signal, and a service manager's stop would then wait for SIGKILL).
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
