# nghiquyet — two commands do everything on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip
# The CPU build of torch lies on this machine's disk; an unpinned torch would pull a CUDA build.
FIND_LINKS := $(if $(wildcard /opt/wheels),--find-links /opt/wheels,)
MODEL  := data/model/multilingual-e5-small
STAMP  := $(VENV)/.installed
DATA_DIR ?= data/index
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install serve test test-fast bench index clean help

help:
	@echo "make serve   install if needed, index corpus/, serve http://$(HOST):$(PORT)"
	@echo "make test    install if needed, run the test suite"
	@echo "make bench   run the benchmarks and regenerate bench/README.md"

install: $(STAMP) $(MODEL)/modules.json

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet $(FIND_LINKS) torch==2.13.0
	$(PIP) install --quiet $(FIND_LINKS) -e '.[test]'
	touch $@

$(MODEL)/modules.json: $(STAMP)
	$(BIN)/nghiquyet model build

index: install
	$(BIN)/nghiquyet index corpus --data-dir $(DATA_DIR)

serve: index
	$(BIN)/nghiquyet serve --data-dir $(DATA_DIR) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) data *.egg-info
