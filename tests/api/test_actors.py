"""/api/v1/actors/: lists, details, merges (and their redirects) and the timeline."""

import datetime as dt

import pytest

from positions import services
from positions.models import Actor, ActorMerge, Position, ReviewStatus
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    AffiliationFactory,
    IssueFactory,
    StanceFactory,
    StatementFactory,
)

URL = "/api/v1/actors/"
pytestmark = pytest.mark.django_db


def test_actor_list_is_alphabetical_with_aliases_and_affiliations(anon_client):
    zed = ActorFactory(name="Zed", slug="zed")
    lavrov = ActorFactory(name="Sergey Lavrov", slug="lavrov")
    ActorAliasFactory(actor=lavrov, name="Lavrov")
    AffiliationFactory(member=lavrov, organisation=zed, role="Foreign Minister")
    results = anon_client.get(URL).json()["results"]
    assert [a["slug"] for a in results] == ["lavrov", "zed"]
    assert results[0]["aliases"] == ["Lavrov"]
    assert results[0]["affiliations"][0]["organisation"]["slug"] == "zed"
    assert results[0]["affiliations"][0]["role"] == "Foreign Minister"


def test_affiliations_awaiting_review_are_hidden_from_anonymous(anon_client, analyst_client):
    actor = ActorFactory(slug="a")
    AffiliationFactory(member=actor, needs_review=True)
    assert anon_client.get(f"{URL}a/").json()["affiliations"] == []
    assert len(analyst_client.get(f"{URL}a/").json()["affiliations"]) == 1


def test_actor_list_query_count_is_flat(anon_client, django_assert_num_queries):
    for _ in range(3):
        actor = ActorFactory()
        ActorAliasFactory(actor=actor)
        AffiliationFactory(member=actor)
    # actors + parent; aliases; affiliations + organisation
    with django_assert_num_queries(3):
        response = anon_client.get(URL)
    assert len(response.json()["results"]) == 6  # 3 members, 3 organisations


def test_actors_found_by_name_or_alias_whatever_the_accents(anon_client):
    actor = ActorFactory(name="Zelensky", slug="zelensky")
    ActorAliasFactory(actor=actor, name="Volodymyr Zelenskyy")
    ActorFactory(name="Other")
    found = anon_client.get(URL, {"name": "volodymyr zelenskyy"}).json()["results"]
    assert [a["slug"] for a in found] == ["zelensky"]
    found = anon_client.get(URL, {"q": "zelen"}).json()["results"]
    assert [a["slug"] for a in found] == ["zelensky"]


def test_a_merged_actor_address_redirects_permanently(anon_client, curator):
    source, target = ActorFactory(slug="old"), ActorFactory(slug="new")
    services.merge_actors(source=source, target=target, by=curator)
    response = anon_client.get(f"{URL}old/timeline/?issue=x")
    assert response.status_code == 301
    assert response["Location"] == f"{URL}new/timeline/?issue=x"
    assert anon_client.get(f"{URL}old/").status_code == 301
    assert anon_client.get(f"{URL}never/").status_code == 404


