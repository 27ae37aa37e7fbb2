# Infitah — entry points. `make demo` serves the platform on http://127.0.0.1:8000; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENDOR := src/infitah/core/static/infitah/vendor
FONTS := node_modules/@fontsource
PORT ?= 8000

.PHONY: install demo serve test test-fast lint format bench messages screenshots clean

install: $(BIN)/.installed $(VENDOR)/.installed
	@command -v msgfmt >/dev/null || { echo "msgfmt is missing: install GNU gettext (apt-get install gettext)"; exit 1; }
	cd src/infitah && INFITAH_DATA_DIR=../../var ../../$(BIN)/infitah compilemessages -v 0
	$(BIN)/infitah collect_static_if_changed

$(BIN)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[postgres,redis,dev]"
	touch $@

# Fonts come from the npm registry at set-up and are served by the app itself.
$(VENDOR)/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)/fonts
	cp $(FONTS)/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2 \
	   $(FONTS)/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2 \
	   $(FONTS)/noto-sans-tifinagh/files/noto-sans-tifinagh-tifinagh-400-normal.woff2 \
	   $(FONTS)/noto-sans/files/noto-sans-latin-400-normal.woff2 \
	   $(FONTS)/noto-sans/files/noto-sans-latin-700-normal.woff2 \
	   $(FONTS)/noto-sans/files/noto-sans-latin-ext-400-normal.woff2 \
	   $(FONTS)/noto-sans/files/noto-sans-latin-ext-700-normal.woff2 \
	   $(VENDOR)/fonts/
	touch $@

demo: install
	$(BIN)/infitah demo --port $(PORT)

serve: install
	$(BIN)/infitah serve --port $(PORT)

test: install
	$(BIN)/pytest

test-fast: install
	$(BIN)/pytest -m "not e2e" -x -q

# mypy, like makemigrations, loads the settings (django-stubs' plugin), which want a data directory.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	INFITAH_DATA_DIR=$$(mktemp -d) $(BIN)/infitah makemigrations --check --dry-run
	INFITAH_DATA_DIR=$$(mktemp -d) $(BIN)/mypy
	$(BIN)/python bench/check_catalogues.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Every bench script, then each goal met or not met; `make bench BENCH="pages threads"` runs only those.
bench: install
	$(BIN)/python bench/all.py $(BENCH)

# Refresh the translation catalogues after changing UI strings (then fill in the Arabic and French).
messages: install
	cd src/infitah && INFITAH_DATA_DIR=../../var ../../$(BIN)/infitah makemessages -l ar -l fr -l en -l zgh --ignore=*/migrations/* --no-obsolete --no-location

# Re-take the screenshots kept in docs/ (the browser tests write them there).
screenshots: install
	INFITAH_SCREENSHOT_DIR=docs/screenshots $(BIN)/pytest -m e2e -q

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var
