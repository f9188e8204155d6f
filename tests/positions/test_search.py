"""Home and search: actors, issues and quotes, as a page and as the partial htmx swaps in."""

import pytest

from positions import search
from positions.models import ReviewStatus
from tests.factories import ActorAliasFactory, ActorFactory, IssueFactory, StatementFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_home_lists_the_issues_before_anything_is_searched(client):
    IssueFactory(name="Foreign troops in Ukraine")

    page = client.get("/").content.decode()

    assert "Foreign troops in Ukraine" in page
    assert 'role="search"' in page
    assert 'hx-push-url="true"' in page


def test_search_finds_actors_by_name_or_alias_issues_and_quotes(client):
    ActorFactory(name="Rufus Firefly")
    ActorAliasFactory(actor__name="Freedonia", name="The Fireflies")
    IssueFactory(name="Firefly doctrine")
    StatementFactory(article__text="Firefly will never accept troops.")

    page = client.get("/?q=firefl").content.decode()

    assert "Rufus Firefly" in page
    assert "Freedonia" in page
    assert "Firefly doctrine" in page
    assert "Firefly will never accept troops." in page


def test_search_as_you_type_gets_only_the_results(client):
    ActorFactory(name="Rufus Firefly")

    response = client.get("/?q=rufus", **HTMX)

    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "<html" not in body
    assert "Rufus Firefly" in body
    assert "HX-Request" in response["Vary"]


def test_search_shows_quotes_as_text(client):
    StatementFactory(article__text="<script>alert('x')</script> troops")

    body = client.get("/?q=troops", **HTMX).content.decode()

    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; troops" in body


def test_search_hides_pending_quotes_from_anonymous_visitors(client, analyst):
    StatementFactory(article__text="Pending troops.", review_status=ReviewStatus.PENDING)

    anonymous = client.get("/?q=troops").content.decode()
    client.force_login(analyst)
    as_analyst = client.get("/?q=troops").content.decode()

    assert "Pending troops." not in anonymous
    assert "Pending troops." in as_analyst


def test_one_letter_searches_nothing(client):
    ActorFactory(name="Rufus Firefly")
    assert search.search("r").is_empty
    assert search.search("  ").is_empty


def test_nothing_found_says_so(client):
    page = client.get("/?q=zanzibar").content.decode()
    assert "Nothing matches “zanzibar”" in page


def test_search_query_count_is_flat(client, django_assert_num_queries):
    def search_queries():
        with django_assert_num_queries(
            3
        ):  # actors (with aliases); issues; statements+speaker+article+outlet
            client.get("/?q=troops", **HTMX)

    StatementFactory(article__text="No troops.")
    search_queries()
    StatementFactory.create_batch(5, article__text="More troops.")
    search_queries()
