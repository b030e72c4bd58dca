# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
# pytest-xdist workers: each has its own test database (pytest-django) and Redis database (15, 14... see
# tests/settings.py). TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= auto

.PHONY: install run test lint format bench bench-backoffice bench-monitoring loadtest cluster cluster-up cluster-down worker beat messages clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: install
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/python scripts/check_services.py
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest -n $(TEST_WORKERS) --maxprocesses=8

# wrk (the HTTP load generator of bench/run.py and bench/filing.py) comes from Debian when missing.
bench: install
	@command -v wrk >/dev/null 2>&1 || { \
		echo "make bench: installing wrk (HTTP load generator) with apt-get"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1 \
		|| { apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk >/dev/null; } \
		|| { echo "make bench: wrk is needed and could not be installed: apt-get install wrk (as root)" >&2; exit 1; }; }
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_bench} REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} \
		$(BIN)/python bench/run.py
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_bench} REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} \
		$(BIN)/python bench/filing.py
	DOCUMENT_SIGNING_DIR=$${DOCUMENT_SIGNING_DIR:-var/bench-signing} $(BIN)/python bench/documents.py
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_bench} REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} \
		$(BIN)/python bench/assistant.py
	$(MAKE) bench-backoffice
	$(MAKE) bench-monitoring

# The back-office queue with 1,000,000 records (its own database, portal_bench_bo).
bench-backoffice: install
	REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} $(BIN)/python bench/backoffice.py

# The statistics API over the figures of 10,000,000 records (its own database, portal_bench_mon).
bench-monitoring: install
	REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} $(BIN)/python bench/monitoring.py

# The real journeys under load (Locust): search, procedure page, VNeID login, filing with a PDF, payment, tracking,
# an officer receiving; gunicorn + a Celery worker on its own database (portal_load), for LOADTEST_SECONDS (60) with
# LOADTEST_USERS (8); prints each step's throughput and p50/p95/p99 and fails on any error. See loadtest/run.py.
loadtest: install
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/12} $(BIN)/python loadtest/run.py

# Two gunicorn nodes behind HAProxy, a PostgreSQL primary and a streaming standby, a worker, on 127.0.0.1:
# started, checked (a session across nodes, a record read back at once, reads on the standby), measured, stopped.
# `make cluster-up` leaves it running (HAProxy on 8300) until `make cluster-down`. See docs/deployment.md.
cluster: install
	@command -v haproxy >/dev/null 2>&1 || test -x /usr/sbin/haproxy || { \
		echo "make cluster: installing haproxy with apt-get"; export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -qq --no-install-recommends haproxy >/dev/null 2>&1 \
		|| { apt-get update -qq && apt-get install -y -qq --no-install-recommends haproxy >/dev/null; }; }
	$(BIN)/python scripts/cluster.py run

cluster-up: install
	$(BIN)/python scripts/cluster.py up

cluster-down:
	$(BIN)/python scripts/cluster.py down

worker: install
	$(BIN)/celery -A portal worker --loglevel=info -Q default,notifications,documents

beat: install
	$(BIN)/celery -A portal beat --loglevel=info

messages: install
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=var
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var
