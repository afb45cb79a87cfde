# Two commands do everything on a fresh clone with python3 and make:
#   make run    set up .venv from the lock, parse dbt, full refresh, publish, print a summary
#   make test   lint (ruff, sqlfluff) and the whole pytest suite
# Everything honours EGOV_HOME (default ./warehouse).

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat uv.lock pyproject.toml | cksum | cut -d' ' -f1)
MANIFEST := dbt/target/manifest.json
DBT_FILES := $(shell find dbt/models dbt/seeds dbt/macros dbt/tests -type f 2>/dev/null) dbt/dbt_project.yml dbt/profiles.yml
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export UV_PYTHON_DOWNLOADS := never
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DBT_VERSION_CHECK := false
export GX_ANALYTICS_ENABLED := false

.PHONY: help run test lint fmt dev dashboard docs bench clean setup manifest bytecode spark-check

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml uv.lock
	rm -f $(VENV)/.installed-*
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
	# Bytecode compiled once here: every `egov` process imports Dagster, dbt and GX, and where
	# PYTHONDONTWRITEBYTECODE is set (CI images often set it) each one would compile them again,
	# about 10 s of CPU per process (pypinyin-dict's 5 MB of phrase literals alone take seven).
	$(BIN)/uv sync --frozen --quiet --compile-bytecode
	$(BIN)/python -m dagster_project.publish.dashboard.cache >/dev/null
	touch $@

# The Spark stack (dependency group `spark` of the same lock) in an environment of its own:
# the warehouse's .venv never imports pyspark (pyproject.toml says why).
SPARK_VENV := .venv-spark
SPARK_STAMP := $(SPARK_VENV)/.installed-$(shell cat uv.lock pyproject.toml | cksum | cut -d' ' -f1)
$(SPARK_STAMP): pyproject.toml uv.lock $(STAMP)
	rm -f $(SPARK_VENV)/.installed-*
	UV_PROJECT_ENVIRONMENT=$(SPARK_VENV) $(BIN)/uv sync --frozen --quiet --group spark
	touch $@

setup: $(STAMP) $(SPARK_STAMP) ## create .venv (and .venv-spark) from uv.lock, install the project

$(MANIFEST): $(STAMP) $(DBT_FILES)
	$(BIN)/dagster-dbt project prepare-and-package --file dagster_project/transform/project.py >/dev/null
	@touch $@

manifest: $(MANIFEST) ## parse the dbt project into dbt/target/manifest.json

# The project's own modules, for the same reason as the environment's (only what changed).
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q -j 0 dagster_project benchmarks tests >/dev/null

run: $(MANIFEST) bytecode ## set up, full refresh of every asset, publish, print what was built
	$(BIN)/egov refresh

# Workers share one cold refresh (tests/conftest.py); a module's fixtures stay on one worker.
TEST_WORKERS ?= auto
test: $(MANIFEST) lint bytecode ## lint + the whole test suite
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadscope

lint: $(STAMP) ## ruff and sqlfluff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/sqlfluff lint dbt/models dbt/tests expectations dagster_project/quality --disable-progress-bar

fmt: $(STAMP) ## format Python and SQL in place
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/sqlfluff fix dbt/models dbt/tests expectations dagster_project/quality --disable-progress-bar

dev: $(MANIFEST) bytecode ## Dagster UI on http://127.0.0.1:3000 for this EGOV_HOME
	$(BIN)/egov dev

# Benchmarks (not part of `make test`): results in benchmarks/results/latest.json, a markdown
# table on stdout, scratch homes under benchmarks/results/work/. Bigger or quicker runs:
#   make bench BENCH_SIZES=100000,1000000,10000000 BENCH_REPEATS=3 BENCH_CASES=scale
BENCH_SIZES ?= 1000000
BENCH_REPEATS ?= 3
BENCH_CASES ?= refresh,scale,ingest,extract,query,dashboard
BENCH_INGEST_SIZES ?= 100000,1000000,10000000
bench: $(MANIFEST) bytecode ## measure refresh, scale path, extraction, BI queries, dashboard against plain DuckDB
	BENCH_SIZES=$(BENCH_SIZES) BENCH_INGEST_SIZES=$(BENCH_INGEST_SIZES) \
		BENCH_REPEATS=$(BENCH_REPEATS) BENCH_CASES=$(BENCH_CASES) \
		$(BIN)/python -m benchmarks.run

PORT ?= 8000
dashboard: $(STAMP) ## serve the dashboard of the published file on http://127.0.0.1:$(PORT)
	$(BIN)/egov dashboard --port $(PORT)

# Reads a copy of the published file, never the build file a refresh may be writing.
docs: $(MANIFEST) bytecode ## dbt docs site (catalog from a snapshot of egov.duckdb) into $EGOV_HOME/docs/dbt
	$(BIN)/python -m dagster_project.cli.model_docs

# The same dbt project on Apache Spark in local mode (pyspark and dbt-spark from the lock, Java
# 17 from the machine; nothing is downloaded): a DuckDB build first (a no-op when it is
# current), then the Spark build, its data tests and the comparison of every relation, then
# the tests that prove the comparison fails on a divergent model. Not part of `make test`
# (about 10 minutes on 2 cores); CI runs it as its own step.
spark-check: $(MANIFEST) $(SPARK_STAMP) ## build every seed and model on local Spark, compare with DuckDB
	$(BIN)/egov refresh
	$(SPARK_VENV)/bin/python -m dagster_project.lake.spark_check
	$(SPARK_VENV)/bin/pytest tests/spark -m spark -p no:randomly -q

clean: ## remove the environment, dbt artefacts and the default warehouse
	rm -rf $(VENV) $(SPARK_VENV) dbt/target dbt/logs warehouse
