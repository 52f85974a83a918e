# One-command set-up: `make run` starts the app, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast screenshots portfolio-screenshots bench dist clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml setup.py
	$(BIN)/python -m pip install --quiet -e '.[test,dist,portfolio]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m planner.ui.preflight && $(BIN)/coplanner

test: $(STAMP)
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# The inner loop: every test except those marked slow (builds, many processes, huge texts).
test-fast: $(STAMP)
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow"

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m planner.ui.screenshots docs/screenshots

# The served portfolio in Debian's headless Chromium (installed here if missing).
portfolio-screenshots: $(STAMP)
	PYTHON=$(BIN)/python scripts/portfolio-screenshots.sh docs/screenshots

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

dist: $(STAMP)
	PYTHON=$(BIN)/python installer/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
