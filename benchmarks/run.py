"""`make bench`: the refresh, its scale path and its readers, measured against plain DuckDB.

Cases (BENCH_CASES, comma-separated; default all):
* refresh — a cold full refresh of the embedded default (new EGOV_HOME each time), split
  into start-up, raw, dbt, checks, publish, a no-op refresh (nothing changed) answered
  by the input digest and, with --no-shortcut, by the job, and one-source refreshes (a
  changed FX file, a changed NBS file, a new report document: benchmarks/changes.py)
  measured as a share of the cold refresh;
* scale — synthetic procurement notices (BENCH_SIZES rows) through ingestion, dbt, checks
  and publish, plus the GX checks of the two largest tables alone (time and memory);
* ingest — the same notices (BENCH_INGEST_SIZES rows) landed, loaded and checked only (the
  raw asset and its suite), and that suite's GX checks alone (time and memory);
* extract — report extraction throughput (skipped when ../shared/reports is absent);
* dashboard — building the dashboard on the default home: cold (no cached script bundle or
  province outlines, as in an environment never warmed) and warm (every refresh after
  `make setup`), split into its parts, and its step inside a cold refresh;
* query — BI query latency on the published files (the default home and every scale home,
  of this run or left on disk by an earlier one).
Every entry is the median of BENCH_REPEATS runs (default 3) next to its baseline: the same
work by plain DuckDB in one process (benchmarks/baseline.py), ratio = wall_s / baseline.
Writes benchmarks/results/latest.json (entries of cases not run this time are kept from the
previous file, each with its own `generated_at`) and prints a markdown table. Everything is
written under benchmarks/results/work/ (git-ignored), never into ./warehouse.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import changes, extraction, generate_notices, queries, timeline
from benchmarks.suite_overlay import ALLOWANCES, write_overlay
from dagster_project.settings import DBT_DIR, PROJECT_ROOT, SOURCES_DIR, Paths, dbt_env

RESULTS = Path(__file__).resolve().parent / "results"
WORK = RESULTS / "work"
PYTHON = sys.executable
# The whole refresh at 1M notices takes about a minute and a half a run, at 10M about five
# (BENCH_SIZES=1000000,10000000); the ingestion and its checks run at every size.
DEFAULT_SIZES = "1000000"
DEFAULT_INGEST_SIZES = "100000,1000000,10000000"
CHECKED_SUITES = ["raw/ccgp_shandong__intentions.yml", "marts/fct_procurement_notices.yml"]


@dataclass(frozen=True)
class Measured:
    wall_s: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str
    started_at: float


def _process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def _high_water_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), "VmHWM: 0 kB")
    return int(line.split()[1])


def _watch(root: int, peaks: dict[int, int], done: threading.Event) -> None:
    """The high-water RSS of every process of the tree (the CLI, its dbt subprocess, …).

    Read from /proc rather than from wait4: a child's ru_maxrss starts from its parent's
    size at fork, so it would count the harness itself."""
    while not done.wait(0.2):
        for pid in _process_tree(root):
            peaks[pid] = max(peaks.get(pid, 0), _high_water_kb(pid))


def measure(command: list[str], env: dict[str, str] | None = None) -> Measured:
    """Wall time and peak RSS (the largest process of its tree) of one command."""
    out, err = WORK / "last.stdout", WORK / "last.stderr"
    with out.open("w") as stdout, err.open("w") as stderr:
        started_at = time.time()
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env={**os.environ, **(env or {})}, stdout=stdout,
            stderr=stderr,
        )  # fmt: skip
        peaks: dict[int, int] = {}
        done = threading.Event()
        watcher = threading.Thread(target=_watch, args=(process.pid, peaks, done), daemon=True)
        watcher.start()
        _, status, _ = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        watcher.join()
    return Measured(
        wall_s=wall,
        peak_rss_mb=max(peaks.values(), default=0) / 1024,
        returncode=os.waitstatus_to_exitcode(status),
        stdout=out.read_text(),
        stderr=err.read_text(),
        started_at=started_at,
    )


def _require(result: Measured, what: str) -> None:
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}"
                           f"\n{result.stderr[-3000:]}")  # fmt: skip


def _fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    return path


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def _median_split(splits: list[dict]) -> dict[str, Any]:
    first = splits[0] if splits else {}
    keys = [k for k, v in first.items() if k.endswith("_s") and isinstance(v, int | float)]
    merged: dict[str, Any] = {k: _median([s.get(k, 0.0) for s in splits]) for k in keys}
    for extra in ("dbt_node_seconds", "dbt_slowest"):
        if splits and extra in splits[-1]:
            merged[extra] = splits[-1][extra]
    return merged


def entry(name: str, n: int | None, walls: list[float], rss: list[float], baseline: list[float],
          **extra: Any) -> dict[str, Any]:  # fmt: skip
    wall = _median(walls)
    base = _median(baseline) if baseline else None
    return {
        "name": name,
        "n": n,
        "wall_s": wall,
        "peak_rss_mb": round(max(rss), 1) if rss else None,
        "baseline_wall_s": base,
        "ratio": round(wall / base, 2) if base else None,
        "runs_s": [round(w, 3) for w in walls],
        **extra,
    }


def prepare() -> Path:
    """A fresh dbt manifest for the CLI, and the compiled project for the baseline."""
    from dagster_project.transform.manifest import ensure_manifest

    home = Paths(WORK / "homes" / "prepare")
    home.build_dir.mkdir(parents=True, exist_ok=True)
    ensure_manifest(home)
    target = WORK / "dbt_compiled"
    env = {**os.environ, **dbt_env(home), "EGOV_BUILD_DB": str(home.build_db)}
    dbt = [str(Path(PYTHON).parent / "dbt")]
    project = ["--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)]
    # Models that inline a seed's rows at compile time (segment rules) read the seed then.
    for step in (["seed"], ["compile", "--target-path", str(target)]):
        subprocess.run([*dbt, *step, *project, "--quiet"], env=env, check=True, capture_output=True)
    return target / "manifest.json"


def _refresh(home: Path, command: list[str]) -> tuple[Measured, dict]:
    result = measure(command, {"EGOV_HOME": str(home)})
    _require(result, f"refresh of {home}")
    return result, timeline.split(home, result.started_at, result.wall_s)


def _baseline(home: Path, manifest: Path, suites: Path, csv: Path | None = None,
              *, ingest: bool = False) -> tuple:  # fmt: skip
    command = [PYTHON, "-m", "benchmarks.baseline", str(home), str(manifest), str(suites)]
    options = [*(["--csv", str(csv)] if csv else []), *(["--ingest"] if ingest else [])]
    result = measure([*command, *options])
    _require(result, "baseline")
    return result, json.loads(result.stdout.strip().splitlines()[-1])


def _input_digest() -> None:
    """The least a no-op refresh must do: read every input and compare a digest."""
    digest = hashlib.sha256()
    for root in (SOURCES_DIR, DBT_DIR / "models", DBT_DIR / "seeds", PROJECT_ROOT / "expectations"):
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(path.read_bytes())


def case_refresh(repeats: int, manifest: Path) -> tuple[list[dict], Path]:
    egov = [PYTHON, "-m", "dagster_project.cli.main", "refresh"]
    cold, cold_splits = [], []
    for i in range(repeats):
        home = _fresh(WORK / "homes" / f"default-{i}")
        cold.append(_refresh(home, egov))
        cold_splits.append(cold[-1][1])
    # The shortcut (a digest of the local inputs, no Dagster) and the job's own no-op path
    # (every raw asset re-reads its source and finds it unchanged): `--no-shortcut` first,
    # since a job run forgets the shortcut's record until it succeeds.
    noop_job, noop_job_splits = [], []
    for _ in range(repeats):
        noop_job.append(_refresh(home, [*egov, "--no-shortcut"]))
        noop_job_splits.append(noop_job[-1][1])
    noop, noop_splits = [], []
    for _ in range(repeats):
        noop.append(_refresh(home, egov))
        noop_splits.append(noop[-1][1])
    base = [_baseline(WORK / "homes" / "baseline-default", manifest, PROJECT_ROOT / "expectations")
            for _ in range(repeats)]  # fmt: skip
    floor = []
    for _ in range(repeats):
        started = time.perf_counter()
        _input_digest()
        floor.append(time.perf_counter() - started)
    rows = base[-1][1]["raw_rows"]
    cold_entry = entry(
        "refresh_cold", rows, [m.wall_s for m, _ in cold], [m.peak_rss_mb for m, _ in cold],
        [m.wall_s for m, _ in base], split=_median_split(cold_splits),
        baseline_split=_median_split([b for _, b in base]),
    )  # fmt: skip
    noop_entry = entry(
        "refresh_noop", rows, [m.wall_s for m, _ in noop], [m.peak_rss_mb for m, _ in noop],
        floor, split=_median_split(noop_splits),
        baseline_note="sha256 of every input file (sources, dbt project, suites)",
    )  # fmt: skip
    noop_entry["share_of_cold"] = round(noop_entry["wall_s"] / cold_entry["wall_s"], 3)
    job_entry = entry(
        "refresh_noop_job", rows, [m.wall_s for m, _ in noop_job],
        [m.peak_rss_mb for m, _ in noop_job], floor, split=_median_split(noop_job_splits),
        baseline_note="sha256 of every input file (sources, dbt project, suites)",
    )  # fmt: skip
    job_entry["share_of_cold"] = round(job_entry["wall_s"] / cold_entry["wall_s"], 3)
    sources = [
        _one_source(name, kind, command, home, repeats=repeats, cold=cold_entry)
        for name, (kind, command) in _one_source_commands(egov).items()
    ]
    return [cold_entry, noop_entry, job_entry, *sources], home


def _one_source_commands(egov: list[str]) -> dict[str, tuple[str, Any]]:
    """entry -> (change, command): each source's own job (what its schedule and inbox sensor
    run), `egov ingest-report` for a new document, and `egov refresh` for a changed FX file
    (the whole job: every other source re-read and found unchanged)."""
    job = [PYTHON, "-m", "benchmarks.source_job"]
    return {
        "refresh_source_fx": ("fx", lambda _: [*job, "fred__dexchus"]),
        "refresh_source_nbs": ("nbs", lambda _: [*job, "nbs__gdp"]),
        "refresh_source_report": ("report", lambda path: [*egov[:-1], "ingest-report", str(path)]),
        "refresh_changed_fx_all": ("fx", lambda _: egov),
    }


def _one_source(name: str, kind: str, command: Any, refreshed: Path, *, repeats: int,
                cold: dict) -> dict:  # fmt: skip
    """One changed source dropped into a copy of a refreshed home, then its refresh: only
    what depends on it is rebuilt and republished (ratio: share of a cold refresh)."""
    runs, splits = [], []
    for i in range(repeats):
        home = _fresh(WORK / "homes" / f"source-{kind}-{i}")
        shutil.copytree(refreshed, home, symlinks=True)
        changed = changes.CHANGES[kind](home)
        if changed is None:
            return {"name": name, "n": None, "skipped": f"no input for the {kind} change"}
        runs.append(_refresh(home, command(changed)))
        splits.append(runs[-1][1])
        published = json.loads((home / "state" / "published.json").read_text(encoding="utf-8"))
        shutil.rmtree(home, ignore_errors=True)
    found = entry(
        name, cold["n"], [m.wall_s for m, _ in runs], [m.peak_rss_mb for m, _ in runs],
        [cold["wall_s"]], split=_median_split(splits), publish_mode=published.get("mode"),
        replaced=published.get("replaced"),
        baseline_note="the cold refresh of this run (target: at most 30% of it)",
    )  # fmt: skip
    found["share_of_cold"] = round(found["wall_s"] / cold["wall_s"], 3)
    return found


def case_scale(size: int, repeats: int, manifest: Path) -> tuple[list[dict], Path]:
    started = time.perf_counter()
    csv = generate_notices.cached(size)
    generated_s = time.perf_counter() - started
    suites = write_overlay(WORK / "suites")
    egov = [PYTHON, "-m", "benchmarks.egov_synthetic", str(suites), "refresh"]
    runs, splits, probes = [], [], []
    home = WORK / "homes" / f"scale-{size}"
    for i in range(repeats):
        home = _fresh(WORK / "homes" / f"scale-{size}-{i}")
        generate_notices.drop_into(home, csv)
        runs.append(_refresh(home, egov))
        splits.append(runs[-1][1])
        probe = measure([PYTHON, "-m", "benchmarks.checks_probe", str(home), str(suites),
                         *CHECKED_SUITES])  # fmt: skip
        _require(probe, "checks probe")
        probes.append({**json.loads(probe.stdout.strip().splitlines()[-1]),
                       "peak_rss_mb": probe.peak_rss_mb})  # fmt: skip
        if i < repeats - 1:
            shutil.rmtree(home, ignore_errors=True)  # gigabytes at 10M rows
    base = []
    for _ in range(repeats):
        base.append(_baseline(WORK / "homes" / f"baseline-{size}", manifest, suites, csv))
    shutil.rmtree(WORK / "homes" / f"baseline-{size}", ignore_errors=True)
    relations = [f"{p.split('/')[0]}.{Path(p).stem}" for p in CHECKED_SUITES]
    gx = [sum(p["seconds"].values()) for p in probes]
    sql = [sum(b["suite_s"][r] for r in relations) for _, b in base]
    scale_entry = entry(
        "scale_refresh", size, [m.wall_s for m, _ in runs], [m.peak_rss_mb for m, _ in runs],
        [m.wall_s for m, _ in base], split=_median_split(splits),
        baseline_split=_median_split([b for _, b in base]),
        csv_mb=round(csv.stat().st_size / 1e6, 1), generate_s=round(generated_s, 1),
        suite_allowances=ALLOWANCES,
    )  # fmt: skip
    checks_entry = entry(
        "scale_gx_checks", size, gx, [p["peak_rss_mb"] for p in probes], sql,
        suites=relations, failed=probes[-1]["failed"],
        baseline_note="the same suites as SQL aggregates (benchmarks/sql_checks.py)",
    )  # fmt: skip
    return [scale_entry, checks_entry], home


def case_ingest(size: int, repeats: int) -> list[dict]:
    """The scale path up to the first model: land, load and check the intentions."""
    csv = generate_notices.cached(size)
    suites = write_overlay(WORK / "suites")
    egov = [PYTHON, "-m", "benchmarks.egov_synthetic", str(suites), "ingest"]
    runs, splits, probes = [], [], []
    for i in range(repeats):
        home = _fresh(WORK / "homes" / f"ingest-{size}-{i}")
        generate_notices.drop_into(home, csv)
        runs.append(_refresh(home, egov))
        splits.append(runs[-1][1])
        probe = measure([PYTHON, "-m", "benchmarks.checks_probe", str(home), str(suites),
                         CHECKED_SUITES[0]])  # fmt: skip
        _require(probe, "checks probe")
        probes.append({**json.loads(probe.stdout.strip().splitlines()[-1]),
                       "peak_rss_mb": probe.peak_rss_mb})  # fmt: skip
        shutil.rmtree(home, ignore_errors=True)
    base = []
    for _ in range(repeats):
        base.append(
            _baseline(WORK / "homes" / f"baseline-ingest-{size}", WORK, suites, csv, ingest=True)
        )
    shutil.rmtree(WORK / "homes" / f"baseline-ingest-{size}", ignore_errors=True)
    ingest_entry = entry(
        "scale_ingest", size, [m.wall_s for m, _ in runs], [m.peak_rss_mb for m, _ in runs],
        [m.wall_s for m, _ in base], split=_median_split(splits),
        baseline_split=_median_split([b for _, b in base]), suite_allowances=ALLOWANCES,
    )  # fmt: skip
    checks_entry = entry(
        "scale_ingest_gx_checks", size, [sum(p["seconds"].values()) for p in probes],
        [p["peak_rss_mb"] for p in probes], [b["suites_s"] for _, b in base],
        suites=["raw.ccgp_shandong__intentions"], failed=probes[-1]["failed"],
        baseline_note="the same suite as SQL aggregates (benchmarks/sql_checks.py)",
    )  # fmt: skip
    return [ingest_entry, checks_entry]


def case_dashboard(repeats: int, homes: dict[str, Path], refresh_entries: list[dict]) -> list[dict]:
    """The dashboard on the default data (the issue's budget: at most 10 s added to a refresh).

    Its step inside a cold refresh comes from this run's refresh case, else from one cold
    refresh of a new home made here; the build alone is then measured on that home."""
    cold = next((e for e in refresh_entries if e["name"] == "refresh_cold"), None)
    home = homes.get("default")
    if cold is None or home is None:
        home = _fresh(WORK / "homes" / "dashboard")
        measured, split = _refresh(home, [PYTHON, "-m", "dagster_project.cli.main", "refresh"])
        cold = {"wall_s": measured.wall_s, "split": split}
    builds, parts, rss = [], [], []
    for _ in range(repeats):
        for mode, found in (("builds", builds), ("parts", parts)):
            result = measure([PYTHON, "-m", "benchmarks.dashboard", str(home),
                              str(WORK / "dashboard-cache"), mode])  # fmt: skip
            _require(result, f"dashboard {mode}")
            found.append(json.loads(result.stdout.strip().splitlines()[-1]))
            rss.append(result.peak_rss_mb)
    baseline = [p["baseline_s"] for p in parts]
    note = "the dashboard's queries by plain DuckDB, rows written as one JSON file"

    def median_split(kind: str) -> dict[str, float]:
        return {k: _median([p[kind][k] for p in parts]) for k in parts[0][kind]}

    entries = [
        entry("dashboard_cold", None, [b["cold_s"] for b in builds], rss, baseline,
              split=median_split("cold"), import_s=_median([b["import_s"] for b in builds]),
              baseline_note=note),
        entry("dashboard_warm", None, [b["warm_s"] for b in builds], rss, baseline,
              split=median_split("warm"), baseline_note=note),
    ]  # fmt: skip
    step = cold["split"].get("dashboard_s")
    if step is not None:
        entries.append(
            {"name": "dashboard_refresh_step", "n": None, "wall_s": step, "peak_rss_mb": None,
             "baseline_wall_s": None, "ratio": None,
             "share_of_cold": round(step / cold["wall_s"], 3),
             "note": "the step inside a cold refresh of a new home"}
        )  # fmt: skip
    return entries


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _note(e: dict) -> str:
    if "p95_ms" in e:
        return f"p50 {e['p50_ms']} ms, p95 {e['p95_ms']} ms"
    if "mb_per_s" in e:
        return f"{e['mb_per_s']} MB/s (floor {e['baseline_mb_per_s']} MB/s)"
    if "share_of_cold" in e:
        return f"{e['share_of_cold']:.1%} of a cold refresh"
    split = e.get("split") or {}
    parts = ("startup_s", *timeline.BUCKETS, "bundle_s", "shapes_s", "queries_s", "render_s")
    keys = [k for k in parts if k in split]
    return ", ".join(f"{k[:-2]} {split[k]:.1f}" for k in keys)


def table(entries: list[dict]) -> str:
    """The markdown table printed at the end (and after each scale size)."""
    lines = [
        "| case | n | wall_s | peak_rss_mb | baseline_wall_s | ratio | notes |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for e in entries:
        if "skipped" in e:
            lines.append(f"| {e['name']} | {_cell(e.get('n'))} | | | | | {e['skipped']} |")
            continue
        cells = [e.get(k) for k in ("n", "wall_s", "peak_rss_mb", "baseline_wall_s", "ratio")]
        lines.append(f"| {e['name']} | {' | '.join(_cell(c) for c in cells)} | {_note(e)} |")
    return "\n".join(lines)


def case_of(name: str) -> str:
    """The case an entry belongs to (entries of other cases survive a partial run)."""
    prefixes = {
        "refresh_": "refresh",
        "scale_ingest": "ingest",
        "scale_": "scale",
        "extract_": "extract",
        "query_": "query",
        "dashboard_": "dashboard",
    }
    return next((case for prefix, case in prefixes.items() if name.startswith(prefix)), "other")


def _kept(path: Path, cases: list[str]) -> list[dict]:
    """Entries of an earlier latest.json for the cases this run does not measure."""
    if not path.exists():
        return []
    earlier = json.loads(path.read_text(encoding="utf-8"))
    return [
        {**e, "generated_at": e.get("generated_at", earlier.get("generated_at"))}
        for e in earlier.get("entries", [])
        if case_of(e["name"]) not in cases
    ]


def _scale_homes_on_disk() -> dict[str, Path]:
    """Published scale homes left by earlier runs (one per size), so that the query case can
    measure a 10M-item mart without rebuilding it."""
    found = {}
    for home in sorted((WORK / "homes").glob("scale-*-*"), key=lambda p: p.stat().st_mtime):
        if (home / "egov.duckdb").exists():
            found[f"scale {home.name.split('-')[1]}"] = home
    return found


def main() -> int:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", DEFAULT_SIZES).split(",") if s]
    ingest_sizes = os.environ.get("BENCH_INGEST_SIZES", DEFAULT_INGEST_SIZES)
    repeats = int(os.environ.get("BENCH_REPEATS", "3"))
    cases = os.environ.get("BENCH_CASES", "refresh,scale,ingest,extract,query,dashboard").split(",")
    WORK.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DBT_VERSION_CHECK", "false")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    manifest = prepare()
    entries: list[dict] = []
    homes: dict[str, Path] = {}
    if "refresh" in cases:
        found, homes["default"] = case_refresh(repeats, manifest)
        entries += found
    if "scale" in cases:
        for size in sizes:
            found, homes[f"scale {size}"] = case_scale(size, repeats, manifest)
            entries += found
            print(table(found), flush=True)
    if "ingest" in cases:
        for size in [int(s) for s in ingest_sizes.split(",") if s]:
            found = case_ingest(size, repeats)
            entries += found
            print(table(found), flush=True)
    if "extract" in cases:
        entries += extraction.measure(repeats)
    if "query" in cases:
        for label, home in {**_scale_homes_on_disk(), **homes}.items():
            entries += queries.measure(home / "egov.duckdb", label.replace(" ", "-"))
    if "dashboard" in cases:
        entries += case_dashboard(repeats, homes, entries)
    generated_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    for found in entries:
        found["generated_at"] = generated_at
    order = ["refresh", "scale", "ingest", "extract", "query", "dashboard", "other"]
    entries = sorted(
        [*_kept(RESULTS / "latest.json", cases), *entries],
        key=lambda e: order.index(case_of(e["name"])),
    )
    report = {
        "generated_at": generated_at,
        "machine": {
            "cpus": os.cpu_count(),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "last_invocation": {
            "sizes": sizes,
            "ingest_sizes": ingest_sizes,
            "repeats": repeats,
            "cases": cases,
        },
        "entries": entries,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(table(entries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
