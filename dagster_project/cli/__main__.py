"""`python -m dagster_project.cli` runs the egov command."""

from dagster_project.cli.main import entrypoint

entrypoint()
