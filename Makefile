# Two commands on a new machine: `make serve` and `make test`.
# Every target creates .venv from requirements.lock on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
ADDR   ?= 127.0.0.1:8000
# Where `make build` writes the public site and the offline edition (a test builds twice
# into temporary folders to prove the builds reproducible).
SITE    ?= site
OFFLINE ?= build/offline
# Material prints an end-of-life banner on every build; the README covers engines.
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: every date a build writes (sitemap lastmod, gzip and zip times,
# PDF metadata) is the last commit's, not the clock's. Outside a git checkout: the
# newest source file's modification time. Set it yourself to override.
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || \
  find mkdocs.yml docs data overrides -type f -printf '%T@\n' | sort -n | tail -1 | cut -d. -f1)
endif
export SOURCE_DATE_EPOCH

.PHONY: serve build publish pdf anchors links bench check test lint lock system-deps clean

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

## build: strict build into site/, the PDFs from the model, the offline edition's zip, and
## Brotli copies of the text files for nginx (last: every step before it writes into site/)
build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir $(SITE)
	$(BIN)/edition pdf $(SITE)
	$(BIN)/mkdocs build --strict -f mkdocs.offline.yml --site-dir $(OFFLINE)
	$(BIN)/edition offline $(SITE) $(OFFLINE)
	$(BIN)/edition compress $(SITE)

## publish: `make build` for the public: needs SITE_URL=https://… (refuses the placeholder)
publish: export EDITION_PUBLISH := 1
publish: build

## pdf: the site and its PDFs: the paper (A4, US Letter) and the full edition (made after the site)
pdf: build

## anchors: add the built site's new addresses to data/anchors.txt (never removes one)
anchors: build
	$(BIN)/edition anchors $(SITE)

## links: check every link in site/ and build/offline/; list external links in build/external-links.txt
links: build
	$(BIN)/python -m devtools.linkcheck site --external build/external-links.txt
	$(BIN)/python -m devtools.linkcheck build/offline --file-urls

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
	rm -rf site build $(VENV)