def test_curator_merges_actors(curator_client):
    source = ActorFactory(slug="old", name="Old")
    ActorFactory(slug="new")
    StatementFactory.create_batch(2, speaker=source)
    response = curator_client.post(f"{URL}old/merge/", {"into": "new"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["statements"] == 2
    assert response.json()["target"]["slug"] == "new"
    assert not Actor.objects.filter(slug="old").exists()
    assert ActorMerge.objects.get().source_slug == "old"


def test_merging_an_actor_into_itself_is_a_400(curator_client):
    ActorFactory(slug="same")
    response = curator_client.post(f"{URL}same/merge/", {"into": "same"}, format="json")
    assert response.status_code == 400
    assert "into itself" in response.json()["detail"]


def test_analyst_may_not_merge(analyst_client):
    ActorFactory(slug="a"), ActorFactory(slug="b")
    assert analyst_client.post(f"{URL}a/merge/", {"into": "b"}, format="json").status_code == 403


def test_curator_adds_an_actor_and_a_duplicate_slug_is_a_409(curator_client):
    body = {"name": "Sergey Lavrov", "kind": "person", "slug": "lavrov", "aliases": ["Lavrov"]}
    created = curator_client.post(URL, body, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["aliases"] == ["Lavrov"]
    again = curator_client.post(URL, body, format="json")
    assert again.status_code == 409
    assert again.json()["code"] == "conflict"


# --- Timeline -------------------------------------------------------------------------------


def stance_on(actor, issue, position, said_on, **statement):
    return StanceFactory(
        statement=StatementFactory(speaker=actor, said_on=said_on, **statement),
        issue=issue,
        position=position,
    )


def test_timeline_is_newest_first_and_marks_changes(anon_client):
    actor, issue = ActorFactory(slug="a"), IssueFactory(slug="peace")
    stance_on(actor, issue, Position.SUPPORT, dt.date(2024, 1, 1))
    stance_on(actor, issue, Position.SUPPORT, dt.date(2024, 6, 1))
    stance_on(actor, issue, Position.OPPOSE, dt.date(2025, 1, 1))
    rows = anon_client.get(f"{URL}a/timeline/").json()["results"]
    assert [(r["statement"]["said_on"], r["position"], r["is_change"]) for r in rows] == [
        ("2025-01-01", "oppose", True),
        ("2024-06-01", "support", False),
        ("2024-01-01", "support", False),
    ]
    assert rows[0]["previous_position"] == "support"


def test_timeline_filter_keeps_the_real_previous_position(anon_client):
    actor, issue = ActorFactory(slug="a"), IssueFactory(slug="peace")
    stance_on(actor, issue, Position.SUPPORT, dt.date(2024, 1, 1))
    stance_on(actor, issue, Position.OPPOSE, dt.date(2025, 1, 1))
    rows = anon_client.get(f"{URL}a/timeline/", {"stance": "oppose", "issue": "peace"}).json()
    assert [r["is_change"] for r in rows["results"]] == [True]


def test_timeline_hides_pending_from_anonymous(anon_client, analyst_client):
    actor, issue = ActorFactory(slug="a"), IssueFactory()
    stance_on(actor, issue, Position.SUPPORT, dt.date(2024, 1, 1))
    stance_on(
        actor, issue, Position.OPPOSE, dt.date(2025, 1, 1), review_status=ReviewStatus.PENDING
    )
    assert len(anon_client.get(f"{URL}a/timeline/").json()["results"]) == 1
    assert len(analyst_client.get(f"{URL}a/timeline/").json()["results"]) == 2


def test_timeline_cursor_pages_cover_every_stance_once_with_ties_and_undated(anon_client):
    actor = ActorFactory(slug="a")
    issues = IssueFactory.create_batch(2)
    expected = []
    for said_on in [None, dt.date(2024, 1, 1), dt.date(2024, 1, 1), None, dt.date(2023, 5, 5)]:
        statement = StatementFactory(speaker=actor, said_on=said_on)
        for issue in issues:
            expected.append(StanceFactory(statement=statement, issue=issue))
    seen, url = [], f"{URL}a/timeline/?page_size=3"
    while url:
        body = anon_client.get(url).json()
        seen += [(r["statement"]["id"], r["issue"]["slug"]) for r in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == len(expected)
    dates = [StatementFactory._meta.model.objects.get(pk=s).said_on for s, _ in seen]
    assert dates[:4] == [None] * 4  # undated first, then newest first
    assert dates[4:] == sorted(dates[4:], reverse=True)


def test_timeline_query_count_is_flat(anon_client, django_assert_num_queries):
    actor = ActorFactory(slug="a")
    for day in range(1, 5):
        stance_on(actor, IssueFactory(), Position.SUPPORT, dt.date(2024, 1, day))
    # actor; stances + statement + article + outlet + issue, previous position as a subquery
    with django_assert_num_queries(2):
        response = anon_client.get(f"{URL}a/timeline/")
    assert len(response.json()["results"]) == 4


def test_a_forged_timeline_cursor_is_a_404(anon_client):
    ActorFactory(slug="a")
    for cursor in ["%%%", "bm90aGluZw==", "MjAyNC0xMy0wMXwxfDE="]:
        assert anon_client.get(f"{URL}a/timeline/", {"cursor": cursor}).status_code == 404


@pytest.mark.parametrize("size", ["²", "-3", "0", "x", "99999999999999999999"])
def test_an_odd_timeline_page_size_falls_back_or_caps(anon_client, size):
    ActorFactory(slug="a")
    assert anon_client.get(f"{URL}a/timeline/", {"page_size": size}).status_code == 200
