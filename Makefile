# Two commands for a newcomer: `make run` starts the dashboard, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test check bench clean serve restart add-replica stop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(BIN)/python -m streamlit run server.py

test: $(VENV)/.dev
	$(BIN)/python -m ruff check .
	$(BIN)/python -m klyngekart check --quiet
	$(BIN)/python -m pytest

# Replicas behind nginx (deploy/): `make serve REPLICAS=3`, then `make restart` (one at a time),
# `make add-replica` (one more, in nginx once healthy), `make stop`.
REPLICAS ?= 2
serve: $(VENV)/.runtime
	$(BIN)/python deploy/serve.py start --replicas $(REPLICAS)

restart:
	$(BIN)/python deploy/serve.py restart

add-replica:
	$(BIN)/python deploy/serve.py add

stop:
	$(BIN)/python deploy/serve.py stop

check: $(VENV)/.runtime
	$(BIN)/python -m klyngekart check

bench: $(VENV)/.dev
	$(BIN)/python bench/page_load.py
	$(BIN)/python bench/export_timing.py

clean:
	rm -rf $(VENV) .pytest_cache
