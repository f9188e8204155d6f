"""The actor page: profile, timeline with change markers, filters, paging, htmx partials."""

import datetime as dt

import pytest
from django.urls import reverse

from positions import services, views
from positions.models import ActorMerge, Position, ReviewStatus
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    AffiliationFactory,
    IssueFactory,
    OutletFactory,
    StanceFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _stance(actor, issue, position, said_on, *, status=ReviewStatus.APPROVED, text="", **extra):
    statement = {"statement__speaker": actor, "statement__said_on": said_on}
    statement["statement__review_status"] = status
    if text:
        statement["statement__article__text"] = text
    return StanceFactory(issue=issue, position=position, **statement, **extra)


@pytest.fixture
def firefly():
    return ActorFactory(name="Rufus Firefly", slug="rufus-firefly")


@pytest.fixture
def troops():
    return IssueFactory(name="Foreign troops in Ukraine", slug="foreign-troops-in-ukraine")


def _url(actor, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return actor.get_absolute_url() + (f"?{query}" if query else "")


def test_actor_page_shows_who_the_actor_is(client, firefly):
    ActorAliasFactory(actor=firefly, name="Firefly of Freedonia")
    AffiliationFactory(
        member=firefly,
        organisation__name="Freedonia",
        role="Prime Minister",
        start_on=dt.date(2024, 1, 1),
    )

    page = client.get(_url(firefly)).content.decode()

    assert "Rufus Firefly" in page
    assert "Firefly of Freedonia" in page
    assert "Prime Minister" in page
    assert "Freedonia" in page


def test_timeline_is_newest_first_and_marks_the_change_of_position(client, firefly, troops):
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), text="We welcome troops.")
    _stance(firefly, troops, Position.OPPOSE, dt.date(2025, 9, 1), text="No troops, ever.")

    page = client.get(_url(firefly)).content.decode()

    assert page.index("No troops, ever.") < page.index("We welcome troops.")
    assert page.count('class="entry is-change"') == 1
    assert "Changed: was supports" in page


def test_change_is_marked_even_when_a_filter_hides_the_earlier_position(client, firefly, troops):
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), text="We welcome troops.")
    _stance(firefly, troops, Position.OPPOSE, dt.date(2025, 9, 1), text="No troops, ever.")

    page = client.get(_url(firefly, stance="oppose", since="2025-06-01")).content.decode()

    assert "We welcome troops." not in page
    assert "No troops, ever." in page
    assert "Changed: was supports" in page


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({"issue": "foreign-troops-in-ukraine"}, {"Troops A.", "Troops B."}),
        ({"stance": "oppose"}, {"Troops B."}),
        ({"since": "2025-05-01"}, {"Troops B.", "Ceasefire C."}),
        ({"until": "2025-05-01"}, {"Troops A."}),
        ({"outlet": "tass"}, {"Ceasefire C."}),
    ],
)
def test_filters_narrow_the_timeline(client, firefly, troops, params, shown):
    tass = OutletFactory(name="TASS", slug="tass")
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), text="Troops A.")
    _stance(firefly, troops, Position.OPPOSE, dt.date(2025, 9, 1), text="Troops B.")
    _stance(
        firefly,
        IssueFactory(),
        Position.NEUTRAL,
        dt.date(2025, 7, 1),
        text="Ceasefire C.",
        statement__article__outlet=tass,
    )

    page = client.get(_url(firefly, **params)).content.decode()

    assert {q for q in ("Troops A.", "Troops B.", "Ceasefire C.") if q in page} == shown


def test_anonymous_visitors_see_approved_statements_only(client, firefly, troops):
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), text="Approved words.")
    _stance(
        firefly,
        troops,
        Position.OPPOSE,
        dt.date(2025, 4, 1),
        text="Pending words.",
        status="pending",
    )

    page = client.get(_url(firefly, status="pending")).content.decode()

    assert "Approved words." in page
    assert "Pending words." not in page
    assert 'name="status"' not in page  # no review-status filter for them


def test_analysts_see_pending_statements_and_can_filter_on_them(client, analyst, firefly, troops):
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), text="Approved words.")
    _stance(
        firefly,
        troops,
        Position.OPPOSE,
        dt.date(2025, 4, 1),
        text="Pending words.",
        status="pending",
    )
    client.force_login(analyst)

    everything = client.get(_url(firefly)).content.decode()
    pending = client.get(_url(firefly, status="pending")).content.decode()

    assert "Approved words." in everything
    assert "Pending words." in everything
    assert "Pending words." in pending
    assert "Approved words." not in pending


