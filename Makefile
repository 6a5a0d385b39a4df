# Two commands for a fresh machine with Python 3.11+ and make:
#   make serve   build the site and serve it at http://127.0.0.1:8000/
#   make test    run the whole test suite (installs Debian's chromium if it is missing)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

# Builds from the same commit are byte-identical: the sitemap's dates come from the last
# commit's time, not from the clock (unless SOURCE_DATE_EPOCH is given).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: serve build test generate benchmark chromium clean
.PHONY: benchmark-site java node

$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP) chromium java $(NPM_STAMP)
	$(BIN)/python -m pytest

# The works pages and downloads written to build/works/ for a look, without a site build.
generate: $(STAMP)
	$(BIN)/python scripts/edition_cli.py generate --out build/works

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bibliography.py

# Build time against plain Material, growth to 2,000 sources, the article's first view and
# Lighthouse (through npx, where it can run); by hand, not in CI. Report in benchmarks/out/.
benchmark-site: $(STAMP) chromium
	$(BIN)/python benchmarks/site.py

# The browser tests drive Debian's Chromium through Playwright.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

# The checkers the tests run on the built site (axe-core, the Nu Html Checker), pinned in
# package-lock.json. --ignore-scripts: vnu-jar's install script would download a Java
# runtime from GitHub if it found none; the tests use the machine's Java (target below).
$(NPM_STAMP): package.json package-lock.json | node
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NPM_STAMP)

# Java runs the Nu Html Checker; npm installs the checkers.
java:
	@command -v java >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq default-jre-headless; }

node:
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nodejs npm; }

clean:
	rm -rf site build
