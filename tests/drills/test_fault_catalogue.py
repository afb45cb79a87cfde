"""The fault catalogue for datasets: one real file per fault, all dropped into their inboxes at
once (the faults are independent, so one refresh meets them all).

Each fault fails only its own dataset, with a message naming the file (and the row and column
where there is one); the published file is byte-identical while nothing else changed; a
refresh with the bad files still present publishes the other datasets (exit 0) or fails with
the same messages (`--strict`, exit 1); and a good file of another dataset is still published.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import duckdb
import openpyxl
import pytest

from dagster_project.core.files import sha256_file
from tests.support import Refreshed, egov

SNAPSHOTS = Path(__file__).resolve().parents[2] / "sources" / "snapshots"


def _text(relative: str, encoding: str = "utf-8") -> str:
    return (SNAPSHOTS / relative).read_bytes().decode(encoding)


def _ningxia_times_ten() -> bytes:
    """GDP of Ningxia ×10 for 2006–2018: each value stays inside the static band."""
    lines = _text("nbs/nbs_fsnd_gdp_2006_2024_GBK.csv", "gbk").split("\r\n")
    header = next(line for line in lines if line.startswith("地区"))
    years = [cell.strip() for cell in header.split(",")]
    for i, line in enumerate(lines):
        if line.startswith("宁夏"):
            cells = line.split(",")
            for j, year in enumerate(years):
                if year.endswith("年") and 2006 <= int(year[:4]) <= 2018:
                    cells[j] = f"{float(cells[j]) * 10:.1f}"
            lines[i] = ",".join(cells)
    return "\r\n".join(lines).encode("gbk")


def _sheet_renamed() -> bytes:
    workbook = openpyxl.load_workbook(
        SNAPSHOTS / "ccgp_shandong" / "ccgp_shandong_intentions_customer_view.xlsx"
    )
    for sheet in workbook.worksheets:
        sheet.title = f"renamed_{sheet.title}"
    if len(workbook.worksheets) == 1:
        workbook.create_sheet("notes").append(["这不是数据表"])
        workbook.move_sheet("notes", offset=-1)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _future_dated_fred() -> bytes:
    text = _text("fred/DEXCHUS.csv").rstrip("\n")
    return (text + "\n2031-01-02,7.1000\n2031-01-03,7.1100\n").encode()


def _negative_ecb_rate() -> bytes:
    lines = _text("ecb/eurofxref-hist.csv").split("\n")
    header = lines[0].split(",")
    cells = lines[5].split(",")
    cells[header.index("CNY")] = "-" + cells[header.index("CNY")]
    lines[5] = ",".join(cells)
    return "\n".join(lines).encode()


def _duplicated_key() -> bytes:
    lines = _text("nbs/nbs_fsnd_gdp_index_2016_2025.csv", "utf-8-sig").split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("河北"))
    lines.insert(row + 1, lines[row])
    return "\n".join(lines).encode("utf-8-sig")


def _renamed_column() -> bytes:
    text = _text("nbs/nbs_fsnd_population_2024.csv", "utf-8-sig")
    return text.replace("城镇人口 (万人)", "城镇人口数", 1).encode("utf-8-sig")


def _truncated() -> bytes:
    text = _text("nbs/nbs_annual_by_province_population_2000_2020_en.csv")
    return text[: text.index("Guangdong") + 30].encode()


# (dataset, inbox, file name, bytes, what the message must name besides the file)
FAULTS = [
    ("nbs__population_2000_2020", "nbs/population_2000_2020",
     "nbs_annual_by_province_population_2000_2020_en.csv", _truncated, ["row "]),
    ("nbs__budget_revenue", "nbs/budget_revenue",
     "nbs_fsnd_local_general_budget_revenue_2016_2024.csv",
     lambda: _text("nbs/nbs_fsnd_local_general_budget_revenue_2016_2024.csv", "utf-8-sig")
     .encode("utf-16"), []),
    ("nbs__population_2024", "nbs/population_2024", "nbs_fsnd_population_2024.csv",
     _renamed_column, ["column 城镇人口数"]),
    ("nbs__gdp", "nbs/gdp", "nbs_fsnd_gdp_2006_2024_GBK.csv", _ningxia_times_ten,
     ["row ", "column 2019年"]),
    ("nbs__gdp_index", "nbs/gdp_index", "nbs_fsnd_gdp_index_2016_2025.csv", _duplicated_key,
     ["row "]),
    ("modood__provinces", "modood/provinces", "provinces.csv", lambda: b"", []),
    ("nbs__gdp_2021_2025", "nbs/gdp_2021_2025", "nbs_fsnd_gdp_2021_2025.csv",
     lambda: bytes(range(256)) * 64, []),
    ("ccgp_shandong__intentions", "ccgp_shandong/intentions",
     "ccgp_shandong_intentions_customer_view.xlsx", _sheet_renamed, []),
    ("fred__dexchus", "fred/dexchus", "DEXCHUS.csv", _future_dated_fred,
     ["row ", "column rate_date"]),
    ("ecb__eurofxref", "ecb/eurofxref", "eurofxref-hist.csv", _negative_ecb_rate,
     ["row 6", "column "]),
]  # fmt: skip


def _messages(output: str) -> dict[str, str]:
    """The line that names each failed dataset (one paragraph each)."""
    found = {}
    for dataset, *_ in FAULTS:
        lines = [line.strip() for line in output.splitlines() if dataset in line]
        found[dataset] = next((line for line in lines if "file " in line), "")
    return found


@pytest.fixture(scope="module")
def faulty(refreshed_copy: Refreshed) -> dict:
    home = refreshed_copy.home
    before = sha256_file(home / "egov.duckdb")
    # Made once: an xlsx written again differs in its zip timestamps.
    payloads = {dataset: make() for dataset, _, _, make, _ in FAULTS}
    for dataset, inbox, name, _, _ in FAULTS:
        folder = home / "inbox" / inbox
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(payloads[dataset])
    first = egov(home, "refresh")
    strict = egov(home, "refresh", "--strict")
    # Taken here: other tests of this module refresh the home again.
    after = sha256_file(home / "egov.duckdb")
    return {
        "home": home, "before": before, "after": after, "first": first, "strict": strict,
        "payloads": payloads,
    }  # fmt: skip


def test_each_fault_fails_its_dataset_with_a_message_naming_the_file(faulty):
    result = faulty["first"]
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    messages = _messages(output)
    for dataset, _, name, _, parts in FAULTS:
        message = messages[dataset]
        assert name in message, f"{dataset}: {message or output}"
        for part in parts:
            assert part in message, f"{dataset}: {message}"


def test_the_published_file_is_unchanged(faulty):
    assert faulty["after"] == faulty["before"]


def test_bad_payloads_stay_in_landing(faulty):
    for dataset, _, name, _, _ in FAULTS:
        landed = list((faulty["home"] / "landing" / dataset).glob(f"*/{name}"))
        assert any(path.read_bytes() == faulty["payloads"][dataset] for path in landed), dataset


def test_strict_fails_with_the_same_messages(faulty):
    strict = faulty["strict"]
    assert strict.returncode == 1
    first = _messages(faulty["first"].stdout + faulty["first"].stderr)
    again = _messages(strict.stdout + strict.stderr)
    strip = re.compile(r"\([^)]*run [^)]*\)")
    assert {k: strip.sub("", v) for k, v in again.items()} == {
        k: strip.sub("", v) for k, v in first.items()
    }


def test_a_good_file_of_another_dataset_is_published_meanwhile(faulty):
    home = faulty["home"]
    cities = _text("modood/cities.csv").replace("石家庄市", "石门市", 1)  # its name until 1947
    folder = home / "inbox" / "modood" / "cities"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cities.csv").write_text(cities, encoding="utf-8")
    result = egov(home, "refresh")
    assert result.returncode == 0, result.stdout + result.stderr
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    try:
        assert (
            con.execute(
                "select count(*) from marts.dim_region where name_zh = '石门市'"
            ).fetchone()[0]
            == 1
        )
        ningxia = con.execute(
            "select max(gdp_cny) from marts.fct_province_stats "
            "where region_code = '640000' and year between 2006 and 2018"
        ).fetchone()[0]
    finally:
        con.close()
    assert ningxia < 1e12, "the rejected GDP payload reached the marts"
