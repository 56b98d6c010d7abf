# Two commands do all set-up on a fresh machine with Python 3.11 and pip:
#   make run    create .venv, install the package, extract corpora/ into results/corpora.jsonl
#   make test   install the test tools too, then run ruff and the whole test suite
# Both install the versions pinned in constraints.txt (pip's -c), the ones the tests passed with.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= results/corpora.jsonl

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

run: $(VENV)/.installed
	mkdir -p $(dir $(OUT))
	$(BIN)/directive-extract extract corpora --exclude '*.gold.json' -o $(OUT)

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

test: $(VENV)/.installed lint
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) results .pytest_cache
