"""Settings come from the environment and refuse what would be unsafe or malformed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int

ROOT = Path(__file__).resolve().parents[1]


def _check(env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _check({"DEBUG": "false"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_starts_with_a_secret_key():
    result = _check({"DEBUG": "false", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.org"})
    assert result.returncode == 0, result.stderr


def test_a_malformed_boolean_is_refused(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='maybe' is not a yes/no value"):
        env_bool("DEBUG", default=True)


def test_a_malformed_number_is_refused(monkeypatch):
    monkeypatch.setenv("CELERY_TASK_TIME_LIMIT", "ten")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("CELERY_TASK_TIME_LIMIT", default=1)


def test_tasks_run_in_process_when_no_broker_is_configured(settings):
    if os.environ.get("REDIS_URL") or os.environ.get("CELERY_BROKER_URL"):
        pytest.skip("a broker is configured for this run")
    assert settings.CELERY_TASK_ALWAYS_EAGER is True
