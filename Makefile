# Two commands do all the set-up on a fresh machine (python3, pip, gcc, make):
#   make demo   — install sora-rules and evaluate a real example case
#   make test   — install with test tools and run the whole suite (pytest + Dutch specs)
# `make bench` measures speed and memory (see bench/README.md).
# `make screenshots` photographs the workbench pages into docs/*.png (needs chromium).

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

# The venv follows the interpreter asked for: `make demo PYTHON=python3.12` after a run with
# another Python rebuilds .venv instead of reusing it.
PYVER := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
STAMP  = $(VENV)/.gemaakt-met-python$(PYVER)
ifeq ($(PYVER),)
$(error $(PYTHON) start niet; geef een Python 3.11, 3.12 of 3.13 op met PYTHON=...)
endif

# durable-rules 2.0.28 calls PyEval_CallObject, which Python 3.13 removed; its successor
# PyObject_CallObject takes the same arguments. CPPFLAGS, because its setup.py overwrites CFLAGS.
ifeq ($(shell $(PYTHON) -c 'import sys; print(int(sys.version_info >= (3, 13)))'),1)
export CPPFLAGS := -DPyEval_CallObject(f,a)=PyObject_CallObject(f,a) $(CPPFLAGS)
endif

.PHONY: demo test bench screenshots lint clean

$(STAMP):
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	touch $@

demo: $(STAMP)
	$(BIN)/pip install -q .
	$(BIN)/sora-rules evaluate voorbeelden/alleenstaande-met-kostendeler.yaml --format text

test: $(STAMP)
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

# The decision path (run.py), the vectorised path with its numpy ratio (vector.py), national
# scale (nationaal.py) and the differential test at full size (>= 100,000 households).
bench: $(STAMP)
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/python bench/run.py
	$(BIN)/python bench/vector.py
	$(BIN)/python bench/nationaal.py
	SORA_VECTOR_HUISHOUDENS=100000 $(BIN)/pytest -q -p no:cacheprovider tests/test_vector_gelijk.py

screenshots: $(STAMP)
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/python docs/screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info engine/src/*.egg-info .pytest_cache .ruff_cache
