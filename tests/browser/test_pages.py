"""The analysts' pages in a real browser: htmx behaviour, curators' review, no-JavaScript use."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from positions.models import Position, ReviewStatus, Statement
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    AffiliationFactory,
    ArticleFactory,
    IssueFactory,
    OutletFactory,
    StanceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE_TEXT = (
    "FREEDONIA, 1 September — The prime minister spoke after the summit.\n\n"
    "Rufus Firefly said: foreign troops will never set foot in Freedonia, whatever the "
    "guarantees. Ambassador Trentino of Sylvania answered that Sylvania would send troops "
    "only under a UN mandate.\n\nThe talks continue next week."
)


def _quote(article, words, speaker, issue, position, *, status=ReviewStatus.APPROVED):
    start = article.text.index(words)
    return StanceFactory(
        issue=issue,
        position=position,
        statement__article=article,
        statement__text=words,
        statement__start=start,
        statement__end=start + len(words),
        statement__speaker=speaker,
        statement__said_on=article.published_at.date(),
        statement__review_status=status,
        statement__kind="direct",
    )


@pytest.fixture
def world():
    """Two actors, one issue, Firefly changing position on it; a pending quote to review."""
    troops = IssueFactory(name="Foreign troops in Ukraine", slug="foreign-troops-in-ukraine")
    ceasefire = IssueFactory(name="Ceasefire monitoring", slug="ceasefire-monitoring")
    freedonia = ActorFactory(name="Freedonia", slug="freedonia", kind="state")
    firefly = ActorFactory(name="Rufus Firefly", slug="rufus-firefly")
    ActorAliasFactory(actor=firefly, name="Firefly of Freedonia")
    AffiliationFactory(
        member=firefly, organisation=freedonia, role="Prime Minister", start_on=dt.date(2023, 5, 1)
    )
    sylvania = ActorFactory(name="Sylvania", slug="sylvania", kind="state")
    herald = OutletFactory(name="Freedonia Herald", slug="freedonia-herald")
    wire = OutletFactory(name="Sylvania Wire", slug="sylvania-wire")
    for month, (position, outlet, words) in enumerate(
        [
            (Position.SUPPORT, herald, "We would welcome a European force."),
            (Position.SUPPORT, wire, "A reassurance force is a good idea."),
            (Position.CONDITIONAL, herald, "Only with a UN mandate and <b>US</b> backing."),
            (Position.OPPOSE, wire, "No foreign soldier on our soil. <script>alert(1)</script>"),
        ],
        start=3,
    ):
        article = ArticleFactory(
            outlet=outlet,
            text=words,
            published_at=dt.datetime(2025, month, 10, tzinfo=dt.UTC),
        )
        _quote(article, words, firefly, troops, position)
    _quote(
        ArticleFactory(outlet=herald, text="Monitors must be neutral."),
        "Monitors must be neutral.",
        firefly,
        ceasefire,
        Position.NEUTRAL,
    )
    article = ArticleFactory(
        title="Firefly rules out foreign troops",
        outlet=herald,
        text=ARTICLE_TEXT,
        published_at=dt.datetime(2025, 9, 1, tzinfo=dt.UTC),
    )
    pending = _quote(
        article,
        "foreign troops will never set foot in Freedonia, whatever the guarantees",
        firefly,
        troops,
        Position.OPPOSE,
        status=ReviewStatus.PENDING,
    )
    _quote(
        article,
        "Sylvania would send troops only under a UN mandate",
        sylvania,
        troops,
        Position.CONDITIONAL,
    )
    return {"firefly": firefly, "troops": troops, "article": article, "pending": pending}


def test_search_as_you_type(page, live_server, world, shoot):
    page.goto(live_server.url + "/")
    box = page.get_by_label("Search actors, issues and quotes")

    box.press_sequentially("firef", delay=40)

    results = page.locator("#results")
    expect(results.get_by_role("link", name="Rufus Firefly")).to_be_visible()
    expect(results.get_by_role("heading", name="Quotes")).to_be_hidden()
    expect(page).to_have_url(re.compile(r"/\?q=firef$"))
    box.fill("UN mandate")
    expect(
        results.get_by_text("Sylvania would send troops only under a UN mandate")
    ).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=UN(\+|%20)mandate"))
    shoot(page, "search-as-you-type")


def test_filtering_a_timeline_in_place_updates_the_address(page, live_server, world, shoot):
    page.goto(live_server.url + world["firefly"].get_absolute_url())
    expect(page.locator("#chart svg")).to_be_visible()  # loaded after the page, by htmx
    shoot(page, "actor-page")
    page.evaluate("window.notReloaded = true")
    timeline = page.locator("#timeline")
    expect(timeline.locator(".entry")).to_have_count(5)

    page.get_by_label("Issue", exact=True).select_option("foreign-troops-in-ukraine")
    expect(timeline.locator(".entry")).to_have_count(4)
    page.get_by_label("Stance", exact=True).select_option("oppose")

    expect(timeline.locator(".entry")).to_have_count(1)
    expect(timeline.locator(".entry")).to_contain_text("No foreign soldier on our soil.")
    expect(timeline.locator(".entry")).to_contain_text("<script>alert(1)</script>")  # as text
    expect(timeline.locator(".change-marker")).to_have_text("Changed: was supports on conditions")
    expect(page).to_have_url(re.compile(r"issue=foreign-troops-in-ukraine.*stance=oppose"))
    assert page.evaluate("window.notReloaded") is True  # swapped in place, no reload
    expect(page.get_by_role("link", name="CSV")).to_have_attribute(
        "href", re.compile(r"\.csv\?.*stance=oppose")
    )
    shoot(page, "actor-filtered")

    page.go_back()
    expect(page).to_have_url(re.compile(r"issue=foreign-troops-in-ukraine(?!.*stance)"))


def test_long_timeline_loads_more_as_you_scroll(page, live_server, world, shoot):
    firefly, troops = world["firefly"], world["troops"]
    for day in range(1, 29):
        StanceFactory(
            issue=troops,
            position=Position.OPPOSE,
            statement__speaker=firefly,
            statement__said_on=dt.date(2024, 1, day),
            statement__article__text=f"Older statement number {day}.",
        )
    page.goto(live_server.url + firefly.get_absolute_url())
    entries = page.locator("#timeline .entry")
    expect(entries).to_have_count(25)

    page.get_by_role("link", name="Load older positions").scroll_into_view_if_needed()

    expect(entries).to_have_count(33)  # 5 approved in the world + 28 added
    expect(page.get_by_role("link", name="Load older positions")).to_have_count(0)
    expect(entries.last).to_contain_text("Older statement number 1.")
    shoot(page, "actor-load-more")


def test_curator_approves_a_statement_on_the_article_page(
    page, live_server, world, curator_login, shoot
):
    username, password = curator_login
    article, pending = world["article"], world["pending"].statement
    page.goto(f"{live_server.url}/accounts/login/?next={article.get_absolute_url()}")
    shoot(page, "login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(rf"/articles/{article.pk}/$"))
    card = page.locator(f"#statement-{pending.pk}")
    expect(card.locator(".status").first).to_have_text("Pending review")
    shoot(page, "article-before-review")

    card.get_by_role("button", name="Approve").click()

    card = page.locator(f"#statement-{pending.pk}")
    expect(card.locator(".status").first).to_have_text("Approved")
    expect(card).to_contain_text(f"Reviewed by {username}")
    expect(card.get_by_role("button", name="Approve")).to_have_count(0)
    pending.refresh_from_db()
    assert pending.review_status == ReviewStatus.APPROVED
    assert pending.history.first().history_user.username == username
    shoot(page, "article-after-review")

    card.get_by_label("Correct the stance on Foreign troops in Ukraine").select_option("neutral")
    card.get_by_role("button", name="Correct").click()
    expect(page.locator(f"#statement-{pending.pk} .badge")).to_have_text("Neutral")


def test_issue_page_compares_actors_side_by_side(page, live_server, world, shoot):
    page.goto(live_server.url + world["troops"].get_absolute_url())
    expect(page.locator(".map-oppose")).to_contain_text("Rufus Firefly")
    expect(page.locator(".changes")).to_contain_text("Rufus Firefly")

    page.get_by_label("Compare Rufus Firefly").check()
    page.get_by_label("Compare Sylvania").check()
    page.get_by_role("button", name="Compare the ticked actors").click()

    expect(page.locator("#comparison svg circle")).to_have_count(5)
    expect(page).to_have_url(re.compile(r"compare=rufus-firefly&compare=sylvania"))
    shoot(page, "issue-page")


def test_pages_work_without_javascript(browser, live_server, world, shoot):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()

    page.goto(live_server.url + "/")
    page.get_by_label("Search actors, issues and quotes").fill("firefly")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"\?q=firefly"))
    page.locator("#results").get_by_role("link", name="Rufus Firefly").click()
    shoot(page, "nojs-actor")

    expect(page.get_by_role("link", name="Show the chart")).to_be_visible()
    page.get_by_role("link", name="Show the chart").click()
    expect(page.locator("#chart svg")).to_be_visible()
    page.get_by_label("Stance", exact=True).select_option("support")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"stance=support"))
    expect(page.locator("#timeline .entry")).to_have_count(2)

    page.goto(live_server.url + world["troops"].get_absolute_url())
    page.get_by_label("Compare Rufus Firefly").check()
    page.get_by_role("button", name="Compare the ticked actors").click()
    expect(page.locator("#comparison svg circle")).to_have_count(4)
    shoot(page, "nojs-issue")

    page.goto(live_server.url + world["article"].get_absolute_url())
    expect(page.locator("mark")).to_have_count(1)  # the pending quote is not shown to visitors
    shoot(page, "nojs-article")
    context.close()


def test_curator_reviews_without_javascript(browser, live_server, world, curator_login):
    username, password = curator_login
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    pending = world["pending"].statement

    page.goto(live_server.url + world["article"].get_absolute_url())
    page.locator(f"#statement-{pending.pk}").get_by_role("button", name="Reject").click()

    expect(page).to_have_url(re.compile(rf"#statement-{pending.pk}$"))
    expect(page.locator(f"#statement-{pending.pk} .status").first).to_have_text("Rejected")
    assert Statement.objects.get(pk=pending.pk).review_status == ReviewStatus.REJECTED
    context.close()


def test_pages_fit_a_phone_screen(browser, live_server, world, shoot):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for name, url in [
        ("phone-actor", world["firefly"].get_absolute_url()),
        ("phone-issue", world["troops"].get_absolute_url()),
        ("phone-article", world["article"].get_absolute_url()),
    ]:
        page.goto(live_server.url + url)
        expect(page.locator("h1")).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        shoot(page, name)
        assert overflow <= 0, f"{url} is {overflow}px wider than a phone screen"
    context.close()
