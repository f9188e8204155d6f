"""Fixtures for the ingestion tests: a local HTTP server and a fetcher allowed to reach it."""

from pathlib import Path

import pytest

from sources import fetching
from sources.fetching import Fetcher
from tests.sources.servers import LocalServer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES = FIXTURES / "pages"
FEEDS = FIXTURES / "feeds"


@pytest.fixture
def server():
    with LocalServer() as running:
        yield running


@pytest.fixture
def fetcher():
    """The real guard, with 127.0.0.1 (only) let through for the local server, and short waits."""
    return Fetcher(
        allowed_addresses={"127.0.0.1"}, connect_timeout=2, read_timeout=1, total_timeout=3
    )


@pytest.fixture
def loopback_allowed(monkeypatch):
    """127.0.0.1 let through for code that builds its own Fetcher (tasks, commands), as the
    worker tests' Celery app does; undone after the test."""
    monkeypatch.setattr(fetching, "_TEST_ALLOWED_ADDRESSES", {"127.0.0.1"})


# The real-worker fixture, for tests marked @pytest.mark.worker (see tests/sources/worker.py).
from tests.sources.worker import celery_worker_process  # noqa: E402, F401
