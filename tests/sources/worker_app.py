"""The Celery app as the worker tests run it: ``celery -A tests.sources.worker_app worker``.

The same app and settings as production, with two test-only differences: the fetch guard lets
127.0.0.1 through (the test's local web server), and tasks go to a queue of the test's own
(STANCEBOOK_TEST_QUEUE), so other runs sharing the Redis database cannot interfere.
"""

import os

from config.celery import app
from sources import fetching

fetching.allow_loopback_for_tests()
if os.environ.get("STANCEBOOK_TEST_QUEUE"):
    app.conf.task_default_queue = os.environ["STANCEBOOK_TEST_QUEUE"]

__all__ = ["app"]
