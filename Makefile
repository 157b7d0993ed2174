# `make run` and `make test` work on a fresh clone with only Python 3.11 installed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# Article counts for `make bench`; BENCH_SIZES="10 100" for a quick run.
BENCH_SIZES ?= 10 1000 10000

.PHONY: venv run test lint content bench clean

$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

venv: $(BIN)/.installed

content: venv
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_education_content --demo-accounts

run: content
	$(BIN)/python manage.py runserver $(HOST)

test: venv
	$(BIN)/python -m pytest

# Not part of `make test`: PostgreSQL, wrk and both cores, for some minutes (bench/README.md).
bench: venv
	BENCH_SIZES="$(BENCH_SIZES)" $(BIN)/python bench/run.py

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf $(VENV) db.sqlite3 .test-media
