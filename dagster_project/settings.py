"""Every path of the platform, derived from EGOV_HOME.

This is the only module that reads environment variables: the rest of the code asks it for
paths, so a test or a user can move the whole warehouse by setting one variable.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = PROJECT_ROOT / "sources"
DBT_DIR = PROJECT_ROOT / "dbt"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
PACKAGE_DIR = PROJECT_ROOT / "dagster_project"
# What `dbt parse` reads: a change in any of these makes the manifest stale.
DBT_WATCHED = ("models", "seeds", "macros", "tests", "dbt_project.yml", "profiles.yml")

# dbt-duckdb bakes the database name (the file stem) into every relation name of the
# manifest, so the build file keeps this stem wherever EGOV_HOME points.
BUILD_DB_NAME = "warehouse"
PUBLISHED_DB_NAME = "egov.duckdb"
# Oldest DuckDB release that must be able to open the published file (BI drivers lag).
STORAGE_COMPATIBILITY = "v1.4.0"
# One pool for every step that opens the build file: DuckDB allows a single writer.
DUCKDB_POOL = "duckdb_build"
# What the dashboard derives from installed packages alone (its chart script bundle, the
# province outlines) belongs to the environment, not to a warehouse home.
DASHBOARD_CACHE_DIR = Path(sys.prefix) / "share" / "egov-dashboard"
# DuckDB's own default is 80% of RAM (9.5 GB at 10M notices on 24 GB); above this limit it
# spills to disk instead (see BENCHMARKS.md for what the limit costs).
DUCKDB_MEMORY_LIMIT = "4GB"
# Validation needs far less than the load: its aggregates spill to disk above this.
CHECKS_MEMORY_LIMIT = "1GB"


@dataclass(frozen=True)
class Paths:
    """The layout of one warehouse home."""

    home: Path

    @property
    def build_dir(self) -> Path:
        return self.home / "build"

    @property
    def build_db(self) -> Path:
        return self.build_dir / f"{BUILD_DB_NAME}.duckdb"

    @property
    def published_db(self) -> Path:
        return self.home / PUBLISHED_DB_NAME

    @property
    def parquet_dir(self) -> Path:
        return self.home / "parquet"

    @property
    def lake_dir(self) -> Path:
        """Open files for other engines: raw/ (the Parquet export), spark/ (Spark's tables)."""
        return self.home / "lake"

    @property
    def dashboard_dir(self) -> Path:
        """The static dashboard (a symlink swapped at each build, like parquet/)."""
        return self.home / "dashboard"

    @property
    def docs_dir(self) -> Path:
        return self.home / "docs"

    @property
    def landing_dir(self) -> Path:
        return self.home / "landing"

    @property
    def rejected_dir(self) -> Path:
        return self.home / "rejected"

    @property
    def inbox_dir(self) -> Path:
        return self.home / "inbox"

    @property
    def reports_inbox(self) -> Path:
        return Path(os.environ.get("EGOV_REPORTS_INBOX") or self.inbox_dir / "reports")

    @property
    def dagster_home(self) -> Path:
        return self.home / "dagster"

    @property
    def state_dir(self) -> Path:
        return self.home / "state"

    @property
    def logs_dir(self) -> Path:
        return self.home / "logs"

    @property
    def lock_file(self) -> Path:
        return self.home / "refresh.lock"

    # Records of what was landed, built and published (written by core.files.write_json).
    def landing_state(self, dataset: str) -> Path:
        """The current and last landed payload of one dataset."""
        return self.state_dir / "landing" / f"{dataset}.json"

    def report_state(self, document_id: str) -> Path:
        """The current landed version of one report document, and its status."""
        return self.state_dir / "reports" / f"{document_id}.json"

    @property
    def report_states_dir(self) -> Path:
        return self.state_dir / "reports"

    @property
    def build_record(self) -> Path:
        return self.state_dir / "build.json"

    @property
    def published_record(self) -> Path:
        return self.state_dir / "published.json"

    @property
    def publishing_record(self) -> Path:
        """The record of a publish between its rename and published.json."""
        return self.state_dir / "publishing.json"

    @property
    def shortcut_record(self) -> Path:
        return self.state_dir / "shortcut.json"

    @property
    def dbt_target_dir(self) -> Path:
        """dbt's artefacts of the last build (run_results.json, the manifest it used)."""
        return self.state_dir / "dbt_target"

    def landed_dataset_dir(self, dataset: str) -> Path:
        return self.landing_dir / dataset

    def landed_report_dir(self, document_id: str) -> Path:
        return self.landing_dir / "reports" / document_id

    def ensure(self) -> Paths:
        for folder in (self.build_dir, self.landing_dir, self.inbox_dir, self.state_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def egov_home() -> Path:
    """EGOV_HOME, default ./warehouse at the project root, always absolute."""
    raw = os.environ.get("EGOV_HOME")
    return Path(raw).expanduser().resolve() if raw else PROJECT_ROOT / "warehouse"


def paths() -> Paths:
    return Paths(egov_home())


def dbt_executable() -> str:
    """dbt from the same environment as this interpreter, whether or not it is on PATH."""
    candidate = Path(sys.executable).parent / "dbt"
    return str(candidate) if candidate.exists() else "dbt"


def http_timeout_s() -> float:
    """Per request: connecting, and each read of the body."""
    return float(os.environ.get("EGOV_HTTP_TIMEOUT_S", "30"))


def http_deadline_s() -> float:
    """Per fetch, everything included (attempts, redirects, backoff, the whole body)."""
    return float(os.environ.get("EGOV_HTTP_DEADLINE_S", "600"))


def http_max_bytes() -> int:
    """The largest body a fetch accepts (a declaration's `max_bytes` wins)."""
    return int(os.environ.get("EGOV_HTTP_MAX_BYTES", str(512 * 1024 * 1024)))


def drill_pause_s(point: str) -> float:
    """Crash-safety drills: EGOV_DRILL_PAUSE=publish:30 holds the refresh at that point so a
    test (or an operator rehearsing recovery) can kill it there. Unset in normal use."""
    raw = os.environ.get("EGOV_DRILL_PAUSE", "")
    name, _, seconds = raw.partition(":")
    return float(seconds or 0) if name == point else 0.0


def _memory_size(variable: str, default: str) -> str:
    value = os.environ.get(variable, "").strip() or default
    if not re.fullmatch(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", value, re.IGNORECASE):
        raise ValueError(f"{variable}={value!r}: expected a size such as {default}")
    return value


def duckdb_memory_limit() -> str:
    """EGOV_DUCKDB_MEMORY_LIMIT: the most memory DuckDB may use for the build (load, models,
    publish) before it spills to disk beside the build file; e.g. `4GB`."""
    return _memory_size("EGOV_DUCKDB_MEMORY_LIMIT", DUCKDB_MEMORY_LIMIT)


def checks_memory_limit() -> str:
    """EGOV_CHECKS_MEMORY_LIMIT: DuckDB's limit while a suite validates (GX's queries run in
    DuckDB), `1GB` by default: at 10 million notices the checks then peak at about 1.2 GB of
    process memory instead of 2.5 GB, for about a third more time."""
    return _memory_size("EGOV_CHECKS_MEMORY_LIMIT", CHECKS_MEMORY_LIMIT)


def dbt_env(p: Paths) -> dict[str, str]:
    """Variables dbt reads through env_var() in profiles.yml and models."""
    return {
        "EGOV_BUILD_DB": str(p.build_db),
        "EGOV_SOURCES_DIR": str(SOURCES_DIR),
        "EGOV_DUCKDB_MEMORY_LIMIT": duckdb_memory_limit(),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_VERSION_CHECK": "false",
    }


def env_with_warning_filter(rule: str) -> dict[str, str]:
    """This process's environment plus one PYTHONWARNINGS rule, for a child process."""
    env = dict(os.environ)
    given = env.get("PYTHONWARNINGS")
    env["PYTHONWARNINGS"] = f"{given},{rule}" if given else rule
    return env


def apply_process_env(p: Paths) -> None:
    """Export the dbt and Dagster variables so subprocesses (dbt, the daemon) see them."""
    os.environ.update(dbt_env(p))
    os.environ["EGOV_HOME"] = str(p.home)
    os.environ["DAGSTER_HOME"] = str(p.dagster_home)
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
