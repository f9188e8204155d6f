# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make demo   run the app with demo data on http://127.0.0.1:$(PORT)
#   make test   run the whole test suite
# Both create the virtual environment .venv from uv.lock first when it is missing or stale.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.8
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# Byte-compile at install: where PYTHONDONTWRITEBYTECODE is set (as on this project's machines)
# every command would otherwise compile its imports from source, about 0.9 s of each start-up.
export UV_COMPILE_BYTECODE := 1

.PHONY: demo test test-fast test-browser lint format venv clean-venv

venv: $(VENV)/.synced

# uv comes from the registry into the project's own environment (no global install), then
# installs exactly the versions pinned in uv.lock.
$(VENV)/.synced: pyproject.toml uv.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@test -x $(UV) || $(PY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(UV) sync --frozen --python $(PY)
	$(PY) -m compileall -q config positions sources
	@touch $@

demo: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py setup_demo
	@echo "Serving Stancebook on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/). Ctrl-C stops it."
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The whole suite: the fast tests, then the browser tests (skipped, with the reason, where
# Chromium is not installed). Worker tests run when DATABASE_URL points at PostgreSQL and
# REDIS_URL at a Redis server (see .ci/run).
test: venv
	$(PY) -m pytest
	$(PY) -m pytest -m browser || [ $$? -eq 5 ]  # 5: no browser test collected

test-fast: venv
	$(PY) -m pytest -x -q

test-browser: venv
	$(PY) -m pytest -m browser || [ $$? -eq 5 ]  # 5: no browser test collected

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean-venv:
	rm -rf $(VENV)
