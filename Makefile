# Two commands for a fresh machine with Python 3.11+ and make:
#   make serve   build the site and serve it at http://127.0.0.1:8000/
#   make test    run the whole test suite (installs Debian's chromium if it is missing)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test generate benchmark chromium clean

$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP) chromium
	$(BIN)/python -m pytest

# The works pages and downloads written to build/works/ for a look, without a site build.
generate: $(STAMP)
	$(BIN)/python scripts/edition_cli.py generate --out build/works

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bibliography.py

# The browser tests drive Debian's Chromium through Playwright.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

clean:
	rm -rf site build
