"""The article page: the text with each statement highlighted, and curators' review there."""

import pytest
from django.test import Client

from positions.models import Position, ReviewStatus, Stance, Statement
from tests.factories import ActorFactory, ArticleFactory, IssueFactory, StanceFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
TEXT = (
    "Freedonia said on Monday. Firefly said: no foreign troops. Sylvania said: <script>x</script>."
)


@pytest.fixture
def article():
    return ArticleFactory(title="Talks in Freedonia", text=TEXT)


def _statement(article, words, *, status=ReviewStatus.APPROVED, position=Position.OPPOSE):
    start = article.text.index(words)
    return StanceFactory(
        position=position,
        issue__name="Foreign troops",
        statement__article=article,
        statement__text=words,
        statement__start=start,
        statement__end=start + len(words),
        statement__speaker=ActorFactory(name="Rufus Firefly"),
        statement__review_status=status,
    ).statement


def test_article_text_is_shown_with_each_statement_highlighted(client, article):
    statement = _statement(article, "no foreign troops")

    page = client.get(article.get_absolute_url()).content.decode()

    assert f'<a href="#statement-{statement.pk}"' in page
    assert "<mark>no foreign troops</mark>" in page
    assert "Freedonia said on Monday. Firefly said: " in page
    assert f'id="statement-{statement.pk}"' in page
    assert "Rufus Firefly" in page


def test_article_text_and_quotes_are_escaped(client, article):
    _statement(article, "<script>x</script>")

    page = client.get(article.get_absolute_url()).content.decode()

    assert "<script>x</script>" not in page
    assert "<mark>&lt;script&gt;x&lt;/script&gt;</mark>" in page


def test_pending_statements_and_review_buttons_are_for_those_allowed(
    client, analyst, curator, article
):
    _statement(article, "no foreign troops", status=ReviewStatus.PENDING)

    anonymous = client.get(article.get_absolute_url()).content.decode()
    client.force_login(analyst)
    as_analyst = client.get(article.get_absolute_url()).content.decode()
    client.force_login(curator)
    as_curator = client.get(article.get_absolute_url()).content.decode()

    assert "<mark>" not in anonymous
    assert "Rufus Firefly" not in anonymous
    assert "<mark>no foreign troops</mark>" in as_analyst
    assert "Rufus Firefly" in as_analyst
    assert ">Approve</button>" not in as_analyst
    assert ">Approve</button>" in as_curator
    assert ">Correct</button>" in as_curator


def test_curator_approves_with_htmx_and_gets_the_card_back(client, curator, article):
    statement = _statement(article, "no foreign troops", status=ReviewStatus.PENDING)
    client.force_login(curator)

    response = client.post(f"/statements/{statement.pk}/review/", {"status": "approved"}, **HTMX)

    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(
        f'<article class="card statement statement-approved" id="statement-{statement.pk}"'
    )
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.APPROVED
    assert statement.reviewed_by == curator
    assert statement.history.first().history_user == curator


def test_review_without_javascript_redirects_back_to_the_statement(client, curator, article):
    statement = _statement(article, "no foreign troops", status=ReviewStatus.PENDING)
    client.force_login(curator)

    response = client.post(f"/statements/{statement.pk}/review/", {"status": "rejected"})

    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#statement-{statement.pk}"
    assert Statement.objects.get(pk=statement.pk).review_status == ReviewStatus.REJECTED


@pytest.mark.parametrize("who", ["anonymous", "analyst"])
def test_only_curators_may_review(client, analyst, article, who):
    statement = _statement(article, "no foreign troops", status=ReviewStatus.PENDING)
    if who == "analyst":
        client.force_login(analyst)

    response = client.post(f"/statements/{statement.pk}/review/", {"status": "approved"}, **HTMX)

    assert response.status_code == 403
    assert Statement.objects.get(pk=statement.pk).review_status == ReviewStatus.PENDING


def test_review_needs_the_csrf_token(curator, article):
    statement = _statement(article, "no foreign troops", status=ReviewStatus.PENDING)
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)

    response = client.post(f"/statements/{statement.pk}/review/", {"status": "approved"}, **HTMX)

    assert response.status_code == 403
    assert Statement.objects.get(pk=statement.pk).review_status == ReviewStatus.PENDING


def test_curator_corrects_a_stance_and_the_history_names_them(client, curator, article):
    statement = _statement(article, "no foreign troops", position=Position.SUPPORT)
    stance = statement.stances.get()
    client.force_login(curator)

    response = client.post(f"/stances/{stance.pk}/correct/", {"position": "oppose"}, **HTMX)

    assert response.status_code == 200
    assert "badge-oppose" in response.content.decode()
    stance.refresh_from_db()
    assert stance.position == Position.OPPOSE
    assert stance.history.first().history_user == curator


def test_correcting_a_rejected_statement_shows_why_not(client, curator, article):
    statement = _statement(article, "no foreign troops", status=ReviewStatus.REJECTED)
    stance = statement.stances.get()
    client.force_login(curator)

    response = client.post(f"/stances/{stance.pk}/correct/", {"position": "support"}, **HTMX)

    assert response.status_code == 200
    assert "was rejected; restore it before editing" in response.content.decode()
    assert Stance.objects.get(pk=stance.pk).position == Position.OPPOSE


def test_review_pages_only_answer_post(client, curator, article):
    statement = _statement(article, "no foreign troops")
    client.force_login(curator)
    assert client.get(f"/statements/{statement.pk}/review/").status_code == 405


def test_article_page_query_count_is_flat(client, django_assert_num_queries, curator, article):
    client.force_login(curator)

    def page_queries():
        # session; user; the user's permissions (group and user, cached for the request);
        # article with outlet; statements with speaker, affiliation and reviewer; their
        # stances with issues.
        with django_assert_num_queries(7):
            client.get(article.get_absolute_url())

    _statement(article, "no foreign troops")
    page_queries()
    for words in ("Freedonia said", "Sylvania said"):
        statement = _statement(article, words)
        StanceFactory(statement=statement, issue=IssueFactory())
    page_queries()
