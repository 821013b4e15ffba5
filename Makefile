# Everyday commands. The virtual environment is made on first use, as the README says.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared/data
DATA ?= training_data
MODEL ?= scorer/model/reliability
BENCH_DATA ?= $(SHARED)/polnear-train/text
RELIABLE ?=

.PHONY: install test train evaluate bench docs clean

$(BIN)/scorer: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -e ".[test]"
	touch $@

install: $(BIN)/scorer

test: install
	$(BIN)/python -m pytest

train: install
	$(BIN)/scorer train --data $(DATA) --output $(MODEL) $(if $(RELIABLE),--reliable $(RELIABLE))

# make evaluate DATA=folder RELIABLE=name adds any labelled folder (one subfolder per label) to the page.
evaluate: install
	$(BIN)/python -m tools.evaluation_page --shared $(SHARED) --output docs/EVALUATION.md \
		$(if $(filter-out training_data,$(DATA)),--data $(DATA)) $(if $(RELIABLE),--reliable $(RELIABLE))

bench: install
	$(BIN)/python -m tools.bench --data $(BENCH_DATA)

# The lexicon README's rule table, from the rule registry (`scorer rules`).
docs: install
	$(BIN)/python -m tools.lexicon_readme

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
