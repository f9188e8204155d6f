"""The Celery app as the worker tests run it: ``celery -A tests.sources.worker_app worker``.

The same app and settings as production, with test-only differences: the fetch guard lets
127.0.0.1 through (the test's local web server); tasks go to a queue of the test's own
(STANCEBOOK_TEST_QUEUE), so other runs sharing the Redis database cannot interfere; and a killed
worker's unacknowledged task comes back within seconds instead of hours (Redis transport: short
visibility timeout, checked every second rather than every ~100 s).
"""

import os

from config.celery import app
from sources import fetching

fetching.allow_loopback_for_tests()
if os.environ.get("STANCEBOOK_TEST_QUEUE"):
    app.conf.task_default_queue = os.environ["STANCEBOOK_TEST_QUEUE"]
app.conf.broker_transport_options = {
    **app.conf.broker_transport_options,
    "visibility_timeout": 5,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}

__all__ = ["app"]
