"""marts.fct_report_table_cells: table cells with values, and share tables summing to 100.

Blocking: a share table that does not add up means a row was lost or misread.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.fct_report_table_cells",
    "share_totals": (
        "select table_id, sum(value) as total from marts.fct_report_table_cells "
        "where expected_total = 100 group by table_id"
    ),
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectColumnValuesToNotBeNull(column="table_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="row_label"),
            gxe.ExpectColumnValuesToNotBeNull(column="value"),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["table_id", "row_number"]),
        ],
        "share_totals": [
            gxe.ExpectColumnValuesToBeBetween(column="total", min_value=99.9, max_value=100.1)
        ],
    }
