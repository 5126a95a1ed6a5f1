# Two commands on a new machine: `make serve` and `make test`.
# Every target creates .venv from requirements.lock on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
ADDR   ?= 127.0.0.1:8000
# Material prints an end-of-life banner on every build; the README covers engines.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build pdf check test lint lock system-deps clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version 2>&1)); set PYTHON=python3.x"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

## serve: strict build, then serve on $(ADDR) with live reload
serve: build
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

## build: strict build into site/, then the PDF from its /print/ page
build: $(STAMP)
	$(BIN)/mkdocs build --strict --quiet
	$(BIN)/edition-pdf site

## pdf: the site and site/iraq-nato-partnership.pdf (the PDF is made from the built site)
pdf: build

## check: the project's own checks, without the slow tests
check: $(STAMP)
	$(BIN)/edition-check
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/pytest -q -m "not build and not browser"

## test: everything (installs the Debian packages the tests need when run as root)
test: $(STAMP) system-deps
	$(BIN)/edition-check
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/pytest -q

## system-deps: Debian packages for browser and PDF tests
system-deps:
	@sh scripts/system_deps.sh

## lock: re-pin every dependency (with hashes) from pyproject.toml
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links \
	  --build-deps-for editable --extra test --strip-extras -o requirements.lock pyproject.toml

clean:
	rm -rf site $(VENV)
