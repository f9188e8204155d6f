"""The issue page: who stands where now, recent changes, actors compared side by side."""

import datetime as dt

import pytest

from positions.models import Position, ReviewStatus
from tests.factories import ActorFactory, IssueFactory, StanceFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _stance(actor, issue, position, said_on, *, text="Words.", status=ReviewStatus.APPROVED):
    return StanceFactory(
        issue=issue,
        position=position,
        statement__speaker=actor,
        statement__said_on=said_on,
        statement__review_status=status,
        statement__article__text=text,
    )


@pytest.fixture
def troops():
    return IssueFactory(name="Foreign troops in Ukraine", slug="foreign-troops-in-ukraine")


def _map_section(page):
    return page[page.index('id="map-title"') : page.index('id="comparison"')]


def test_map_groups_actors_by_their_latest_approved_stance(client, troops):
    firefly = ActorFactory(name="Rufus Firefly")
    sylvania = ActorFactory(name="Sylvania")
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), text="Troops welcome.")
    _stance(firefly, troops, Position.OPPOSE, dt.date(2025, 9, 1), text="No troops.")
    _stance(
        sylvania, troops, Position.CONDITIONAL, dt.date(2025, 5, 1), text="Only with a UN flag."
    )
    _stance(
        sylvania, troops, Position.SUPPORT, dt.date(2025, 10, 1), text="Pending.", status="pending"
    )

    page = _map_section(client.get(troops.get_absolute_url()).content.decode())

    opposing = page[page.index("map-oppose") : page.index("map-conditional")]
    conditional = page[page.index("map-conditional") : page.index("map-neutral")]
    assert "Rufus Firefly" in opposing
    assert "No troops." in opposing
    assert "Sylvania" in conditional
    assert "Only with a UN flag." in conditional
    assert "Troops welcome." not in page
    assert "Pending." not in page


def test_recent_changes_name_the_actor_and_both_positions(client, troops):
    firefly = ActorFactory(name="Rufus Firefly")
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1))
    _stance(firefly, troops, Position.OPPOSE, dt.date(2025, 9, 1), text="No troops.")

    page = client.get(troops.get_absolute_url()).content.decode()

    changes = page[page.index('id="changes-title"') :]
    assert "Rufus Firefly" in changes
    assert "moved from" in changes
    assert "Supports" in changes
    assert "Opposes" in changes
    assert "1 Mar 2025" in changes
    assert "No troops." in changes


def test_comparing_actors_shows_each_side_by_side_over_time(client, troops):
    firefly = ActorFactory(name="Rufus Firefly", slug="rufus-firefly")
    sylvania = ActorFactory(name="Sylvania", slug="sylvania")
    _stance(firefly, troops, Position.SUPPORT, dt.date(2024, 3, 1), text="Firefly early.")
    _stance(sylvania, troops, Position.OPPOSE, dt.date(2025, 5, 1), text="Sylvania later.")

    url = f"{troops.get_absolute_url()}?compare=rufus-firefly&compare=sylvania&compare=nobody"
    page = client.get(url).content.decode()
    partial = client.get(url, **HTMX).content.decode()

    assert "<html" not in partial
    assert partial.lstrip().startswith('<section id="comparison"')
    for body in (page, partial):
        comparison = body[body.index('id="comparison"') :]
        assert comparison.index("Rufus Firefly") < comparison.index("Sylvania")
        assert "Firefly early." in comparison
        assert "Sylvania later." in comparison
        assert comparison.count("<circle") == 2


def test_issue_page_escapes_quotes_names_and_svg_titles(client, troops):
    actor = ActorFactory(name="<img src=x onerror=alert(1)>", slug="evil")
    _stance(actor, troops, Position.SUPPORT, dt.date(2025, 3, 1), text="<script>alert(1)</script>")
    _stance(actor, troops, Position.OPPOSE, dt.date(2025, 4, 1), text="<script>alert(2)</script>")

    page = client.get(f"{troops.get_absolute_url()}?compare=evil").content.decode()

    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "<title>&lt;img src=x onerror=alert(1)&gt;" in page


def test_unknown_issue_is_not_found(client):
    assert client.get("/issues/nothing/").status_code == 404


def test_issue_page_query_count_is_flat(client, django_assert_num_queries, troops):
    def page_queries():
        # issue; compared actors (none asked: no query for their stances); the actors'
        # current stances as narrow rows; the shown ones with speaker, article, outlet; the
        # latest changes (each keeps the position it moved from).
        with django_assert_num_queries(4):
            client.get(troops.get_absolute_url())

    first = ActorFactory()
    _stance(first, troops, Position.SUPPORT, dt.date(2025, 3, 1))
    _stance(first, troops, Position.OPPOSE, dt.date(2025, 4, 1))
    page_queries()
    for day in range(1, 16):
        actor = ActorFactory()
        _stance(actor, troops, Position.SUPPORT, dt.date(2025, 3, day))
        _stance(actor, troops, Position.OPPOSE, dt.date(2025, 4, day))
    page_queries()


def test_comparison_query_count_is_flat(client, django_assert_num_queries, troops):
    actors = ActorFactory.create_batch(4)
    for i, actor in enumerate(actors):
        for day in range(1, 4):
            _stance(actor, troops, Position.SUPPORT, dt.date(2025, 3 + i, day))
    query = "&".join(f"compare={a.slug}" for a in actors)
    # issue; the compared actors; their stances with statement, article and outlet
    with django_assert_num_queries(3):
        client.get(f"{troops.get_absolute_url()}?{query}", **HTMX)
