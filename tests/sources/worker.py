"""Start and stop a real ``celery worker`` process on the test database, for @pytest.mark.worker.

The worker gets DATABASE_URL built from the test database pytest-django made, the broker from
REDIS_URL / CELERY_BROKER_URL, and a queue name of its own. Tests run only on PostgreSQL with a
broker configured; otherwise they are skipped with the reason.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT = 60.0


def skip_unless_real_worker_possible() -> None:
    broker = os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL")
    reason = ""
    if connection.vendor != "postgresql":
        reason = "worker tests need PostgreSQL (set DATABASE_URL=postgres://...)"
    elif not broker or settings.CELERY_TASK_ALWAYS_EAGER:
        reason = "worker tests need a broker (set REDIS_URL or CELERY_BROKER_URL)"
    if reason and os.environ.get("STANCEBOOK_REQUIRE_WORKER_TESTS"):
        # CI's PostgreSQL run sets this: there a skipped worker test would hide a broken set-up.
        pytest.fail(f"STANCEBOOK_REQUIRE_WORKER_TESTS is set, but {reason}")
    if reason:
        pytest.skip(reason)


def database_url() -> str:
    db = connection.settings_dict
    user = quote(db.get("USER") or "")
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{db['NAME']}"


class WorkerProcess:
    """One ``celery worker`` process (solo pool: one process, so kill -9 kills all of it)."""

    def __init__(self, queue: str, log_path: Path, **env: str) -> None:
        self.queue = queue
        self.log_path = log_path
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "STANCEBOOK_TEST_QUEUE": queue,
            "PYTHONUNBUFFERED": "1",
            "LOG_LEVEL": "INFO",
            **env,
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        log = self.log_path.open("ab")
        log.write(f"\n--- worker start {self.starts} ---\n".encode())
        log.flush()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "tests.sources.worker_app",
                "worker",
                "--pool=solo",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-Q",
                self.queue,
                "-n",
                f"{self.queue}-{self.starts}@%h",
                "--loglevel=INFO",
            ],  # fmt: skip
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        self._wait_for(f"{self.queue}-{self.starts}@", "ready.")

    def _wait_for(self, *fragments: str) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            lines = self.log().splitlines()
            if any(all(f in line for f in fragments) for line in lines):
                return
            if self.process is not None and self.process.poll() is not None:
                break
            time.sleep(0.2)  # waiting on another process: bounded by READY_TIMEOUT
        self.stop()
        pytest.fail(f"The Celery worker did not start; its log:\n{self.log()[-4000:]}")

    def kill(self) -> None:
        """kill -9: no warm shutdown, no chance to acknowledge or restore anything."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    """A started worker on a fresh queue; stopped before the test database is flushed."""
    skip_unless_real_worker_possible()
    worker = WorkerProcess(
        queue=f"ingest-test-{uuid.uuid4().hex[:8]}",
        log_path=tmp_path / "worker.log",
    )
    worker.start()
    try:
        yield worker
    finally:
        worker.stop()


def wait_until(condition, *, timeout: float, message: str, worker: WorkerProcess) -> None:
    """Poll ``condition`` (a real worker works at its own pace) for at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"{message} (after {timeout:g}s). Worker log:\n{worker.log()[-4000:]}")
