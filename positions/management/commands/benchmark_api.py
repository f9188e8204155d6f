"""python manage.py benchmark_api — time the API's large lists on the benchmark dataset.

Run against the PostgreSQL database that ``generate_benchmark_data`` filled, read-only:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stancebook_bench \\
        .venv/bin/python manage.py benchmark_api

It times, in process through the whole Django + DRF stack (middleware, auth, filters,
serializers, JSON), the median of ``--repeat`` requests for each of:

- ``/api/v1/statements/`` — the first page;
- the same list 1,000 pages deep, reached by following ``next`` links from the first page;
- ``/api/v1/actors/{busy}/timeline/`` — the first page of the busiest actor's timeline;

and prints each median with its minimum and maximum and the number of SQL queries. Throttling is
switched off for the run. Nothing is written to the database.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.throttling import SimpleRateThrottle

TARGET_MS = 50.0


class Command(BaseCommand):
    help = "Time /statements/ (first page and 1,000 deep) and a busy actor's timeline."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repeat", type=int, default=20)
        parser.add_argument("--depth", type=int, default=1000, help="pages deep to follow")
        parser.add_argument("--actor", default="bench-busy-actor", help="a busy actor's slug")

    def handle(self, *args: Any, **options: Any) -> None:  # noqa: ANN401
        SimpleRateThrottle.THROTTLE_RATES = {"anon": None, "user": None}
        client = Client()
        repeat = options["repeat"]
        first = "/api/v1/statements/"
        self._check(client, first)

        started = time.perf_counter()
        deep = first
        for _ in range(options["depth"] - 1):
            deep = self._check(client, deep).json()["next"]
            if deep is None:
                raise CommandError(f"The list ends before page {options['depth']}.")
        walk_s = time.perf_counter() - started
        self.stdout.write(
            f"followed {options['depth'] - 1} next links in {walk_s:.1f} s "
            f"({walk_s * 1000 / max(options['depth'] - 1, 1):.1f} ms per page)"
        )

        timeline = f"/api/v1/actors/{options['actor']}/timeline/"
        results = [
            ("statements, first page", first),
            (f"statements, page {options['depth']}", deep),
            (f"timeline of {options['actor']}, first page", timeline),
        ]
        failed = False
        for label, url in results:
            median = self._time(client, label, url, repeat)
            failed |= median >= TARGET_MS
        if failed:
            self.stdout.write(self.style.WARNING(f"At least one median is {TARGET_MS} ms or more."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Every median is under {TARGET_MS} ms."))

    def _check(self, client: Client, url: str) -> Any:  # noqa: ANN401
        response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}: {response.content[:300]!r}")
        return response

    def _time(self, client: Client, label: str, url: str, repeat: int) -> float:
        self._check(client, url)  # warm up: connection, caches, the plan
        timings = []
        for _ in range(repeat):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                self._check(client, url)
                timings.append((time.perf_counter() - started) * 1000)
        median = statistics.median(timings)
        self.stdout.write(
            f"{label:<45} median {median:6.1f} ms  (min {min(timings):.1f}, "
            f"max {max(timings):.1f}, n={repeat}, {len(queries.captured_queries)} queries)"
        )
        return median
