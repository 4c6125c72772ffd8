# Lotse: `make demo` sets up and serves a demo; `make test` runs the whole test suite.
# Needs only python3 and make: uv is installed into .tools/, Python 3.12 is found by
# uv from .python-version, everything else comes from uv.lock.

SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
LOTSE := $(VENV)/bin/lotse
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_ENV := LOTSE_HTTPS=0 LOTSE_EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend

.PHONY: install demo test lint messages bench clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	touch $@

install: $(VENV)/.synced
	@scripts/system-packages $(if $(CI),--browser,)

demo: install
	$(DEMO_ENV) $(LOTSE) migrate --no-input -v0
	$(DEMO_ENV) $(LOTSE) createcachetable
	$(DEMO_ENV) $(LOTSE) collectstatic --no-input -v0
	$(DEMO_ENV) $(LOTSE) load_demo
	@echo "Lotse runs on http://$(HOST):$(PORT)/ (Ctrl-C stops the web server and the worker)"
	@$(DEMO_ENV) $(LOTSE) db_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(DEMO_ENV) $(VENV)/bin/gunicorn lotse.wsgi --bind $(HOST):$(PORT) --workers 3 \
	    --access-logfile - --log-level warning

test: install
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: install
	$(LOTSE) migrate --no-input -v0
	$(LOTSE) bench $(BENCH_ARGS)

messages: install
	$(VENV)/bin/python scripts/messages

clean:
	rm -rf .tools $(VENV) var test-artifacts
