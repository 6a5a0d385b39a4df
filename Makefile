# Two commands for a fresh machine with Python 3.11+ and make:
#   make serve   build the site and serve it at http://127.0.0.1:8000/
#   make test    run the whole test suite (installs Debian's chromium if it is missing)
# `make help` lists the rest.

PYTHON ?= python3
PORT   ?= 8000
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

.PHONY: help serve build test test-fast check generate lock release-files benchmark benchmark-site chromium java jing biber node books-deps epubcheck fonts clean python

help:
	@echo "make serve      build the site and serve it at http://127.0.0.1:$(PORT)/; it rebuilds on every"
	@echo "                edit and shows a mistake in the browser (make serve PORT=8001: another port)"
	@echo "make build      the strict build into site/, with the PDFs and EPUBs (the previous site/"
	@echo "                stays if it fails; installs Pango and the font Charis SIL where missing)"
	@echo "make check      read and check every source file, without building the site"
	@echo "make test       the whole test suite (installs Chromium, Java and Node where missing)"
	@echo "make test-fast  the quick tests, for editing: no full builds, no browser"
	@echo "make generate   write the works pages to build/works/ for a look"
	@echo "make fonts      cut the site's face (Charis SIL) to the site's characters again, after a"
	@echo "                text gains a new one (the tests say when); commit docs/assets/fonts/"
	@echo "make lock       after editing requirements*.in: the hashed lock requirements.txt again"
	@echo "make release-files  CITATION.cff and .zenodo.json from sources/, for a release"
	@echo "make benchmark  the bibliography benchmark; make benchmark-site: the site's"
	@echo "make clean      remove site/ and build/"
	@echo "Python: $(PYTHON) (make PYTHON=python3.12 ... to choose another, 3.11 or newer)"

# The venv is made from $(PYTHON), which must be 3.11 or newer; a .venv made by another
# Python (an upgrade, another machine) is made again.
python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "make: this edition needs Python 3.11 or newer, and '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo 'not found');"; \
	  echo "      install a newer Python and run make again, or name it: make PYTHON=python3.12 $(MAKECMDGOALS)"; exit 1; }
	@if [ -e $(BIN)/python ] && [ "$$($(BIN)/python -c 'import sys; print(sys.version_info[:2])' 2>/dev/null)" != \
	  "$$($(PYTHON) -c 'import sys; print(sys.version_info[:2])')" ]; then \
	  echo "make: .venv was made by another Python; making it again with $(PYTHON)"; rm -rf $(VENV); fi

# requirements.txt is the lock: every package, its version and its hashes, compiled from the
# short lists requirements.in (the build) and requirements-test.in (the tests) by `make lock`.
# pip refuses any file whose hash is not in it.
$(STAMP): requirements.txt | python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $(STAMP)

# CITATION.cff and .zenodo.json, written from sources/ (README, "Making a release").
release-files: python $(STAMP)
	$(BIN)/python scripts/edition_cli.py release-files

# After editing requirements*.in: pin every dependency again, with its hashes.
lock: python $(STAMP)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-find-links \
	  --no-emit-index-url --output-file requirements.txt requirements-test.in

serve: python $(STAMP)
	@$(BIN)/python -c 'import socket, sys; s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' $(PORT) 2>/dev/null || { \
	  echo "make serve: port $(PORT) is in use (another make serve?); stop it, or choose another: make serve PORT=8001"; exit 1; }
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

# Built beside site/ and swapped in only when the build succeeds: a failed build never
# leaves the last good site broken or empty.
build: python $(STAMP) books-deps
	@rm -rf site.new
	@$(BIN)/mkdocs build --strict -d site.new || { rm -rf site.new; \
	  echo "make build: the build stopped (see above); site/ is left as it was"; exit 1; }
	@rm -rf site.old; if [ -e site ]; then mv site site.old; fi; mv site.new site; rm -rf site.old
	@echo "make build: the site is in site/"

check: python $(STAMP)
	$(BIN)/python scripts/edition_cli.py check

test: python $(STAMP) books-deps chromium java jing biber epubcheck $(NPM_STAMP)
	$(BIN)/python -m pytest

# The quick tests while editing: everything but the full builds and the browser.
test-fast: python $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser"

# The works pages and downloads written to build/works/ for a look, without a site build.
generate: python $(STAMP)
	$(BIN)/python scripts/edition_cli.py generate --out build/works

benchmark: python $(STAMP)
	$(BIN)/python benchmarks/bibliography.py

# Build time against plain Material, growth to 2,000 sources, the article's first view and
# Lighthouse (through npx, where it can run); by hand, not in CI. Report in benchmarks/out/.
benchmark-site: python $(STAMP) chromium
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

# jing checks the TEI export against the TEI P5 schema (tests/standards/tei_all.rng).
jing:
	@command -v jing >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq jing; }

# biber reads the biblatex files back against biblatex's data model.
biber:
	@command -v biber >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends biber; }

# The PDFs and EPUBs of a build (scripts/edition/books/): WeasyPrint lays out with Pango and
# HarfBuzz, and both books use the text face Charis SIL. `make serve` makes no books.
BOOK_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-sil-charis
books-deps:
	@dpkg -s $(BOOK_PACKAGES) >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends $(BOOK_PACKAGES); }

# The site's text face, cut to the characters of the built site (scripts/edition/webfonts.py):
# after a text gains a new character, run this and commit docs/assets/fonts/.
fonts: python $(STAMP) books-deps
	@rm -rf build/fonts-site
	EDITION_BOOKS=0 $(BIN)/mkdocs build --strict -q -d build/fonts-site
	$(BIN)/python scripts/edition_cli.py fonts --site build/fonts-site

# EPUBCheck holds the EPUBs to the standard in the tests (a jar run with the machine's Java).
epubcheck:
	@[ -e /usr/bin/epubcheck ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends epubcheck; }

node:
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nodejs npm; }

clean:
	rm -rf site site.new site.old build
