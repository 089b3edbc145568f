# Finsam faktabank — one task runner. Works on a fresh machine with nothing but Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PYTHONPATH := hooks
# Reproducible builds: the sitemap's date (the only date MkDocs writes) is the last commit's, not today's.
ifeq ($(origin SOURCE_DATE_EPOCH),undefined)
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null)
endif
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif
# FAKTABANK_EDITION=internal make build: the internal edition, into site-internal/ so it is never published by mistake
SITE_DIR := $(if $(filter internal,$(FAKTABANK_EDITION)),site-internal,site)
# mike commits the snapshots to gh-pages; it needs a git identity, never the user's global config
SNAPSHOT_ENV := PATH="$(abspath $(BIN)):$$PATH" \
	GIT_AUTHOR_NAME="$${GIT_AUTHOR_NAME:-Finsam faktabank}" GIT_AUTHOR_EMAIL="$${GIT_AUTHOR_EMAIL:-faktabank@localhost}" \
	GIT_COMMITTER_NAME="$${GIT_COMMITTER_NAME:-Finsam faktabank}" GIT_COMMITTER_EMAIL="$${GIT_COMMITTER_EMAIL:-faktabank@localhost}"

.PHONY: serve build check new id test test-tools lint clean snapshots snapshots-serve bench import import-eval

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test: requirements-test.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

## serve: install, then serve the site on http://127.0.0.1:8000 (rebuilds on edits in docs/, data/, hooks/);
##        FORBUND=<id>: a preview of one förbund (only its reports are read: quick even with every förbund in data/);
##        an error in data/ is shown in the browser, and the server keeps running
serve: $(VENV)/.runtime
	$(if $(FORBUND),FAKTABANK_FORBUND=$(FORBUND)) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: the public site into site/ (strict: any warning, broken link or anchor fails the build); built beside it
##        and swapped in only on success, so a failed build leaves site/ as it was (scripts/build_site.py);
##        FAKTABANK_EDITION=internal make build: the internal edition into site-internal/
build: $(VENV)/.runtime
	$(BIN)/python scripts/build_site.py $(SITE_DIR)

## snapshots: one frozen version per reporting year ("läge 2021") with mike into the local gh-pages branch,
##            the newest also as `latest` (default); YEARS="2023" rebuilds only those years
snapshots: $(VENV)/.runtime
	$(SNAPSHOT_ENV) $(BIN)/python scripts/snapshots.py $(if $(YEARS),--years $(YEARS))

## snapshots-serve: serve the gh-pages branch (every snapshot) on http://127.0.0.1:8001
snapshots-serve: $(VENV)/.runtime
	$(SNAPSHOT_ENV) $(BIN)/mike serve --dev-addr 127.0.0.1:8001

## bench: build a synthetic national faktabank (75 förbund × 20 år) against the trivial-page floor, at full and a
##        tenth of the size, plus data/ and a serve rebuild, and the national pages' weight and load on a phone
##        (Chromium); prints one table, writes bench-results.json (docs/prestanda.md).
##        make bench WORK=DIR keeps the generated data and the built sites in DIR (DIR/s-full: the national site)
bench: $(VENV)/.test test-tools
	$(BIN)/python scripts/bench.py $(if $(WORK),--work $(WORK))

## check: validate data/ without building (Datakvalitet findings as warnings);
##        FILE=<path>: only that file, against the registries it refers to
check: $(VENV)/.runtime
	$(BIN)/python -m faktabank check $(if $(FILE),--file "$(FILE)")

## new: a report skeleton (status: utkast) pre-filled from the förbund's previous report: make new FORBUND=<id> AR=<år>
new: $(VENV)/.runtime
	@if [ -z "$(FORBUND)" ] || [ -z "$(AR)" ]; then echo "användning: make new FORBUND=<id> AR=<år>" >&2; exit 2; fi
	$(BIN)/python -m faktabank new --forbund "$(FORBUND)" --ar "$(AR)"

## id: suggest an id for a name and find people, organisations, insatser and förbund like it: make id NAMN="…";
##     FORBUND=<id>: the name is an insats of that förbund (its project number or short name)
id: $(VENV)/.runtime
	@if [ -z "$(NAMN)" ]; then echo 'användning: make id NAMN="Anna Andersson" [FORBUND=<id> för en insats]' >&2; exit 2; fi
	$(BIN)/python -m faktabank id "$(NAMN)" $(if $(FORBUND),--forbund "$(FORBUND)")

## import: draft a report's YAML from the report itself: make import SRC=<rapport.pdf|.txt|.md> FORBUND=<id>
##         (FORCE=1 replaces an earlier draft, never a reviewed report); prints what to check (docs/import.md)
import: $(VENV)/.runtime
	@test -n "$(SRC)" -a -n "$(FORBUND)" || { echo "användning: make import SRC=<rapportfil> FORBUND=<förbundets id> [FORCE=1]" >&2; exit 2; }
	$(BIN)/python -m faktabank import "$(SRC)" --forbund "$(FORBUND)" $(if $(FORCE),--force)

## import-eval: import each source report into a scratch copy and compare the draft with the curated file;
##              prints a table, writes import-eval.json and the results into docs/import.md
import-eval: $(VENV)/.runtime
	$(BIN)/python -m faktabank.importer.evaluate $(SOURCES)

## lint: ruff
lint: $(VENV)/.test
	$(BIN)/ruff check hooks scripts tests

## test-tools: Debian's Chromium (browser tests) and a Java runtime (Nu Html Checker), installed when missing
test-tools:
	@missing=""; [ -x /usr/bin/chromium ] || missing="chromium fonts-liberation"; \
	java -version >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); echo "installing:$$missing"; \
	  $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## test: install test dependencies and tools, lint, run every test (browser tests included)
test: $(VENV)/.test test-tools
	$(BIN)/ruff check hooks scripts tests
	$(BIN)/python -m pytest

clean:
	rm -rf site site-internal .pytest_cache
