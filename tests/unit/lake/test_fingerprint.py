"""Order-independent fingerprints of relations, as the Spark check compares them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from dagster_project.lake.fingerprint import differences, relation_fingerprint

COLUMNS = ["id", "name", "value_cny", "at"]
ROWS = [
    (1, "广州", Decimal("1020000000.00"), datetime(2024, 1, 2, 3, 4, 5)),
    (2, "Xi'an", Decimal("0.10"), None),
    (3, None, Decimal("93.80"), datetime(2024, 5, 6)),
]


def test_row_order_and_number_types_do_not_matter():
    spark_like = [
        (3, None, 93.8, datetime(2024, 5, 6)),
        (1, "广州", 1020000000.0, datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
        (2, "Xi'an", 0.1, None),
    ]
    assert (
        differences(
            relation_fingerprint(COLUMNS, ROWS),
            relation_fingerprint([c.upper() for c in COLUMNS], spark_like),
        )
        == []
    )


def test_money_within_one_billionth_is_equal_and_beyond_it_differs():
    close = [(*row[:2], float(row[2]) * (1 + 5e-10), row[3]) for row in ROWS]
    far = [(*row[:2], float(row[2]) * (1 + 1e-6), row[3]) for row in ROWS]
    expected = relation_fingerprint(COLUMNS, ROWS)
    assert differences(expected, relation_fingerprint(COLUMNS, close)) == []
    assert differences(expected, relation_fingerprint(COLUMNS, far)) == ["column value_cny differs"]


def test_a_changed_text_a_lost_row_and_a_missing_column_are_each_named():
    expected = relation_fingerprint(COLUMNS, ROWS)
    renamed = [(1, "广州市", *ROWS[0][2:]), *ROWS[1:]]
    assert differences(expected, relation_fingerprint(COLUMNS, renamed)) == ["column name differs"]
    assert differences(expected, relation_fingerprint(COLUMNS, ROWS[:2]))[0] == "rows 3 != 2"
    narrower = relation_fingerprint(COLUMNS[:3], [row[:3] for row in ROWS])
    assert differences(expected, narrower) == ["missing columns at"]


def test_null_is_not_the_text_none_nor_an_empty_string():
    base = relation_fingerprint(["t"], [(None,), ("a",)])
    for stand_in in ("None", ""):
        assert differences(base, relation_fingerprint(["t"], [(stand_in,), ("a",)])) == [
            "column t differs"
        ]


def test_dates_and_timestamps_compare_by_their_iso_text():
    left = relation_fingerprint(["d"], [(date(2024, 1, 2),)])
    assert differences(left, relation_fingerprint(["d"], [(date(2024, 1, 2),)])) == []
    assert differences(left, relation_fingerprint(["d"], [(date(2024, 1, 3),)])) == [
        "column d differs"
    ]
