# Two commands: `make demo` and `make test`. Each installs what it needs (idempotent, quick
# when nothing changed). See README.md.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.stamp-install
TEST_STAMP := $(VENV)/.stamp-test
NPM_STAMP := extension/node_modules/.stamp-install
AUDIT_STAMP := tests/contract/node_modules/.stamp-install
GRAPHIQL := services/graphiql
GRAPHIQL_PAGE := services/api/teamcredit/data/graphiql/index.html
CYPHER_LINT_STAMP := tests/cypher-lint/node_modules/.stamp-install
EXT := extension
DASH := dashboard
DASH_STAMP := $(DASH)/node_modules/.stamp-install

.PHONY: demo test install install-py install-test install-ext install-audit install-browser \
        install-redis build-ext build-dash lint typecheck test-py test-ext test-dash test-fast schema clean

# The demo installs what running needs: the runtime dependencies, the extension's build and
# the dashboard's (served by the API at /dashboard).
demo: install-py build-ext build-dash
	$(BIN)/teamcredit demo

test: install-test install-ext install-browser install-redis lint typecheck test-ext test-dash test-py

install: install-py install-ext

# Runtime: the package and its dependencies (mypy stays: it compiles the analyser, setup.py),
# and GraphiQL's files from npm, which the API serves itself (no CDN at run time).
install-py: $(PY_STAMP) $(GRAPHIQL_PAGE)

$(GRAPHIQL_PAGE): $(GRAPHIQL)/package.json $(GRAPHIQL)/package-lock.json $(GRAPHIQL)/build.mjs \
                  $(GRAPHIQL)/index.html
	cd $(GRAPHIQL) && npm ci --no-audit --no-fund --loglevel=error && node build.mjs

# Test tools on top (pyproject.toml's `test` extra), without rebuilding the package.
install-test: install-py $(TEST_STAMP)

$(TEST_STAMP): $(PY_STAMP) pyproject.toml constraints.txt
	$(BIN)/python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', \
	  'rb'))['project']['optional-dependencies']['test']))" > $(VENV)/test-requirements.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -r $(VENV)/test-requirements.txt
	@touch $@

# The analyser's hot modules are compiled with mypyc (setup.py), so editing one of them
# reinstalls. The build uses the venv's pinned mypy instead of an isolated copy.
COMPILED_SOURCES := $(wildcard services/api/teamcredit/analysis/*.py)

$(PY_STAMP): pyproject.toml constraints.txt setup.py $(COMPILED_SOURCES)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt setuptools wheel mypy
	$(BIN)/python -m pip install --quiet -c constraints.txt --no-build-isolation -e .
	@$(BIN)/python -c "from teamcredit.analysis.scanner import compiled; compiled() or \
	  print('WARNING: the framing analyser is installed interpreted (no C compiler?), about' \
	        ' 8x slower; see docs/framing.md, Compiled modules')"
	@touch $@

install-ext: $(NPM_STAMP) install-audit

# The tests' own npm packages: the graphql-http audit and Neo4j's Cypher front end.
install-audit: $(AUDIT_STAMP) $(CYPHER_LINT_STAMP)

# graphql-http's conformance audit (tests/contract) runs on Node.
$(AUDIT_STAMP): tests/contract/package.json tests/contract/package-lock.json
	cd tests/contract && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Neo4j's Cypher front end (tests/graph/test_neo4j_frontend.py). The package asks for Node
# 24+, newer than Debian's, so the folder also installs Node itself from npm (the `node`
# package) and the test runs lint.mjs with that one.
$(CYPHER_LINT_STAMP): tests/cypher-lint/package.json tests/cypher-lint/package-lock.json
	cd tests/cypher-lint && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(NPM_STAMP): $(EXT)/package.json $(EXT)/package-lock.json
	cd $(EXT) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian's Chromium for the browser tests (Playwright drives it through executable_path), and
# curl, which the README's commands use (tests/docs/test_readme.py runs them).
install-browser:
	@missing=""; for tool in chromium curl; do command -v $$tool >/dev/null 2>&1 || \
	  missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian's$$missing for the tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing:$$missing: run 'sudo apt-get install$$missing' (the tests need them)"; exit 1; \
	  fi; \
	fi

# Debian's redis-server for the two-replica test (tests/replicas starts its own on a free port).
install-redis:
	@if ! command -v redis-server >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian's redis-server for the two-replica test..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	  else \
	    echo "redis-server is missing: run 'sudo apt-get install redis-server' (replica tests need it)"; exit 1; \
	  fi; \
	fi

# The recognition dashboard: TypeScript + Chart.js, bundled into dashboard/dist at install
# (no CDN at run time).
$(DASH_STAMP): $(DASH)/package.json $(DASH)/package-lock.json
	cd $(DASH) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build-dash: $(DASH_STAMP)
	cd $(DASH) && npm run --silent build
	@echo "Dashboard built in $(DASH)/dist (served at /dashboard)"

test-dash: $(DASH_STAMP)
	cd $(DASH) && npm run --silent check

build-ext: $(NPM_STAMP)
	cd $(EXT) && npm run --silent build
	@echo "Extension built in $(EXT)/dist (load it unpacked: see README.md)"

lint: install-test
	$(BIN)/ruff check services tests bench setup.py
	$(BIN)/ruff format --check services tests bench setup.py

typecheck: install-test
	$(BIN)/mypy

test-ext: $(NPM_STAMP)
	cd $(EXT) && npm run --silent check

test-py: install-test install-audit build-ext build-dash
	$(BIN)/python -m pytest -q -p no:cacheprovider

# Unit tests only: seconds, no graph, no browser.
test-fast: install-test
	$(BIN)/python -m pytest -q tests/unit

schema: install-py
	$(BIN)/python -m teamcredit.api.export_schema > docs/schema.graphql

clean:
	rm -rf $(VENV) $(EXT)/node_modules tests/contract/node_modules tests/cypher-lint/node_modules \
	  $(EXT)/dist $(DASH)/node_modules $(DASH)/dist .pytest_cache .mypy_cache .ruff_cache build \
	  $(GRAPHIQL)/node_modules services/api/teamcredit/data/graphiql
	find services -name '*.so' -delete
