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

.PHONY: install serve test test-fast bench index clean help browser

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

# The browser end-to-end test drives Debian's chromium + chromium-driver (never a download). Installed
# here when missing and we are root with apt-get; otherwise that test is skipped with a loud reason.
browser:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium + chromium-driver (apt-get) for the browser test"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null 2>&1 || \
	  { apt-get update -q >/dev/null 2>&1 && \
	    apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null 2>&1; } || \
	  echo "WARNING: could not install chromium + chromium-driver: the browser test will be SKIPPED"; \
	else echo "WARNING: chromium/chromedriver missing and cannot apt-get them: the browser test will be SKIPPED"; fi

test: install browser
	$(BIN)/python -m pytest -q -rs

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

# BENCH_BASE: a plans + laws index (built once with the real model) reused by the scale and load runs.
BENCH_BASE ?= bench/.data/full

bench: install
	$(BIN)/python bench/run.py --data-dir $(BENCH_BASE)
	$(BIN)/python bench/scale.py --base $(BENCH_BASE)
	$(BIN)/python bench/load.py --base $(BENCH_BASE)
	$(BIN)/python bench/faults.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/compare.py
	$(BIN)/python bench/coverage.py
	test -d bench/.data/noctx || NGHIQUYET_HEADING_CONTEXT=false $(BIN)/nghiquyet index corpus ../shared/corpus-alqac --data-dir bench/.data/noctx
	$(BIN)/python bench/context_ablation.py --with $(BENCH_BASE) --without bench/.data/noctx
	$(BIN)/python bench/report.py

clean:
	rm -rf $(VENV) data *.egg-info
