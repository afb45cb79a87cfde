"""Page 1, market size and IT spend 2019–2030 (marts.spend_by_year).

One panel per money series: actual points, the base path as a line, the low–high band as an
area, the figures the report states marked with a diamond, a CNY/USD toggle, and each point's
citation (document, section, cited source) on hover.
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
from dagster_project.publish.dashboard.published import Published, Row

YEARS = (2019, 2030)
HUNDRED_MILLION = 1e8  # 亿: how Chinese reports and readers state money
SCENARIOS = ["actual", "base", "low", "high"]
SCENARIO_LABELS = ["实际 actual", "基准 base", "低 low", "高 high"]
SCENARIO_COLOURS = ["#1f2937", "#2563eb", "#93c5fd", "#93c5fd"]
FIGURES = ["原文数字 stated", "推算 derived"]
SHAPES = ["diamond", "circle"]


def _rows(published: Published) -> list[Row]:
    rows = []
    for row in published.rows("spend_by_year"):
        rows.append(
            {
                **row,
                "series": bilingual(row["series_name_zh"], row["series_name_en"]),
                "scenario_label": SCENARIO_LABELS[SCENARIOS.index(row["scenario"])],
                "figure": FIGURES[1] if row["is_derived"] else FIGURES[0],
            }
        )
    return rows


def _tooltip() -> list[alt.Tooltip]:
    return [
        alt.Tooltip("series:N", title="序列 Series"),
        alt.Tooltip("year:O", title="年份 Year"),
        alt.Tooltip("scenario_label:N", title="情景 Scenario"),
        alt.Tooltip("amount:Q", title="金额 Amount (亿 100m)", format=",.1f"),
        alt.Tooltip("currency_label:N", title="货币 Currency"),
        alt.Tooltip("figure:N", title="数字 Figure"),
        alt.Tooltip("value_method:N", title="方法 Method"),
        alt.Tooltip("qualifier:N", title="限定 Qualifier"),
        alt.Tooltip("yoy_growth_pct:Q", title="同比 YoY %", format=".1f"),
        alt.Tooltip("cited_source:N", title="引用来源 Cited source"),
        alt.Tooltip("cited_documents:N", title="报告 Document"),
        alt.Tooltip("cited_sections:N", title="章节 Section"),
        alt.Tooltip("fx_rate:Q", title="汇率 CNY per USD", format=".4f"),
        alt.Tooltip("fx_source:N", title="汇率来源 FX source"),
    ]


def _panel(series: list[Row], x: alt.X) -> alt.LayerChart:
    """One series' layers: only those it has rows for (a series may have no band or line)."""
    scenarios = {r["scenario"] for r in series}
    base = (
        alt.Chart(alt.NamedData(name="spend"))
        .transform_filter(alt.datum.series_id == series[0]["series_id"])
        .transform_calculate(
            amount=f"(currency == 'USD' ? datum.value_usd : datum.value_cny) / {HUNDRED_MILLION}",
            currency_label="currency == 'USD' ? '亿美元 USD 100m' : '亿元 CNY 100m'",
        )
    )
    y = alt.Y("amount:Q", title="亿 · 100 million", scale=alt.Scale(zero=False))
    layers = []
    if {"low", "high"} <= scenarios:
        layers.append(
            base.transform_filter(alt.FieldOneOfPredicate(field="scenario", oneOf=["low", "high"]))
            .transform_pivot("scenario", value="amount", groupby=["year"])
            .mark_area(opacity=0.25, color="#60a5fa")
            .encode(x=x, y=alt.Y("low:Q", title="亿 · 100 million"), y2="high:Q")
        )
    if "base" in scenarios:
        layers.append(
            base.transform_filter(alt.datum.scenario == "base")
            .mark_line(color="#2563eb", strokeWidth=2)
            .encode(x=x, y=y)
        )
    layers.append(
        base.mark_point(filled=True, opacity=0.9).encode(
            x=x,
            y=y,
            color=alt.Color(
                "scenario_label:N",
                title="情景 Scenario",
                scale=alt.Scale(domain=SCENARIO_LABELS, range=SCENARIO_COLOURS),
            ),
            shape=alt.Shape(
                "figure:N", title="数字 Figure", scale=alt.Scale(domain=FIGURES, range=SHAPES)
            ),
            size=alt.condition(alt.datum.is_derived, alt.value(45), alt.value(150)),
            tooltip=_tooltip(),
        )
    )
    title = alt.TitleParams(series[0]["series"], fontSize=13, anchor="start")
    return alt.layer(*layers, title=title).properties(width=560, height=180)


def spend_chart(rows: list[Row]) -> dict:
    currency = alt.param(
        name="currency",
        value="CNY",
        bind=alt.binding_radio(
            options=["CNY", "USD"],
            labels=["人民币 CNY (亿元)", "美元 USD (亿美元)"],
            name="货币 Currency ",
        ),
    )
    x = alt.X(
        "year:Q",
        title="年份 Year",
        scale=alt.Scale(domain=list(YEARS)),
        axis=alt.Axis(format="d", tickMinStep=1),
    )
    by_series: dict[str, list[Row]] = {}
    for row in sorted(rows, key=lambda r: (r["series_sort_order"] or 0, r["series_id"])):
        by_series.setdefault(row["series_id"], []).append(row)
    # Each panel is validated on its own and the grid assembled as a plain dict: Altair's
    # concat copies and re-validates every panel for each one added (seconds for seven).
    panels = [_panel(series, x).to_dict(validate=False) for series in by_series.values()]
    spec = {
        "$schema": panels[0]["$schema"] if panels else alt.SCHEMA_URL,
        "concat": [{k: v for k, v in p.items() if k not in ("$schema", "config")} for p in panels],
        "columns": 2,
        "params": [currency.param.to_dict(validate=False)],
        "resolve": {"scale": {"y": "independent", "color": "shared", "shape": "shared"}},
    }
    return with_datasets(spec, spend=rows)


def build(published: Published) -> Page:
    rows = _rows(published)
    return Page(
        slug="index",
        title=Text("市场规模与IT支出", "Market size and IT spend"),
        intro=Text(
            "2019–2030年各金额序列:实际值为点,基准情景为线,低–高情景为带;菱形为报告原文数字,"
            "其余为推算值。悬停查看引用(报告、章节、引用来源)。",
            "Each money series 2019–2030: actual values as points, the base scenario as a "
            "line, the low–high scenarios as a band; diamonds are figures the report states, "
            "the rest are derived. Hover for the citation (document, section, cited source).",
        ),
        blocks=[
            Chart(
                "spend",
                Text("金额序列", "Money series"),
                spend_chart(rows),
                Text(
                    "每个面板纵轴独立;金额单位为亿(1亿 = 100 million)。",
                    "Each panel has its own vertical scale; amounts in 亿 (100 million).",
                ),
            )
        ],
        relations=["marts.spend_by_year"],
        queries=["spend_by_year"],
        sources=[
            Source(Text("报告", "Reports"), distinct([r["cited_documents"] for r in rows])),
            Source(
                Text("报告引用的来源", "Sources the report cites"),
                distinct([r["cited_source"] for r in rows] + [r["fact_sources"] for r in rows]),
            ),
            Source(
                Text("汇率来源", "Exchange-rate sources"),
                [s.upper() for s in distinct([r["fx_source"] for r in rows])],
            ),
        ],
    )
