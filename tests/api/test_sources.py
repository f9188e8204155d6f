"""/api/v1/outlets/ and /api/v1/articles/, and submitting a URL or text for ingestion."""

import pytest

from sources.models import Article, ArticleStatus
from tests.factories import ArticleFactory, OutletFactory, StatementFactory

pytestmark = pytest.mark.django_db
ARTICLES = "/api/v1/articles/"


def test_outlets_alphabetical(anon_client):
    OutletFactory(name="Tass", slug="tass")
    OutletFactory(name="AP", slug="ap")
    assert [o["slug"] for o in anon_client.get("/api/v1/outlets/").json()["results"]] == [
        "ap",
        "tass",
    ]
    assert anon_client.get("/api/v1/outlets/tass/").json()["name"] == "Tass"


def test_anonymous_sees_only_articles_cited_by_approved_statements(anon_client, analyst_client):
    cited = StatementFactory().article
    uncited = ArticleFactory(status=ArticleStatus.QUEUED)
    assert [a["id"] for a in anon_client.get(ARTICLES).json()["results"]] == [cited.pk]
    assert anon_client.get(f"{ARTICLES}{uncited.pk}/").status_code == 404
    assert len(analyst_client.get(ARTICLES).json()["results"]) == 2


def test_article_detail_has_the_text_the_spans_point_into(anon_client):
    article = StatementFactory().article
    body = anon_client.get(f"{ARTICLES}{article.pk}/").json()
    assert body["text"] == article.text
    assert "raw_html" not in body
    assert "text" not in anon_client.get(ARTICLES).json()["results"][0]


def test_article_list_query_count_is_flat(analyst_client, django_assert_num_queries):
    ArticleFactory.create_batch(3)
    # token + user; user permissions; group permissions; articles + outlet
    with django_assert_num_queries(4):
        analyst_client.get(ARTICLES)


def test_curator_submits_a_url_and_polls_its_article(
    curator_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = curator_client.post(
            ARTICLES, {"url": "https://news.example/story?utm_source=x"}, format="json"
        )
    assert response.status_code == 202, response.json()
    article = Article.objects.get(pk=response.json()["article"])
    assert article.status == ArticleStatus.QUEUED
    assert response["Location"] == response.json()["status_url"]
    assert response["Location"].endswith(f"/api/v1/articles/{article.pk}/")
    assert callbacks  # the fetch task is queued on commit
    polled = curator_client.get(response["Location"]).json()
    assert polled["status"] == "queued"


def test_curator_submits_text_and_a_second_copy_is_a_409(curator_client):
    text = "The minister said the talks would resume next week in Geneva. " * 5
    first = curator_client.post(ARTICLES, {"text": text, "title": "Talks"}, format="json")
    assert first.status_code == 202, first.json()
    again = curator_client.post(ARTICLES, {"text": text, "title": "Talks"}, format="json")
    assert again.status_code == 409
    assert f"/api/v1/articles/{first.json()['article']}/" in again.json()["detail"]


def test_submitting_nothing_or_a_bad_url_is_a_400(curator_client):
    assert curator_client.post(ARTICLES, {}, format="json").status_code == 400
    response = curator_client.post(ARTICLES, {"url": "not a url"}, format="json")
    assert response.status_code == 400
    assert "url" in response.json()["errors"]


def test_only_curators_submit(analyst_client, anon_client):
    body = {"url": "https://news.example/a"}
    assert analyst_client.post(ARTICLES, body, format="json").status_code == 403
    assert anon_client.post(ARTICLES, body, format="json").status_code == 401
