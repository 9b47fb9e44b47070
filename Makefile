# The two commands of the README: `make run` (set up and run everything) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
export DJANGO_SETTINGS_MODULE ?= elearning.settings.dev

.PHONY: run test e2e browsers conformance bench bench-directory lint security install messages compilemessages clean

# Reinstall only when the declared dependencies change.
$(VENV)/.installed: pyproject.toml
	# python3-saml's xmlsec (SAML single sign-on) builds against Debian's libxmlsec1.
	dpkg -s libxmlsec1-dev pkg-config >/dev/null 2>&1 || \
		(apt-get update -qq && apt-get install -y -qq libxmlsec1-dev pkg-config)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet '.[test]'
	touch $@

install: $(VENV)/.installed

compilemessages: install
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --ignore=var -v0

# Apps with their own locale/ keep their own catalogue (and their templates inside the app),
# so work on different apps never edits the same .po file; the rest share locale/.
APP_CATALOGUES := $(patsubst %/locale,%,$(wildcard */locale))
messages: install
	$(MANAGE) makemessages -l cs -l en --no-obsolete --ignore=.venv --ignore=node_modules \
		--ignore=var --ignore=tests --ignore=bench $(foreach app,$(APP_CATALOGUES),--ignore='$(app)/*')
	for app in $(APP_CATALOGUES); do \
		(cd $$app && ../$(BIN)/python ../manage.py makemessages -l cs -l en --no-obsolete) || exit 1; \
	done

run: compilemessages
	mkdir -p var/broker var/broker-control var/media
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) seed_demo
	bash scripts/run.sh

# Tests marked `redis` need a real Redis and PostgreSQL: .ci/run selects them in its second run.
TEST_MARKERS ?= not e2e and not redis
# pytest-xdist: one process per core, each with its own test database. --dist load hands out
# tests in pytest-django's order, so on every worker the transactional tests (which flush the
# database, migration data included) run after the others; --dist loadfile would not keep that.
# TEST_WORKERS=0 runs in one process: .ci/run's Redis leg does (its worker-process tests share
# one broker).
TEST_WORKERS ?= auto
test: compilemessages
	DJANGO_SETTINGS_MODULE=elearning.settings.test $(BIN)/pytest -m "$(TEST_MARKERS)" \
		-n $(TEST_WORKERS) --dist load \
		--ignore=tests/e2e --ignore=tests/conformance $(PYTEST_ARGS)

# External conformance cases in ../shared/fixtures (beside the clone, not in it): fails when missing.
# The SCORM golf package is played in Chromium, so this step sets up the browser as e2e does.
conformance: compilemessages browsers
	DJANGO_SETTINGS_MODULE=elearning.settings.test DJANGO_ALLOW_ASYNC_UNSAFE=true \
		$(BIN)/pytest tests/conformance $(PYTEST_ARGS)

# Browser tests: Debian's Chromium (browsers cannot be downloaded here) and axe-core from npm.
browsers: install
	$(BIN)/pip install --quiet '.[test,e2e]'
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	test -f node_modules/axe-core/axe.min.js || npm ci --silent --no-audit --no-fund
	mkdir -p var/screenshots

e2e: compilemessages browsers
	DJANGO_SETTINGS_MODULE=elearning.settings.test DJANGO_ALLOW_ASYNC_UNSAFE=true \
		$(BIN)/pytest -m e2e tests/e2e $(PYTEST_ARGS)

# bench/run.py: a scratch PostgreSQL database seeded at scale, gunicorn and Redis on 127.0.0.1,
# load from wrk (Debian's package); prints one table and leaves nothing behind.
# BENCH_QUICK=1 runs it on 1,000 employees for development.
bench: compilemessages
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run.py

# The directory sync of 1,500 people from the test OpenLDAP (.ci/start-slapd.sh), apart from
# `make bench`: it needs slapd and has no baseline to compare with.
bench-directory: compilemessages
	$(BIN)/python bench/bench_directory.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=elearning.settings.test $(MANAGE) makemigrations --check --dry-run

# Static security checks: bandit (medium and high), and semgrep with the project's own rules
# (.semgrep.yml) offline, then `semgrep --test` proving each rule catches its planted bad line.
# Semgrep pins many libraries of its own, so it lives in a venv apart from the project's.
SEMGREP_VENV := var/tools/semgrep
SEMGREP := $(SEMGREP_VENV)/bin/semgrep
security: install
	$(BIN)/bandit -q -c pyproject.toml -r . -ll
	test -x $(SEMGREP_VENV)/bin/semgrep || ($(PYTHON) -m venv $(SEMGREP_VENV) && \
		$(SEMGREP_VENV)/bin/pip install --quiet 'semgrep>=1.185,<2')
	$(SEMGREP) scan --metrics=off --disable-version-check --config .semgrep.yml --error --quiet \
		--exclude tests/security/planted .
	$(SEMGREP) --test --metrics=off --disable-version-check --config .semgrep.yml \
		tests/security/planted/planted_bad.py

clean:
	rm -rf var/broker var/broker-control var/screenshots
