"""The charting JavaScript (Vega, Vega-Lite, Vega-Embed) from vl-convert-python, no CDN.

vl-convert-python ships the libraries inside its wheel and bundles them into one script on
request; that takes seconds, so the bundle is kept per package and Vega-Lite version (it is a
function of nothing else; see cache.py).
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import altair as alt
import vl_convert

from dagster_project.publish.dashboard.cache import write_atomically


def vega_lite_version() -> str:
    """The Vega-Lite minor version the charts are written for (Altair's schema), e.g. '6.4'."""
    major, minor, *_ = alt.SCHEMA_VERSION.lstrip("v").split(".")
    wanted = f"{major}.{minor}"
    available = vl_convert.get_vegalite_versions()
    if wanted not in available:
        raise RuntimeError(
            f"vl-convert-python {metadata.version('vl-convert-python')} bundles Vega-Lite "
            f"{', '.join(available)}, not {wanted} (Altair {alt.__version__}); align the pins"
        )
    return wanted


def javascript_bundle(cache_dir: Path) -> str:
    """One script that defines window.vegaEmbed, window.vega and window.vegaLite."""
    version = vega_lite_version()
    cached = cache_dir / f"vega-{metadata.version('vl-convert-python')}-vl{version}.js"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    bundle = vl_convert.javascript_bundle(vl_version=version)
    write_atomically(cached, bundle)
    return bundle
