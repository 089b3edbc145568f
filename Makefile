# Finsam faktabank — one task runner. Works on a fresh machine with nothing but Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PYTHONPATH := hooks

.PHONY: serve build check test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

## serve: install, then serve the site on http://127.0.0.1:8000 (rebuilds on edits in docs/, data/, hooks/)
serve: $(VENV)/.runtime
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: the public site into site/ (strict: any warning, broken link or anchor fails the build)
build: $(VENV)/.runtime
	$(BIN)/mkdocs build --strict

## check: validate data/ without building
check: $(VENV)/.runtime
	$(BIN)/python -m faktabank check

## lint: ruff
lint: $(VENV)/.test
	$(BIN)/ruff check hooks scripts tests

## test: install test dependencies, lint, run every test
test: $(VENV)/.test
	$(BIN)/ruff check hooks scripts tests
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
