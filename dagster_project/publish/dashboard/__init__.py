"""The dashboard: a static, offline site built from the published file after each publish."""
