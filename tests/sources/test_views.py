import pytest
from django.urls import reverse

from sources.models import Article, ArticleStatus
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
URL = reverse("sources:article-submit")
TEXT = (
    "title: Minister on the border talks\n\n"
    "The minister said on Tuesday that the talks on the disputed border would resume next month."
)


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_analysts_may_not_add_articles(client, analyst):
    client.force_login(analyst)
    assert client.get(URL).status_code == 403


def test_a_curator_pastes_text_and_it_is_stored(client, curator):
    client.force_login(curator)
    response = client.post(URL, {"text": TEXT}, follow=True)
    article = Article.objects.get()
    assert article.title == "Minister on the border talks"
    assert article.status == ArticleStatus.FETCHED
    assert f"Stored as article {article.pk}; extraction is queued." in response.text


def test_the_same_text_twice_says_it_is_already_known(client, curator):
    client.force_login(curator)
    client.post(URL, {"text": TEXT})
    response = client.post(URL, {"text": TEXT}, follow=True)
    assert "Already known: same text as article" in response.text
    assert Article.objects.count() == 1


def test_a_submitted_url_is_queued(client, curator, django_capture_on_commit_callbacks):
    client.force_login(curator)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(URL, {"url": "https://news.example/story?utm_source=x"}, follow=True)
    article = Article.objects.get()
    assert article.url == "https://news.example/story"
    assert article.status == ArticleStatus.QUEUED
    assert len(callbacks) == 1  # sources.tasks.fetch_article
    assert f"Queued: article {article.pk} will be fetched" in response.text


def test_an_empty_form_keeps_what_was_typed_and_explains(client, curator):
    client.force_login(curator)
    response = client.post(URL, {"title": "My title"})
    assert response.status_code == 200
    assert "Give either a web address or pasted text" in response.text
    assert 'value="My title"' in response.text


def test_unreadable_text_is_not_stored_and_says_why(client, curator):
    client.force_login(curator)
    response = client.post(URL, {"text": "<html><body><nav>Home</nav></body></html>"})
    assert response.status_code == 200
    assert "Not stored: The page has no readable article text" in response.text
    assert not Article.objects.exists()


def test_the_recent_list_costs_the_same_for_three_or_six_rows(
    client, curator, django_assert_num_queries
):
    client.force_login(curator)
    ArticleFactory.create_batch(3)
    # session; user; user permissions; group permissions; articles with outlet; the outlet choices
    with django_assert_num_queries(6):
        client.get(URL)
    ArticleFactory.create_batch(3)
    with django_assert_num_queries(6):
        client.get(URL)
