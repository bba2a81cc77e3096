# Two commands do everything on a fresh machine with python3 and make:
#   make demo   - set up .venv, analyse the bundled example corpus, print the report's path
#   make test   - set up .venv, lint, run the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT := out

.PHONY: install demo test fuzz lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/storyline analyze examples/corpus --db $(OUT)/storyline.db --out $(OUT)/report.json --out $(OUT)/report.md --out $(OUT)/report.html --out $(OUT)/events.csv
	$(BIN)/storyline add examples/corpus --story demo --db $(OUT)/storyline.db > /dev/null
	@echo "Report: $(abspath $(OUT))/report.json (also report.md, report.html, events.csv)"
	@echo "Browse it: $(BIN)/storyline serve --db $(OUT)/storyline.db   (then open http://127.0.0.1:8000/)"

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest

# The fuzz tests also run in `make test`, bounded and reproducible; this runs 25x as many fresh
# examples (STORYLINE_FUZZ_SCALE=N for another multiple).
fuzz: $(STAMP)
	STORYLINE_FUZZ=long $(BIN)/python -m pytest tests/fuzz --timeout 3600 -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

bench: $(STAMP)
	for b in bench/*.py; do $(BIN)/python $$b; done

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache .mypy_cache
