"""Page 3, segment forecasts 2025–2030 by scenario (marts.segment_forecasts).

Stacked areas of the five segments, one panel per scenario; each year's value and share of
the market on hover.
"""

from __future__ import annotations

import altair as alt

from dagster_project.publish.dashboard.page import (
    Chart,
    Page,
    Source,
    Text,
    bilingual,
    distinct,
    with_datasets,
)
from dagster_project.publish.dashboard.pages.spend import HUNDRED_MILLION
from dagster_project.publish.dashboard.published import Published, Row

SCENARIOS = ["low", "base", "high"]
SCENARIO_LABELS = ["低 low", "基准 base", "高 high"]


def _rows(published: Published) -> list[Row]:
    rows = []
    for row in published.rows("segment_forecasts"):
        if row["scenario"] not in SCENARIOS:
            continue
        rows.append(
            {
                **row,
                "segment": bilingual(row["segment_name_zh"], row["segment_name_en"]),
                "scenario_label": SCENARIO_LABELS[SCENARIOS.index(row["scenario"])],
                "amount": row["value_cny"] / HUNDRED_MILLION,
                "market_amount": row["market_value_cny"] / HUNDRED_MILLION,
            }
        )
    return rows


def segments_chart(rows: list[Row]) -> dict:
    years = sorted({r["year"] for r in rows})
    x = alt.X(
        "year:Q",
        title="年份 Year",
        scale=alt.Scale(domain=[years[0], years[-1]] if years else None),
        axis=alt.Axis(format="d", tickMinStep=1),
    )
    y = alt.Y("amount:Q", title="亿元 · CNY 100 million", stack="zero")
    color = alt.Color(
        "segment:N",
        title="细分赛道 Segment",
        legend=alt.Legend(orient="bottom", columns=2, labelLimit=360),
    )
    tooltip = [
        alt.Tooltip("segment:N", title="细分赛道 Segment"),
        alt.Tooltip("year:O", title="年份 Year"),
        alt.Tooltip("scenario_label:N", title="情景 Scenario"),
        alt.Tooltip("amount:Q", title="规模 Value (亿元)", format=",.1f"),
        alt.Tooltip("share_pct:Q", title="占比 Share %", format=".2f"),
        alt.Tooltip("yoy_growth_pct:Q", title="同比 YoY %", format=".1f"),
        alt.Tooltip("market_amount:Q", title="市场总额 Market (亿元)", format=",.1f"),
        alt.Tooltip("share_method:N", title="占比方法 Share method"),
    ]
    order = alt.Order("segment_id:O")
    area = alt.Chart().mark_area(opacity=0.85).encode(x=x, y=y, color=color, order=order)
    points = (
        alt.Chart()
        .mark_point(filled=True, size=40, color="#111827", opacity=0.6)
        .encode(x=x, y=y, detail="segment:N", order=order, tooltip=tooltip)
    )
    chart = (
        alt.layer(area, points)
        .properties(width=380, height=300)
        .facet(
            column=alt.Column("scenario_label:N", title="情景 Scenario", sort=SCENARIO_LABELS),
            data=alt.NamedData(name="segments"),
        )
    )
    return with_datasets(chart.to_dict(validate=False), segments=rows)


def build(published: Published) -> Page:
    rows = _rows(published)
    return Page(
        slug="segments",
        title=Text("细分赛道预测", "Segment forecasts"),
        intro=Text(
            "2025–2030年智慧政务市场按五个细分赛道拆分,按低、基准、高三个情景分列;悬停查看各年规模与占比。",
            "The smart-government market 2025–2030 split into five segments, one panel per "
            "scenario (low, base, high); hover for each year's value and share.",
        ),
        blocks=[Chart("segments", Text("细分赛道规模", "Segment values"), segments_chart(rows))],
        relations=["marts.segment_forecasts"],
        queries=["segment_forecasts"],
        sources=[
            Source(Text("占比方法", "Share methods"), distinct([r["share_method"] for r in rows])),
            Source(
                Text("假设版本", "Assumptions version"),
                distinct([r["assumptions_version"] for r in rows]),
            ),
        ],
    )
