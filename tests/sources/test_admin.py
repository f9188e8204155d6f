import pytest
from django.urls import reverse

from sources.models import ArticleStatus
from tests.factories import ArticleFactory, FeedFactory

pytestmark = pytest.mark.django_db


def test_the_feed_list_shows_each_feeds_health(admin_client):
    FeedFactory(
        title="MFA press", consecutive_failures=3, last_error="Feed 'MFA press' answered 404"
    )
    response = admin_client.get(reverse("admin:sources_feed_changelist"))
    assert response.status_code == 200
    for heading in ("Last success at", "Consecutive failures", "Last error"):
        assert heading in response.text
    assert "Feed &#x27;MFA press&#x27; answered 404" in response.text


def test_failing_feeds_can_be_listed_alone(admin_client):
    FeedFactory(title="Broken feed", consecutive_failures=2)
    FeedFactory(title="Fine feed")
    response = admin_client.get(reverse("admin:sources_feed_changelist") + "?health=failing")
    assert "Broken feed" in response.text
    assert "Fine feed" not in response.text


def test_poll_now_queues_a_poll_per_active_feed(admin_client, django_capture_on_commit_callbacks):
    active, paused = FeedFactory(), FeedFactory(is_active=False)
    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(
            reverse("admin:sources_feed_changelist"),
            {"action": "poll_now", "_selected_action": [active.pk, paused.pk]},
            follow=True,
        )
    assert "1 feeds queued for polling; 1 paused feeds skipped." in response.text
    assert len(callbacks) == 1  # sources.tasks.poll_feed for the active feed


def test_articles_filter_by_status_and_search_by_title(admin_client):
    ArticleFactory(title="Failed one", status=ArticleStatus.FAILED, last_error="answered 503")
    ArticleFactory(title="Stored one", status=ArticleStatus.FETCHED)
    url = reverse("admin:sources_article_changelist")
    by_status = admin_client.get(url + "?status__exact=failed")
    by_search = admin_client.get(url + "?q=Stored")
    assert "Failed one" in by_status.text
    assert "Stored one" not in by_status.text
    assert "Stored one" in by_search.text
    assert "Failed one" not in by_search.text


def test_retry_failed_queues_only_failed_articles(admin_client, django_capture_on_commit_callbacks):
    failed = ArticleFactory(status=ArticleStatus.FAILED, last_error="answered 503")
    stored = ArticleFactory(status=ArticleStatus.FETCHED)
    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(
            reverse("admin:sources_article_changelist"),
            {"action": "retry_failed", "_selected_action": [failed.pk, stored.pk]},
            follow=True,
        )
    failed.refresh_from_db()
    stored.refresh_from_db()
    assert "1 failed articles queued again; 1 not failed, left alone." in response.text
    assert (failed.status, stored.status) == (ArticleStatus.QUEUED, ArticleStatus.FETCHED)
    assert len(callbacks) == 1  # sources.tasks.fetch_article


def test_an_article_has_its_history_page(admin_client):
    article = ArticleFactory()
    response = admin_client.get(reverse("admin:sources_article_history", args=[article.pk]))
    assert response.status_code == 200
