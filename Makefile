# Two commands on a fresh clone (Python 3.11+, pip and git only):
#   make brief   builds the sample brief into output/
#   make test    runs the test suite
#   make bench   measures speed and memory, writes bench/results.md (a few minutes)
#   make fuzz    the robustness property tests with many random examples (docs/reliability.md)
#   make eval    builds and scores the evaluation sets of ../shared/eval, writes eval/results.md
#   make floors  the lowest dependency versions pyproject.toml allows: sample build, reader, settings and image tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: brief test bench eval floors clean

brief: $(VENV)/.installed
	$(BIN)/briefgen build inputs/ -o output/

# Two workers: CI has two cores (the suite takes 2.4 min there, 4.3 min on one).
test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n 2

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run.py

# Reads ../shared/eval (not part of the project; says so when it is absent).
eval: $(VENV)/.installed
	$(BIN)/python eval/run.py

floors:
	bash .ci/floors

# The robustness properties with many random examples (default 1500; FUZZ_EXAMPLES=N to change).
.PHONY: fuzz
fuzz: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=fuzz BRIEFGEN_FUZZ_EXAMPLES=$(or $(FUZZ_EXAMPLES),1500) \
		$(BIN)/python -m pytest tests/test_robust.py -k "generated or edited" --hypothesis-show-statistics -p no:cacheprovider

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) .venv-floors output/*.docx output/*.pdf output/*.md output/*.json output/*.html output/*.eml
