"""The dbt project handle, kept import-light so `dagster-dbt project prepare-and-package`
can load it before the manifest exists."""

from dagster_dbt import DbtProject

from dagster_project.settings import DBT_DIR

dbt_project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)
