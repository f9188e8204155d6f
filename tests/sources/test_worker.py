"""Ingestion through a real Celery worker and Redis (marker ``worker``; PostgreSQL only).

Run: DATABASE_URL=postgres://... REDIS_URL=redis://.../3 pytest tests/sources -m worker --create-db
"""

import datetime as dt

import pytest
from django.utils import timezone

from sources import dedupe, tasks
from sources.models import Article, ArticleFingerprint, ArticleStatus, FingerprintBand
from tests.factories import FeedFactory
from tests.sources.conftest import PAGES
from tests.sources.servers import Answer, LocalServer
from tests.sources.worker import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

TEMPLATE = (PAGES / "wire_story.html").read_text(encoding="utf-8")
WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
]


def _story(index: int) -> bytes:
    """A page whose text shares nothing with the other stories: each one is an original."""
    words = [f"{WORDS[(index * 7 + i) % len(WORDS)]}{index}x{i}" for i in range(80)]
    body = f"<p>Story {index}: " + " ".join(words) + ".</p>"
    page = TEMPLATE.replace("Ministers agree to resume border talks", f"Story {index}")
    return page.split("<article>")[0].encode() + f"<article>{body}</article></body></html>".encode()


def _serve(server: LocalServer, count: int, *, delay: float = 0.0) -> None:
    items = "".join(
        f"<item><title>Story {i}</title><link>{server.url(f'/story-{i}')}</link>"
        f"<guid>story-{i}</guid></item>"
        for i in range(count)
    )
    server.routes["/feed.xml"] = Answer(
        body=f"<rss version='2.0'><channel><title>Wire</title>{items}</channel></rss>".encode(),
        headers={"Content-Type": "application/rss+xml", "ETag": '"1"'},
    )
    for i in range(count):
        server.routes[f"/story-{i}"] = Answer(
            body=_story(i), headers={"Content-Type": "text/html; charset=utf-8"}, delay=delay
        )


def _extractions_done(worker) -> int:
    return sum(
        "Task sources.tasks.extract_article[" in line and "succeeded" in line
        for line in worker.log().splitlines()
    )


DONE = (ArticleStatus.FETCHED, ArticleStatus.EXTRACTED)  # extraction may already have run


def _stored() -> int:
    return Article.objects.filter(status__in=DONE).count()


def test_a_due_feed_is_polled_and_its_articles_stored_by_the_worker(celery_worker_process):
    worker = celery_worker_process
    with LocalServer() as server:
        _serve(server, 3)
        feed = FeedFactory(url=server.url("/feed.xml"), next_poll_at=timezone.now())

        # What beat sends every minute: the worker dispatches due feeds, polls, fetches, stores.
        tasks.dispatch_due_feeds.apply_async(queue=worker.queue)

        wait_until(
            lambda: _stored() == 3, timeout=60, message="3 articles not stored", worker=worker
        )
        wait_until(
            lambda: _extractions_done(worker) == 3,
            timeout=30,
            message="extraction not queued for each new article",
            worker=worker,
        )
    feed.refresh_from_db()
    assert feed.etag == '"1"'
    assert feed.consecutive_failures == 0
    assert feed.last_success_at is not None
    assert feed.next_poll_at > timezone.now() + dt.timedelta(minutes=20)
    articles = Article.objects.order_by("url")
    assert [a.title for a in articles] == ["Story 0", "Story 1", "Story 2"]
    assert all(a.feed_id == feed.pk and a.text and a.content_hash for a in articles)


def test_a_worker_killed_mid_batch_leaves_every_article_stored_exactly_once(
    celery_worker_process,
):
    worker = celery_worker_process
    count = 24
    with LocalServer() as server:
        _serve(server, count, delay=0.4)  # each fetch takes a while: the kill lands mid-task
        feed = FeedFactory(url=server.url("/feed.xml"))
        tasks.poll_feed.apply_async((feed.pk,), queue=worker.queue)

        def story_requests() -> list[str]:
            return [path for path, _ in server.requests if path.startswith("/story-")]

        # Kill while a page is being fetched (requested, not yet stored), after a few stored.
        wait_until(
            lambda: _stored() >= 4 and len(story_requests()) > _stored(),
            timeout=60,
            message="the batch never got going",
            worker=worker,
        )
        worker.kill()
        stored_at_kill = _stored()
        requested_at_kill = set(story_requests())
        assert stored_at_kill < count, "the batch finished before the kill; slow the pages down"

        worker.start()
        wait_until(
            lambda: _stored() == count,
            timeout=120,
            message=f"only {_stored()} of {count} stored after the restart",
            worker=worker,
        )
        requests = story_requests()

    # Every article exactly once, each complete: text, hash, fingerprint and all its bands.
    articles = list(Article.objects.all())
    assert len(articles) == count
    assert len({a.url for a in articles}) == count
    assert {a.status for a in articles} <= set(DONE)
    assert all(a.text and a.content_hash and a.last_error == "" for a in articles)
    assert ArticleFingerprint.objects.count() == count
    assert FingerprintBand.objects.count() == count * dedupe.BANDS
    # The page in flight at the kill was fetched again: its task came back (acks late).
    assert any(requests.count(path) > 1 for path in requested_at_kill)
    assert worker.starts == 2