def test_htmx_filter_request_gets_only_the_timeline(client, firefly, troops):
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), text="Troops A.")

    response = client.get(_url(firefly, stance="support"), **HTMX)

    body = response.content.decode()
    assert body.lstrip().startswith('<div id="timeline">')
    assert "<html" not in body
    assert "Troops A." in body
    assert response["Vary"]
    assert "HX-Request" in response["Vary"]


def test_long_timelines_come_a_page_at_a_time(client, firefly, troops, monkeypatch):
    monkeypatch.setattr(views, "TIMELINE_PAGE_SIZE", 2)
    for day in range(1, 6):
        _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, day), text=f"Day {day}.")

    first = client.get(_url(firefly)).content.decode()
    more = client.get(_url(firefly, page=2), **HTMX).content.decode()
    last = client.get(_url(firefly, page=3), **HTMX).content.decode()

    assert "Day 5." in first
    assert "Day 4." in first
    assert "Day 3." not in first
    assert 'href="?page=2"' in first
    assert more.lstrip().startswith("<li")
    assert "Day 3." in more
    assert "Day 2." in more
    assert "<html" not in more
    assert 'id="timeline"' not in more
    assert "Day 1." in last
    assert "page=4" not in last


def test_quotes_and_names_are_escaped_in_the_page_and_the_partials(client, troops):
    actor = ActorFactory(name="<b>Evil</b> Actor", slug="evil")
    issue = IssueFactory(name="<script>alert('issue')</script>", slug="evil-issue")
    _stance(actor, issue, Position.SUPPORT, dt.date(2025, 3, 1), text="<script>alert(1)</script>")

    page = client.get(_url(actor, chart="")).content.decode()
    partial = client.get(_url(actor), **HTMX).content.decode()
    chart = client.get(_url(actor, chart=""), **HTMX).content.decode()

    for body in (page, partial):
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<b>Evil</b>" not in page
    assert "&lt;b&gt;Evil&lt;/b&gt;" in page
    assert "<svg" in chart
    assert "<script>alert(&#x27;issue&#x27;)" not in chart
    assert "&lt;script&gt;alert(&#x27;issue&#x27;)&lt;/script&gt;" in chart


def test_chart_is_loaded_on_its_own_and_shown_inline_without_javascript(client, firefly, troops):
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1))

    page = client.get(_url(firefly)).content.decode()
    inline = client.get(_url(firefly, chart="")).content.decode()

    assert 'hx-trigger="load"' in page
    assert "<svg" not in page
    assert "<svg" in inline
    assert "Foreign troops in Ukraine" in inline


def test_invalid_filters_are_reported_and_left_out(client, firefly, troops):
    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1), text="Troops A.")

    response = client.get(_url(firefly, since="2025-09-01", until="2025-01-01"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "is before" in page
    assert "Troops A." not in page


def test_merged_actor_address_redirects_permanently_keeping_the_filters(client, firefly):
    ActorMerge.objects.create(source_name="R. Firefly", source_slug="r-firefly", target=firefly)

    response = client.get("/actors/r-firefly/?issue=x")

    assert response.status_code == 301
    assert response["Location"] == "/actors/rufus-firefly/?issue=x"


def test_unknown_actor_is_not_found(client):
    assert client.get("/actors/nobody/").status_code == 404


def test_actor_page_query_count_is_flat(client, django_assert_num_queries, firefly, troops):
    def page_queries():
        # actor by slug; issues (filter choices); outlets; timeline page (stances + statement,
        # article, outlet, issue, with the previous position as a subquery); the actor again
        # for the profile; its aliases; its affiliations with their organisations.
        with django_assert_num_queries(7):
            client.get(_url(firefly))

    _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1))
    page_queries()
    for day in range(1, 20):
        _stance(firefly, IssueFactory(), Position.OPPOSE, dt.date(2025, 4, day))
    AffiliationFactory.create_batch(3, member=firefly)
    page_queries()


def test_htmx_timeline_and_chart_query_counts_are_flat(
    client, django_assert_num_queries, firefly, troops
):
    for day in range(1, 12):
        _stance(firefly, IssueFactory(), Position.OPPOSE, dt.date(2025, 4, day))
    # actor; issues; outlets; the timeline page
    with django_assert_num_queries(4):
        client.get(_url(firefly, issue=troops.slug), **HTMX)
    # actor; stances counted by issue, month and position
    with django_assert_num_queries(2):
        client.get(_url(firefly, chart=""), **HTMX)


def test_curator_correction_shows_on_the_timeline(client, curator, firefly, troops):
    stance = _stance(firefly, troops, Position.SUPPORT, dt.date(2025, 3, 1))
    services.set_stance(
        statement=stance.statement, issue=troops, position=Position.NEUTRAL, by=curator
    )

    page = client.get(reverse("positions:actor-detail", kwargs={"slug": firefly.slug}))

    assert "badge-neutral" in page.content.decode()
