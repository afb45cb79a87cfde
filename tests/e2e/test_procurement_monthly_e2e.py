"""The dashboard questions answered by marts.fct_procurement_monthly equal the same questions
asked of every item of marts.fct_procurement_notices, on the published file."""

import duckdb
import pytest

from benchmarks import queries
from tests.support import Refreshed


@pytest.fixture(scope="module")
def published(refreshed_template: Refreshed):
    con = duckdb.connect(str(refreshed_template.published), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("question", sorted(queries.ITEM_SCANS))
def test_the_monthly_mart_answers_like_a_scan_of_the_items(published, question):
    from_items = published.execute(queries.ITEM_SCANS[question]).fetchall()
    from_monthly = published.execute(queries.QUERIES[question]).fetchall()
    assert from_items, question
    assert from_monthly == from_items


def test_the_monthly_mart_holds_every_item_once(published):
    counted = published.execute(
        "select sum(item_count), sum(budget_cny) from marts.fct_procurement_monthly"
    ).fetchone()
    items = published.execute(
        "select count(*), sum(budget_cny) from marts.fct_procurement_notices"
    ).fetchone()
    assert counted == items


def test_an_item_is_looked_up_by_its_id(published):
    item_id = queries.lookup_id(published)
    rows = published.execute(queries.QUERIES["item_lookup"], {"item_id": item_id}).fetchall()
    assert len(rows) == 1 and rows[0][0] == item_id
