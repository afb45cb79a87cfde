"""A full disk, for real: the warehouse home on a small tmpfs (mounted in a private mount
namespace, so nothing outside the test sees it), filled before or during a refresh."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.support import Refreshed

# Runs inside the namespace: mount, copy the home, fill the disk, refresh, look, free, retry.
DRIVER = r"""
import hashlib, json, os, shutil, subprocess, sys
template, mount, leave, retry = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
size = sum(f.stat().st_size for f in __import__("pathlib").Path(template).rglob("*")
           if f.is_file() and not f.is_symlink())
os.makedirs(mount, exist_ok=True)
subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size // 2**20 + 96}m", "tmpfs", mount],
               check=True)
home = os.path.join(mount, "home")
shutil.copytree(template, home, symlinks=True)
published = os.path.join(home, "egov.duckdb")
digest = lambda: hashlib.sha256(open(published, "rb").read()).hexdigest()
before = digest()
filler = os.path.join(mount, "filler")
with open(filler, "wb") as handle:
    room = shutil.disk_usage(mount).free - leave
    block = b"\0" * 2**20
    while room > 0:
        handle.write(block[: min(len(block), room)])
        room -= len(block)
egov = [sys.executable, "-m", "dagster_project.cli.main"]
env = {**os.environ, "EGOV_HOME": home}
full = subprocess.run([*egov, "refresh", "--force"], env=env, capture_output=True, text=True,
                      timeout=1800)
report = {"code": full.returncode, "stdout": full.stdout, "stderr": full.stderr,
          "unchanged": digest() == before,
          "leftovers": [n for n in os.listdir(home) if n.startswith(".egov.duckdb.tmp-")]}
os.unlink(filler)
status = subprocess.run([*egov, "status"], env=env, capture_output=True, text=True, timeout=300)
report["status_code"] = status.returncode
if retry:
    again = subprocess.run([*egov, "refresh"], env=env, capture_output=True, text=True,
                           timeout=1800)
    report["retry_code"], report["retry_output"] = again.returncode, again.stdout + again.stderr
print(json.dumps(report))
"""


def _namespace() -> list[str] | None:
    """A command prefix giving the driver a private mount namespace, or None."""
    if shutil.which("unshare") is None:
        return None
    for prefix in (
        ["unshare", "--mount", "--propagation", "private"],
        ["unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"],
    ):
        probe = [*prefix, "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt 2>/dev/null || "
                 "mount -t tmpfs -o size=1m tmpfs /tmp"]  # fmt: skip
        if subprocess.run(probe, capture_output=True, check=False).returncode == 0:
            return prefix
    return None


def _paragraph(stderr: str) -> list[str]:
    """What egov said beyond its progress lines (one per finished stage or failed step)."""
    progress = ("egov: sources landed", "egov: dbt ", "egov: checks", "egov: publish",
                "egov: report documents", "egov: step ")  # fmt: skip
    return [line for line in stderr.splitlines() if line and not line.startswith(progress)]


@pytest.mark.parametrize(
    ("leave_bytes", "retry"),
    [(0, False), (3 * 2**20, True)],
    ids=["full-before-the-run", "full-during-the-run"],
)
def test_a_full_disk_is_said_in_one_paragraph_and_publishes_nothing(
    refreshed_template: Refreshed, tmp_path, leave_bytes, retry
):
    prefix = _namespace()
    if prefix is None:
        pytest.skip("no private mount namespace (unshare) to mount a small tmpfs in")
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    done = subprocess.run(
        [*prefix, sys.executable, str(driver), str(refreshed_template.home),
         str(tmp_path / "mnt"), str(leave_bytes), "1" if retry else "0"],
        capture_output=True, text=True, timeout=3600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    said = _paragraph(report["stderr"])
    assert report["code"] == 1, report["stdout"] + report["stderr"]
    assert len(said) == 1, "\n".join(said)
    assert said[0].startswith("egov: no space left on device.")
    assert "Nothing was published" in said[0]
    assert "Traceback" not in report["stderr"] + report["stdout"]
    assert report["unchanged"], "the published file changed"
    assert report["leftovers"] == []
    assert report["status_code"] == 0
    if retry:
        assert report["retry_code"] == 0, report["retry_output"][-3000:]
