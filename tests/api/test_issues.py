"""/api/v1/issues/: the list, the current map of positions and the recent changes."""

import datetime as dt

import pytest

from positions.models import Issue, Position, ReviewStatus
from tests.factories import ActorFactory, IssueFactory, StanceFactory, StatementFactory

URL = "/api/v1/issues/"
pytestmark = pytest.mark.django_db


def stance_on(actor, issue, position, said_on, **statement):
    return StanceFactory(
        statement=StatementFactory(speaker=actor, said_on=said_on, **statement),
        issue=issue,
        position=position,
    )


def test_issue_list_and_detail(anon_client):
    parent = IssueFactory(name="Ukraine", slug="ukraine")
    IssueFactory(name="Peacekeepers", slug="peacekeepers", parent=parent, keywords=["troops"])
    results = anon_client.get(URL).json()["results"]
    assert [i["slug"] for i in results] == ["peacekeepers", "ukraine"]
    detail = anon_client.get(f"{URL}peacekeepers/").json()
    assert detail["parent"] == {"slug": "ukraine", "name": "Ukraine"}
    assert detail["keywords"] == ["troops"]


def test_issue_list_query_count_is_flat(anon_client, django_assert_num_queries):
    parent = IssueFactory()
    IssueFactory.create_batch(3, parent=parent)
    with django_assert_num_queries(1):  # issues + parent
        anon_client.get(URL)


def test_positions_show_each_actors_latest_approved_stance(anon_client):
    issue = IssueFactory(slug="peace")
    a, b = ActorFactory(slug="a"), ActorFactory(slug="b")
    stance_on(a, issue, Position.SUPPORT, dt.date(2024, 1, 1))
    stance_on(a, issue, Position.OPPOSE, dt.date(2025, 1, 1))
    stance_on(b, issue, Position.NEUTRAL, dt.date(2025, 1, 1))
    stance_on(b, issue, Position.SUPPORT, dt.date(2025, 2, 1), review_status=ReviewStatus.PENDING)
    rows = anon_client.get(f"{URL}peace/positions/").json()
    assert sorted((r["actor"]["slug"], r["position"]) for r in rows) == [
        ("a", "oppose"),
        ("b", "neutral"),
    ]


def test_positions_query_count_is_flat(anon_client, django_assert_num_queries):
    issue = IssueFactory(slug="peace")
    for _ in range(3):
        stance_on(ActorFactory(), issue, Position.SUPPORT, dt.date(2024, 1, 1))
    # issue; narrow rows of all its approved stances; the shown stances with their rows
    with django_assert_num_queries(3):
        anon_client.get(f"{URL}peace/positions/")


def test_changes_query_count_is_flat(anon_client, django_assert_num_queries):
    issue = IssueFactory(slug="peace")
    for _ in range(3):
        actor = ActorFactory()
        stance_on(actor, issue, Position.SUPPORT, dt.date(2024, 1, 1))
        stance_on(actor, issue, Position.OPPOSE, dt.date(2025, 1, 1))
    # issue; the changed stances (each knowing the position it moved from) with statement,
    # speaker, article and outlet
    with django_assert_num_queries(2):
        assert len(anon_client.get(f"{URL}peace/changes/").json()) == 3


def test_changes_list_changes_of_position_newest_first(anon_client):
    issue = IssueFactory(slug="peace")
    a = ActorFactory(slug="a")
    stance_on(a, issue, Position.SUPPORT, dt.date(2023, 1, 1))
    stance_on(a, issue, Position.OPPOSE, dt.date(2024, 1, 1))
    stance_on(a, issue, Position.SUPPORT, dt.date(2025, 1, 1))
    rows = anon_client.get(f"{URL}peace/changes/").json()
    assert [(r["previous_position"], r["position"], r["previous_said_on"]) for r in rows] == [
        ("oppose", "support", "2024-01-01"),
        ("support", "oppose", "2023-01-01"),
    ]
    assert rows[0]["actor"]["slug"] == "a"
    assert rows[0]["statement"]["said_on"] == "2025-01-01"
    recent = anon_client.get(f"{URL}peace/changes/", {"since": "2024-06-01"}).json()
    assert len(recent) == 1
    assert len(anon_client.get(f"{URL}peace/changes/", {"limit": 1}).json()) == 1


def test_changes_reject_a_bad_limit(anon_client):
    IssueFactory(slug="peace")
    response = anon_client.get(f"{URL}peace/changes/", {"limit": "0"})
    assert response.status_code == 400
    assert "limit" in response.json()["errors"]


def test_unknown_issue_is_a_404(anon_client):
    assert anon_client.get(f"{URL}nothing/positions/").status_code == 404
    assert anon_client.get(f"{URL}nothing/changes/").status_code == 404


def test_curator_adds_an_issue_and_a_duplicate_slug_is_a_409(curator_client, analyst_client):
    body = {"name": "Peacekeepers", "slug": "peacekeepers", "keywords": ["troops"]}
    assert analyst_client.post(URL, body, format="json").status_code == 403
    assert curator_client.post(URL, body, format="json").status_code == 201
    assert Issue.objects.get().keywords == ["troops"]
    assert curator_client.post(URL, body, format="json").status_code == 409
