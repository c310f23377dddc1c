# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.sqlite3
DEMO_CLIENTS ?= 2000
# desktop/ joins once its type errors are fixed (the service layer of issue 20).
MYPY_PACKAGES := db forms reports desktop

.PHONY: run demo test lint format bench bench-encrypted drills installer clean
.PHONY: bundle-check messages translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# One stamp per set of extras, remade when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[postgres,encryption]'
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed-run

# The Spanish catalogue: desktop/i18n/*.ts are the sources kept in the repository,
# the .qm the program loads is compiled from them here and never committed.
TS_SOURCES := desktop/i18n/recovery_desk_es.ts desktop/i18n/messages_es.ts
CATALOGUES := desktop/i18n/recovery_desk_es.qm

translations: $(CATALOGUES)

desktop/i18n/recovery_desk_es.qm: $(TS_SOURCES) | $(VENV)/.installed-run
	$(BIN)/pyside6-lrelease -silent $(TS_SOURCES) -qm $@

# After changing a screen's words: the new or changed messages enter the .ts sources
# (untranslated until someone translates them, in pyside6-linguist or an editor).
messages: $(VENV)/.installed-run
	$(BIN)/pyside6-lupdate -silent -locations none -extensions py desktop \
		-ts desktop/i18n/recovery_desk_es.ts -target-language es
	$(BIN)/python installer/extract_messages.py desktop/i18n/messages_es.ts forms reports desktop

run: $(VENV)/.installed-run $(CATALOGUES)
	$(BIN)/recovery-desk

demo: $(VENV)/.installed-run $(CATALOGUES)
	test -s $(DEMO_DB) || $(BIN)/recovery-desk demo --clients $(DEMO_CLIENTS) --db $(DEMO_DB)
	$(BIN)/recovery-desk --db $(DEMO_DB)

# The import contracts of pyproject.toml first: a broken layer fails in seconds.
test: $(VENV)/.installed-test $(CATALOGUES)
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy $(MYPY_PACKAGES)

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# kill -9 during saves (200 times), a save into a full disk and the four-desk drill
# (on PostgreSQL too when RECOVERY_DESK_TEST_PG_URL is set); about five minutes.
drills: $(VENV)/.installed-test
	RECOVERY_DESK_DRILLS=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/drills -q -s

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench

# The same benchmarks on SQLCipher-encrypted copies; then tests.bench.compare shows both.
bench-encrypted: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench --encrypted
	$(BIN)/python -m tests.bench.compare

installer: $(VENV)/.installed-run $(CATALOGUES)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[installer]'
	$(BIN)/pyinstaller --noconfirm --clean installer/recovery-desk.spec

# Builds the bundle and smoke-runs a copy of it outside the virtualenv (installer/README.md).
bundle-check: installer
	installer/bundle-check.sh dist/recovery-desk

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
