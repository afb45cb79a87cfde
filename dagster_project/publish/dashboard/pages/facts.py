"""Page 4, report figures (marts.fct_report_facts): a searchable, filterable table.

Every figure the extractor read from the reports, with its metric, value, unit, year, region,
cited source and quality flag; filters by document and metric, a search box over every cell,
and a chart of how many figures each metric has.
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
    bilingual,
    distinct,
    with_datasets,
)
from dagster_project.publish.dashboard.published import Published, Row

TOP_METRICS = 20

COLUMNS = [
    Column("document", Text("报告", "Document")),
    Column("section", Text("章节", "Section")),
    Column("metric", Text("指标", "Metric")),
    Column("value", Text("数值", "Value"), numeric=True),
    Column("unit", Text("单位", "Unit")),
    Column("period", Text("时期", "Year")),
    Column("region", Text("地区", "Region")),
    Column("qualifier", Text("限定", "Qualifier")),
    Column("kind", Text("类型", "Kind")),
    Column("cited_source", Text("引用来源", "Cited source")),
    Column("quality_flag", Text("质量标记", "Flag")),
    Column("figure_text", Text("原文", "As written")),
]


def _rows(published: Published) -> list[Row]:
    rows = []
    for row in published.rows("fct_report_facts"):
        section = " ".join(p for p in (row["section_number"], row["section_title"]) if p)
        rows.append(
            {
                "document": f"{row['document_title'] or row['document_id']} ({row['edition']})",
                "section": section,
                "metric": bilingual(row["metric_name_zh"], row["metric_name_en"])
                or "(未归类 no catalog metric)",
                "value": row["value"],
                "unit": row["unit"],
                "period": row["period_label"] or row["period_year"],
                "region": row["region_name_zh"] or row["entity_name"] or row["region_code"],
                "qualifier": row["qualifier"],
                "kind": row["kind"],
                "cited_source": row["cited_source"],
                "quality_flag": row["quality_flag"],
                "figure_text": row["figure_text"],
                "sentence": row["sentence"],
                "metric_id": row["metric_id"],
            }
        )
    return rows


def metrics_chart(rows: list[Row]) -> dict:
    values = [{"metric": r["metric"]} for r in rows if r["metric_id"]]
    chart = (
        alt.Chart(alt.NamedData(name="metrics"))
        .transform_aggregate(figures="count()", groupby=["metric"])
        .transform_window(
            place="row_number()",
            sort=[alt.SortField("figures", order="descending"), alt.SortField("metric")],
        )
        .transform_filter(alt.datum.place <= TOP_METRICS)
        .mark_bar(color="#2563eb")
        .encode(
            y=alt.Y(
                "metric:N",
                title=None,
                sort=alt.EncodingSortField(field="place", order="ascending"),
                axis=alt.Axis(labelLimit=460),
            ),
            x=alt.X("figures:Q", title="数字个数 Figures", axis=alt.Axis(tickMinStep=1)),
            tooltip=[
                alt.Tooltip("metric:N", title="指标 Metric"),
                alt.Tooltip("figures:Q", title="数字个数 Figures"),
            ],
        )
        .properties(width=480, height=alt.Step(16))
    )
    return with_datasets(chart.to_dict(validate=False), metrics=values)


def build(published: Published) -> Page:
    rows = _rows(published)
    unmapped = sum(1 for r in rows if not r["metric_id"])
    return Page(
        slug="facts",
        title=Text("报告数字", "Report figures"),
        intro=Text(
            "从市场报告正文中抽取的全部数字:可按报告与指标筛选,搜索框检索任意单元格。",
            "Every figure read from the market reports: filter by document and metric, search "
            "any cell.",
        ),
        blocks=[
            Chart(
                "metrics",
                Text(
                    f"数字最多的{TOP_METRICS}个目录指标",
                    f"The {TOP_METRICS} catalog metrics with most figures",
                ),
                metrics_chart(rows),
                Text(
                    f"另有{unmapped}个数字未归入指标目录(见下表)。",
                    f"{unmapped} more figures have no catalog metric (see the table).",
                ),
            ),
            Table(
                "facts",
                Text("全部数字", "All figures"),
                COLUMNS,
                rows,
                filters=[COLUMNS[0], COLUMNS[2]],
                search=True,
                note=Text("悬停一行可见原句。", "Hover a row for the sentence it comes from."),
            ),
        ],
        relations=["marts.fct_report_facts", "marts.dim_report_document"],
        queries=["fct_report_facts"],
        sources=[
            Source(Text("报告", "Reports"), distinct([r["document"] for r in rows])),
            Source(
                Text("报告引用的来源", "Sources the report cites"),
                distinct([r["cited_source"] for r in rows]),
            ),
        ],
    )
