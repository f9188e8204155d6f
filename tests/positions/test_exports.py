"""CSV and JSON of what the pages show: an actor's timeline as filtered, an issue's map."""

import csv
import datetime as dt
import io
import json

import pytest

from positions.models import Position, ReviewStatus
from tests.factories import ActorFactory, IssueFactory, StanceFactory

pytestmark = pytest.mark.django_db


def _stance(actor, issue, position, said_on, text, status=ReviewStatus.APPROVED):
    return StanceFactory(
        issue=issue,
        position=position,
        statement__speaker=actor,
        statement__said_on=said_on,
        statement__article__text=text,
        statement__review_status=status,
    )


@pytest.fixture
def firefly():
    return ActorFactory(name="Rufus Firefly", slug="rufus-firefly")


@pytest.fixture
def troops():
    return IssueFactory(name="Foreign troops", slug="foreign-troops")


def _csv(response):
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_actor_csv_has_the_filtered_timeline_with_changes(client, firefly, troops):
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), "Yes to troops.")
    _stance(firefly, troops, Position.OPPOSE, dt.date(2025, 9, 1), "No troops.")
    _stance(firefly, IssueFactory(), Position.NEUTRAL, dt.date(2025, 5, 1), "Other issue.")

    response = client.get("/actors/rufus-firefly.csv?issue=foreign-troops")

    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="rufus-firefly.csv"' in response["Content-Disposition"]
    rows = _csv(response)
    assert [(r["said_on"], r["position"], r["is_change"], r["quote"]) for r in rows] == [
        ("2025-09-01", "oppose", "True", "No troops."),
        ("2025-03-01", "support", "False", "Yes to troops."),
    ]
    assert rows[0]["previous_position"] == "support"
    assert rows[0]["article_url"].startswith("http://testserver/articles/")


def test_csv_cells_that_a_spreadsheet_would_run_are_defused(client, firefly, troops):
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), '=HYPERLINK("http://x")')

    rows = _csv(client.get("/actors/rufus-firefly.csv"))

    assert rows[0]["quote"] == '\'=HYPERLINK("http://x")'


def test_actor_json_leaves_out_pending_for_anonymous_visitors(client, firefly, troops):
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), "Approved.")
    _stance(firefly, troops, Position.OPPOSE, dt.date(2025, 4, 1), "Pending.", ReviewStatus.PENDING)

    data = client.get("/actors/rufus-firefly.json").json()

    assert data["actor"] == "Rufus Firefly"
    assert [s["quote"] for s in data["stances"]] == ["Approved."]


def test_merged_actor_exports_redirect(client, firefly):
    from positions.models import ActorMerge

    ActorMerge.objects.create(source_name="Old", source_slug="old-firefly", target=firefly)
    response = client.get("/actors/old-firefly.json")
    assert response.status_code == 301


def test_issue_exports_list_every_actor_at_its_latest_stance(client, firefly, troops):
    sylvania = ActorFactory(name="Sylvania")
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), "Early.")
    _stance(firefly, troops, Position.OPPOSE, dt.date(2025, 9, 1), "Late.")
    _stance(sylvania, troops, Position.NEUTRAL, dt.date(2025, 5, 1), "<b>Neutral</b>.")

    rows = _csv(client.get("/issues/foreign-troops.csv"))
    data = json.loads(client.get("/issues/foreign-troops.json").content)

    assert sorted((r["actor"], r["position"], r["quote"]) for r in rows) == [
        ("Rufus Firefly", "oppose", "Late."),
        ("Sylvania", "neutral", "<b>Neutral</b>."),
    ]
    assert data["counts"] == {"support": 0, "oppose": 1, "conditional": 0, "neutral": 1}
    assert len(data["positions"]) == 2


def test_unknown_export_format_is_not_found(client, firefly):
    assert client.get("/actors/rufus-firefly.xml").status_code == 404


def test_export_query_counts_are_flat(client, django_assert_num_queries, firefly, troops):
    for day in range(1, 6):
        _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, day), "Words.")
    # actor; issues; outlets; the timeline (streamed in chunks, one query here)
    with django_assert_num_queries(4):
        client.get("/actors/rufus-firefly.json")
    # issue; narrow rows; the stances in full
    with django_assert_num_queries(3):
        client.get("/issues/foreign-troops.json")
