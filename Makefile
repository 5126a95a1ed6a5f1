# Two commands on a new machine: `make serve` and `make test`.
# Every target creates .venv from requirements.lock on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
ADDR   ?= 127.0.0.1:8000
# Where `make build` writes the site (the offline edition is zipped into it).
SITE    ?= site
# Material prints an end-of-life banner on every build; the README covers engines.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build publish pdf anchors links bench check test lint lock system-deps clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version 2>&1)); set PYTHON=python3.x"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

## serve: serve on $(ADDR) with live reload (checked; without the PDFs, the zip and the Brotli copies)
serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

## build: the whole site into site/: the edition plugin checks the sources first, then
## writes the PDFs, the offline edition's zip and the Brotli copies after the pages.
## Dated by the last commit (SOURCE_DATE_EPOCH), so two builds of one commit are identical.
build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

## publish: `make build` for the public: needs SITE_URL=https://… (refuses the placeholder)
publish: export EDITION_PUBLISH := 1
publish: build

## pdf: the site and its PDFs: the paper (A4, US Letter) and the full edition (made with the site)
pdf: build

## anchors: add the built site's new addresses to data/anchors.txt (never removes one)
anchors: build
	$(BIN)/edition anchors $(SITE)

## links: check every link in site/ and in the offline zip; list external links in build/external-links.txt
links: build
	$(BIN)/python -m devtools.linkcheck $(SITE) --external build/external-links.txt
	rm -rf build/offline
	$(BIN)/python -m zipfile -e $(SITE)/iraq-nato-offline.zip build/offline
	$(BIN)/python -m devtools.linkcheck build/offline/iraq-nato-offline --file-urls

## bench: the benchmarks (printed, never gates): project check, PDF, page weight and main-thread work vs stock Material, Lighthouse
bench: build system-deps
	$(BIN)/python scripts/devtools/bench_build.py
	$(BIN)/python scripts/devtools/bench_check.py
	$(BIN)/python scripts/devtools/bench_pdf.py site
	-$(BIN)/python scripts/devtools/bench_site.py site
	$(BIN)/python scripts/devtools/bench_load.py site
	@if command -v npm >/dev/null; then \
	  npm ci --prefix scripts/devtools/lighthouse --no-audit --no-fund --ignore-scripts --silent && \
	  $(BIN)/python scripts/devtools/bench_lighthouse.py site; \
	else echo "Lighthouse: not run (it needs Node.js 18.16+ and npm)"; fi
	@echo "Figures: build/bench.md"

## check: the project's own checks, without the slow tests
check: $(STAMP)
	$(BIN)/edition check
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/pytest -q -m "not build and not browser and not pdf"

## test: everything (installs the Debian packages the tests need when run as root)
test: $(STAMP) system-deps
	$(BIN)/edition check
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/pytest -q --durations=15

## system-deps: Debian packages for browser and PDF tests
system-deps:
	@sh scripts/system_deps.sh

## lock: re-pin every dependency (with hashes) from pyproject.toml
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links \
	  --build-deps-for editable --extra test --strip-extras -o requirements.lock pyproject.toml

clean:
	rm -rf site build $(VENV)
