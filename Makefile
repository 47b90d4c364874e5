# make run: set up and open the dashboard on the bundled sample data.
# make test: set up and run every test (unit, AppTest, real Chromium).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test setup setup-dev browser bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

setup: $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt

setup-dev: $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt

browser:
	@bash scripts/ensure-test-packages.sh

run: setup
	$(BIN)/streamlit run app.py

test: setup-dev browser
	CHROMIUM=$$(bash scripts/ensure-test-packages.sh --path) $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache
