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
