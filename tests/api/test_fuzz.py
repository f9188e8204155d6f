"""Property-based fuzzing of every operation with schemathesis, against the running app.

Each operation is called with generated input (valid and invalid), anonymously and as a curator
(who may call every write): no response may be a 500, and every response must match the schema
(status code, content type, headers and body). Examples are kept few so the suite stays fast.

The schema is the committed docs/openapi.yaml, which test_schema.py keeps equal to what the
code generates; loading it from the file also avoids schemathesis' lazy fixture loader, which
fails under pytest 9 (it reads the removed ``Item._nodeid``).
"""

import datetime as dt
import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sources import tasks
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    AffiliationFactory,
    IssueFactory,
    StanceFactory,
    StatementFactory,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
schema = schemathesis.openapi.from_path(COMMITTED)
# The coverage phase sends dozens of boundary cases per operation whatever max_examples says;
# the explicit examples and the random phase below keep the run to a few seconds.
# For a deeper run: FUZZ_EXAMPLES=50 FUZZ_COVERAGE=1 pytest tests/api/test_fuzz.py (about a
# minute; it passed at the time of writing).
schema.config.phases.coverage.enabled = os.environ.get("FUZZ_COVERAGE") == "1"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))


@pytest.fixture
def base_url(live_server, transactional_db, monkeypatch):
    # Ingestion queues a fetch (network) and an extraction (spaCy); neither belongs in a fuzz run.
    for task in (tasks.fetch_article, tasks.extract_article):
        monkeypatch.setattr(task, "delay", lambda *args, **kwargs: None)
    actor = ActorFactory(slug="lavrov")
    ActorAliasFactory(actor=actor)
    AffiliationFactory(member=actor)
    issue = IssueFactory(slug="peace")
    for day in (1, 2):
        StanceFactory(
            statement=StatementFactory(speaker=actor, said_on=dt.date(2025, 1, day)), issue=issue
        )
    return live_server.url


@pytest.fixture
def curator_token(base_url, curator):
    return Token.objects.create(user=curator).key


FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@schema.parametrize()
@FUZZ
def test_anonymous_calls_never_fail_and_conform_to_the_schema(case, base_url):
    case.call_and_validate(base_url=base_url, checks=CHECKS)


@schema.parametrize()
@FUZZ
def test_curator_calls_never_fail_and_conform_to_the_schema(case, base_url, curator_token):
    headers = {"Authorization": f"Token {curator_token}"}
    case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS)
