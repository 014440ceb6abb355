# Two commands on a fresh machine: `make demo` and `make test`.
# Both build the virtual environment first; nothing is installed by hand.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test lint install clean eval

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/claimledger --db demo.db ingest examples/*.json examples/*.txt examples/*.html
	$(BIN)/claimledger --db demo.db claims

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

eval: $(STAMP)
	$(BIN)/claimledger eval ../shared/eval/dev/gold.jsonl

clean:
	rm -rf $(VENV) demo.db build src/*.egg-info
