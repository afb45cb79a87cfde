import json

from dagster_project.cli.render import render_csv, render_json, render_table


def test_table_aligns_wide_characters_and_right_aligns_numbers():
    text = render_table(["name", "n"], [("广东省", 1), ("Beijing", 31)])
    lines = text.splitlines()
    assert lines[3] == "| 广东省  |  1 |"
    assert lines[4] == "| Beijing | 31 |"
    assert lines[-1] == "(2 rows)"


def test_csv_and_json_keep_values_and_nulls():
    columns, rows = ["code", "value"], [("440000", 1.5), ("110000", None)]
    assert render_csv(columns, rows) == "code,value\n440000,1.5\n110000,"
    assert json.loads(render_json(columns, rows)) == [
        {"code": "440000", "value": 1.5},
        {"code": "110000", "value": None},
    ]


def test_numbers_are_written_out_in_full():
    from decimal import Decimal

    from dagster_project.cli.render import plain_number

    assert plain_number(1.862e11) == "186200000000"
    assert plain_number(1e20) == "100000000000000000000"
    assert plain_number(0.1) == "0.1"
    assert plain_number(1.5e-7) == "0.00000015"
    assert plain_number(-0.0) == "0"
    assert plain_number(Decimal("1.8620E+11")) == "186200000000"
    assert plain_number(float("nan")) == "nan"
    table = render_table(["v"], [(1.862e11,)])
    assert "| 186200000000 |" in table and "e+" not in table
    assert render_csv(["v"], [(1.862e11,), (7.0809,)]) == "v\n186200000000\n7.0809"


def test_cells_are_one_line_and_capped_in_width():
    comment = "第一行 line one\nsecond line " + "x" * 200
    lines = render_table(["id", "comment"], [(1, comment)], max_width=30).splitlines()
    assert len(lines) == 6  # border, header, border, one row, border, count
    row = lines[3]
    assert "↵" in row and row.endswith("… |")
    assert max(len(line) for line in lines) < 50
    unlimited = render_table(["comment"], [(comment,)], max_width=0).splitlines()
    assert len(unlimited[3]) > 200
    assert json.loads(render_json(["comment"], [(comment,)]))[0]["comment"] == comment
