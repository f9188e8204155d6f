"""The tasks, called as plain functions (eager Celery in the SQLite run)."""

import pytest

from sources import tasks
from sources.fetching import TransientFetchError
from sources.models import Article, ArticleStatus
from tests.factories import FeedFactory
from tests.sources.conftest import PAGES
from tests.sources.servers import Answer

pytestmark = pytest.mark.django_db


def test_fetch_article_raises_transient_failures_for_celery_to_retry(server, loopback_allowed):
    server.routes["/flaky"] = Answer(status=503)
    article = Article.objects.create(url="https://x.example/flaky", source_ref=server.url("/flaky"))
    with pytest.raises(TransientFetchError):
        tasks.fetch_article(article.pk)
    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED
    assert "answered 503" in article.last_error


def test_fetch_article_does_not_retry_permanent_failures(server, loopback_allowed):
    article = Article.objects.create(url="https://x.example/gone", source_ref=server.url("/gone"))
    tasks.fetch_article(article.pk)  # no exception: a 404 will not get better by retrying
    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED
    assert "answered 404" in article.last_error


def test_only_transient_fetch_errors_are_retried():
    assert tasks.fetch_article.autoretry_for == (TransientFetchError,)
    assert tasks.fetch_article.max_retries == 5
    assert not getattr(tasks.poll_feed, "autoretry_for", ())


def test_a_feed_poll_runs_through_to_stored_articles_in_process(
    server, loopback_allowed, django_capture_on_commit_callbacks, eager_tasks
):
    server.routes["/feed.xml"] = Answer(
        body=f"""<rss version="2.0"><channel><title>Wire</title>
        <item><title>Border talks</title><link>{server.url("/story")}</link></item>
        </channel></rss>""".encode(),
        headers={"Content-Type": "application/rss+xml"},
    )
    server.routes["/story"] = Answer(body=(PAGES / "wire_story.html").read_bytes())
    feed = FeedFactory(url=server.url("/feed.xml"))

    with django_capture_on_commit_callbacks(execute=True):
        tasks.poll_feed(feed.pk)

    article = Article.objects.get()
    assert article.status in (ArticleStatus.FETCHED, ArticleStatus.EXTRACTED)
    assert article.title == "Ministers agree to resume border talks"
