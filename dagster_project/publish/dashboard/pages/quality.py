"""Page 5, quality (audit.check_results, audit.publish_log): latest checks, failures first.

The latest outcome of every dbt test and Great Expectations expectation, counted per layer in
a chart and listed in a table that starts with the failures, and every publish of the file.
"""

from __future__ import annotations

import altair as alt

from dagster_project.publish.dashboard.page import (
    Chart,
    Column,
    Page,
    Source,
    Table,
    Text,
    distinct,
    with_datasets,
)
from dagster_project.publish.dashboard.published import Published, Row

OUTCOMES = ["失败 failed", "通过 passed"]

CHECK_COLUMNS = [
    Column("outcome", Text("结果", "Outcome")),
    Column("severity", Text("级别", "Severity")),
    Column("suite", Text("对象", "Table")),
    Column("expectation", Text("检查", "Check")),
    Column("column_name", Text("列", "Column")),
    Column("observed_value", Text("观测值", "Observed")),
    Column("unexpected_count", Text("不符行数", "Unexpected rows"), numeric=True),
    Column("engine", Text("引擎", "Engine")),
    Column("checked_at", Text("检查时间", "Checked at (UTC)")),
]
PUBLISH_COLUMNS = [
    Column("published_at", Text("发布时间", "Published at (UTC)")),
    Column("run_id", Text("运行", "Run")),
    Column("fingerprint", Text("输入指纹", "Input fingerprint")),
]


def _checks(published: Published) -> list[Row]:
    rows = []
    for row in published.rows("check_results"):
        rows.append(
            {
                **row,
                "outcome": OUTCOMES[1] if row["success"] else OUTCOMES[0],
                "severity": "阻断 blocking" if row["is_critical"] else "警告 warning",
                "layer": row["suite"].split(".")[0],
            }
        )
    return rows


def checks_chart(rows: list[Row]) -> dict:
    values = [{k: r[k] for k in ("layer", "outcome", "engine")} for r in rows]
    chart = (
        alt.Chart(alt.NamedData(name="checks"))
        .mark_bar()
        .encode(
            y=alt.Y("layer:N", title="层 Layer"),
            x=alt.X("count():Q", title="检查数 Checks", stack="zero"),
            color=alt.Color(
                "outcome:N",
                title="结果 Outcome",
                scale=alt.Scale(domain=OUTCOMES, range=["#dc2626", "#16a34a"]),
            ),
            row=alt.Row("engine:N", title="引擎 Engine"),
            tooltip=[
                alt.Tooltip("layer:N", title="层 Layer"),
                alt.Tooltip("engine:N", title="引擎 Engine"),
                alt.Tooltip("outcome:N", title="结果 Outcome"),
                alt.Tooltip("count():Q", title="检查数 Checks"),
            ],
        )
        .properties(width=560, height=alt.Step(22))
    )
    return with_datasets(chart.to_dict(validate=False), checks=values)


def build(published: Published) -> Page:
    checks = _checks(published)
    failed = sum(1 for r in checks if not r["success"])
    log = published.rows("publish_log")
    return Page(
        slug="quality",
        title=Text("数据质量", "Quality"),
        intro=Text(
            f"每项检查的最新结果(失败在前):{len(checks)}项,失败{failed}项;以及发布记录。",
            f"The latest result of every check (failures first): {len(checks)} checks, "
            f"{failed} failed; and the publish history.",
        ),
        blocks=[
            Chart("checks", Text("各层检查结果", "Checks per layer"), checks_chart(checks)),
            Table(
                "checks",
                Text("最新检查结果", "Latest check results"),
                CHECK_COLUMNS,
                checks,
                filters=[CHECK_COLUMNS[0], CHECK_COLUMNS[2]],
                search=True,
                failure_flag="success",
            ),
            Table("publishes", Text("发布记录", "Publish history"), PUBLISH_COLUMNS, log),
        ],
        relations=["audit.check_results", "audit.publish_log"],
        queries=["check_results", "publish_log"],
        sources=[
            Source(Text("检查引擎", "Check engines"), distinct([r["engine"] for r in checks])),
            Source(Text("发布次数", "Publishes"), [str(len(log))]),
        ],
    )
