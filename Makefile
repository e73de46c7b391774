.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-18s %s\n", $$1, $$2}'

# Installs come from uv.lock (every package pinned with its hashes) through uv, itself pinned here.
# uv keeps pip and itself in .venv; everything else not in uv.lock is removed, so .venv is exactly the lock.
# No --compile-bytecode: Python compiles what a command imports on first use (~5 s faster than
# compiling every installed module, measured on make run from a fresh clone).
UV_VERSION := 0.13.9
UV := UV_PROJECT_ENVIRONMENT=$(VENV) UV_PYTHON_DOWNLOADS=never $(BIN)/uv
UV_STAMP := $(VENV)/.uv-$(UV_VERSION)

$(UV_STAMP):
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) wird benötigt (Python 3.11)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	@touch $(UV_STAMP)

$(STAMP): pyproject.toml uv.lock | $(UV_STAMP)
	@$(UV) lock --check --offline --quiet 2>/dev/null || { \
		echo "uv.lock passt nicht mehr zu pyproject.toml: 'make lock' ausführen und uv.lock mit einchecken."; \
		exit 1; }
	$(UV) sync --locked --all-extras --quiet
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install exactly the packages in uv.lock (with the dev and s3 extras)

lock: | $(UV_STAMP) ## Update uv.lock after a change in pyproject.toml (locked versions stay where they can)
	$(UV) lock

upgrade: | $(UV_STAMP) ## Upgrade every package in uv.lock to the newest release pyproject.toml allows
	$(UV) lock --upgrade

setup: install ## Migrate the database, load demo content on first run, ensure an admin user
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bootstrap_site

run: setup ## Set everything up and serve the site on 127.0.0.1:$(PORT) (SQLite by default)
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

PROD := DJANGO_SETTINGS_MODULE=cms.settings.production

serve: install ## Production server: gunicorn (cms/gunicorn.conf.py) on DATABASE_URL + REDIS_URL; needs SECRET_KEY; run `make worker` beside it
	@test -n "$$SECRET_KEY" || { echo "SECRET_KEY muss gesetzt sein (z. B. export SECRET_KEY=…)."; exit 1; }
	@test -n "$$DATABASE_URL" || echo "Hinweis: DATABASE_URL ist nicht gesetzt, die Seite läuft auf SQLite."
	@test -n "$$REDIS_URL" || echo "Hinweis: REDIS_URL ist nicht gesetzt, jeder Prozess hat einen eigenen Cache."
	@echo "Hintergrundaufgaben (CSV-Import, Texterkennung, Suchindex) führt 'make worker' aus – daneben starten."
	$(PROD) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(PROD) $(BIN)/python manage.py migrate --noinput
	$(PROD) exec $(BIN)/gunicorn -c cms/gunicorn.conf.py cms.wsgi

worker: install ## Background worker for the tasks in the database (CSV import, document text, search index); beside `make serve`
	$(PROD) exec $(BIN)/python manage.py db_worker --interval 1

lint: install ## ruff lint and format check, import contracts (pyproject.toml [tool.importlinter])
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo

check: install ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

test: lint check ## Lint, checks and the whole test suite (on DATABASE_URL if set, else SQLite)
	$(BIN)/python -m pytest

publish-scheduled: install ## Publish/unpublish pages whose go-live or expiry time has come (cron: every 5 min)
	$(BIN)/python manage.py publish_scheduled

purge-personal-data: install ## Delete/anonymise personal data past its retention period (cron: nightly); DRY_RUN=1 only lists
	$(BIN)/python manage.py purge_personal_data $(if $(DRY_RUN),--dry-run)

BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/search_bench

BENCH_SEARCH_ARGS ?=

bench-import: install ## Times 1,000 CSV rows (published and as drafts) and the demo load on a fresh SQLite DB -> docs/benchmarks/import.md
	$(BIN)/python scripts/bench_import.py

bench-search: install ## Search benchmark: judged relevance on SQLite + PostgreSQL, latency on PostgreSQL (1,000/10,000 pages) -> docs/benchmarks/search.md (BENCH_SEARCH_ARGS=--relevance-only or --keep)
	DATABASE_URL="$(BENCH_DATABASE_URL)" $(BIN)/python scripts/bench_search.py $(BENCH_SEARCH_ARGS)

soak: install ## 3x60 s of load (50 clients) on own PostgreSQL/Redis/gunicorn, with outages -> docs/reliability.md
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(BIN)/python scripts/soak.py

BACKUP_DIR ?= backups
# With a bucket named, the media are in S3: only the production settings configure that storage.
BACKUP_SETTINGS := $(if $(AWS_STORAGE_BUCKET_NAME),$(PROD))

backup: install ## Back up the database (DATABASE_URL) and the media (MEDIA_ROOT or S3 bucket) into a new folder under BACKUP_DIR
	$(BACKUP_SETTINGS) $(BIN)/python manage.py backup_site --to "$(BACKUP_DIR)"

restore: install ## Restore the newest backup in BACKUP_DIR (or BACKUP=folder) into DATABASE_URL and the media storage
	$(BACKUP_SETTINGS) $(BIN)/python manage.py restore_site --from "$(or $(BACKUP),$(BACKUP_DIR))"

screenshots: install ## Browser tests writing PNGs of each page type (1280 and 375 px wide) to screenshots/
	SCREENSHOTS=screenshots $(BIN)/python -m pytest -m browser tests/browser/test_page_types.py

handbook-screenshots: install ## Screenshots of the admin for docs/redaktion.md (fresh SQLite demo, gunicorn on HANDBOOK_PORT=8104, Chromium) -> docs/img/redaktion/
	$(BIN)/python scripts/handbook_screenshots.py

lighthouse: install ## Lighthouse 12 (npx, mobile profile, Debian Chromium) on the main page types -> docs/benchmarks/lighthouse.md
	@command -v npx >/dev/null || { echo "npx (Node.js 20) wird benötigt."; exit 1; }
	$(BIN)/python scripts/lighthouse.py

BENCH_SITE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/site_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/1

bench: install ## Load test under gunicorn (PostgreSQL + Redis, wrk) -> docs/benchmarks/site.md
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	DATABASE_URL="$(BENCH_SITE_DATABASE_URL)" REDIS_URL="$(BENCH_REDIS_URL)" $(BIN)/python scripts/bench_site.py

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

.PHONY: help install lock upgrade setup run serve worker lint check test format bench bench-search bench-import publish-scheduled purge-personal-data
.PHONY: backup restore soak screenshots lighthouse handbook-screenshots
