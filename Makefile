# Two commands on a fresh machine: `make demo` and `make test`.
# Both build the virtual environment first; nothing is installed by hand.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test lint install clean eval corpus model wordclasses quality

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

# Rebuild the data files from their sources: the corpus's gold from its drafts, the decision model from the
# corpus (prints its unseen-family scores), the WordNet class table from Debian's wordnet-base.
corpus: $(STAMP)
	$(BIN)/python corpus/build.py

model: $(STAMP)
	$(BIN)/claimledger train corpus/gold.jsonl corpus/blind-train/*/gold.jsonl
	$(BIN)/claimledger train --quantities corpus/gold.jsonl

wordclasses: $(STAMP)
	$(BIN)/python -c "from claimledger.extract.wordclasses import build; \
	print(build('/usr/share/wordnet', 'src/claimledger/data/wordclasses.json'))"

quality: $(STAMP)
	$(BIN)/python bench/quality.py --model

clean:
	rm -rf $(VENV) demo.db build src/*.egg-info
