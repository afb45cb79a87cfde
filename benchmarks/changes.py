"""One changed source, dropped into a refreshed home the way a data engineer would.

* `fx`: the shipped FRED DEXCHUS file with one more business day (2025-05-12);
* `nbs`: the shipped NBS GDP export (GBK) with Beijing's 2018 GDP revised by 1.0 亿元 (a
  year neither the 2021–2025 export nor the GDP-components files (2019–2024) cover: a dbt
  test compares the files where they overlap);
* `report`: a new report document, the 2026 preview re-issued as a 2027 edition with a
  revised 2023 IT spend (from ../shared/reports, like the extraction case; skipped when
  absent: third-party documents are never committed).

Each function writes into the home's inbox and returns what it wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dagster_project.settings import PROJECT_ROOT, SOURCES_DIR

SHARED_REPORT = (
    PROJECT_ROOT.parent / "shared" / "reports" / "smart-gov-market-report-2026-preview.txt"
)


def _drop(home: Path, inbox: str, name: str, data: bytes) -> Path:
    folder = home / "inbox" / inbox
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def changed_fx(home: Path) -> Path:
    text = (SOURCES_DIR / "snapshots" / "fred" / "DEXCHUS.csv").read_text(encoding="utf-8")
    return _drop(home, "fred/dexchus", "DEXCHUS.csv", (text + "2025-05-12,7.2100\n").encode())


def changed_nbs(home: Path) -> Path:
    source = SOURCES_DIR / "snapshots" / "nbs" / "nbs_fsnd_gdp_2006_2024_GBK.csv"
    text = source.read_bytes().decode("gbk")
    revised = text.replace(",37767.0,35161.4,", ",37767.0,35162.4,", 1)
    if revised == text:
        raise ValueError(f"{source}: Beijing's 2018 GDP (35161.4) not found")
    return _drop(home, "nbs/gdp", source.name, revised.encode("gbk"))


def new_report(home: Path) -> Path | None:
    if not SHARED_REPORT.exists():
        return None
    text = SHARED_REPORT.read_text(encoding="utf-8")
    revised = text.replace("2026年及未來5年", "2027年及未來5年").replace("1,862億元", "2,048億元")
    name = "smart-gov-market-report-2027-preview.txt"
    return _drop(home, "reports", name, revised.encode("utf-8"))


CHANGES: dict[str, Callable[[Path], Path | None]] = {
    "fx": changed_fx,
    "nbs": changed_nbs,
    "report": new_report,
}
