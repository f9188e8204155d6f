"""Page timings on a generated dataset, on demand: ``pytest -m benchmark tests/benchmarks``.

A small version of the benchmark (20,000 statements, on the test database) that prints
pytest-benchmark's table and checks that the query counts do not grow with the data. The
figures the issue asks for come from ``manage.py benchmark_pages`` on the 1M-statement
PostgreSQL dataset (see positions/management/commands/benchmark_pages.py).
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test import Client

from positions.management.commands.generate_benchmark_data import BUSY_SLUG
from positions.models import Issue, Stance

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]


@pytest.fixture
def dataset():
    call_command(
        "generate_benchmark_data",
        statements=20_000,
        actors=300,
        issues=30,
        busy=2_000,
        articles=2_000,
        stdout=open("/dev/null", "w"),  # noqa: SIM115, PTH123 - silence the progress lines
    )
    busiest = Stance.objects.values("issue_id").annotate(n=Count("id")).order_by("-n").first()
    return {"issue": Issue.objects.get(pk=busiest["issue_id"])}


def _get(client, url, **headers):
    queries = []
    with connection.execute_wrapper(lambda run, sql, *a: queries.append(sql) or run(sql, *a)):
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("name", "url", "headers", "most_queries"),
    [
        ("actor", f"/actors/{BUSY_SLUG}/", {}, 7),
        ("actor-filtered", f"/actors/{BUSY_SLUG}/?stance=oppose", {}, 7),
        ("actor-more", f"/actors/{BUSY_SLUG}/?page=3", {"HTTP_HX_REQUEST": "true"}, 4),
        ("actor-chart", f"/actors/{BUSY_SLUG}/?chart", {"HTTP_HX_REQUEST": "true"}, 2),
        ("search", "/?q=arctic+fisheries", {"HTTP_HX_REQUEST": "true"}, 3),
    ],
)
def test_page(benchmark, dataset, name, url, headers, most_queries):
    client = Client()
    count = benchmark(_get, client, url, **headers)
    assert count <= most_queries


def test_issue_page(benchmark, dataset):
    client = Client()
    count = benchmark(_get, client, dataset["issue"].get_absolute_url())
    # The issue, the map's positions, the rows shown in each group, the recent changes.
    assert count <= 4
