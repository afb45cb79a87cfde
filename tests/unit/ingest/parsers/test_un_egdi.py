"""UN EGDI parser on the five shipped surveys."""

from __future__ import annotations

from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import all_specs


def test_china_2018_and_float_ranks():
    spec = all_specs()["un_egdi__egdi"]
    egdi = parse_dataset(spec, spec.snapshot_paths)
    assert len(egdi) == 5 * 193
    assert sorted(egdi.survey_year.unique()) == [2010, 2012, 2014, 2016, 2018]
    china = egdi[egdi.country_code == "CHN"].set_index("survey_year")
    assert china.loc[2018, "egdi_rank"] == 65
    assert china.loc[2018, "egdi"] == 0.6811
    assert china.loc[2018, "osi"] == 0.8611
    assert china.loc[2010, "egdi_rank"] == 72  # written 72.0 in that file
    assert str(egdi.dtypes["egdi_rank"]) == "Int64"
    south_sudan = egdi[(egdi.country_code == "SSD") & (egdi.survey_year == 2010)].iloc[0]
    assert south_sudan.egdi_rank is None or str(south_sudan.egdi_rank) == "<NA>"
