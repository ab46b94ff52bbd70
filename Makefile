# Two commands do all the set-up on a fresh machine (python3, pip, gcc, make):
#   make demo   — install sora-rules and evaluate a real example case
#   make test   — install with test tools and run the whole suite (pytest + Dutch specs)
# `make bench` measures speed and memory (see bench/README.md).

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

demo: $(BIN)/python
	$(BIN)/pip install -q .
	$(BIN)/sora-rules evaluate voorbeelden/alleenstaande-met-kostendeler.yaml --format text

test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info engine/src/*.egg-info .pytest_cache .ruff_cache
