"""Celery tasks: thin doors into sources.ingestion and sources.extracting.

Every body may run twice (acks late, redelivery after a worker dies), which the functions it
calls allow: they claim rows with conditional updates and report duplicates instead of writing.
"""

from celery import shared_task

from sources import extracting, ingestion
from sources.fetching import TransientFetchError


# Only transient fetch failures (timeouts, refused connections, 5xx, 429) are retried; the
# article row records each failure, so after the last try it stays ``failed`` with its reason.
@shared_task(
    autoretry_for=(TransientFetchError,),
    retry_backoff=30,
    retry_backoff_max=1800,
    retry_jitter=True,
    max_retries=5,
)
def fetch_article(article_id: int) -> None:
    ingestion.fetch_article(article_id, raise_transient=True)


# A failing feed is not retried here: its own backoff (Feed.next_poll_at) schedules the next try.
@shared_task
def poll_feed(feed_id: int) -> None:
    ingestion.poll_feed(feed_id)


@shared_task
def dispatch_due_feeds() -> None:
    ingestion.dispatch_due_feeds()


@shared_task
def requeue_stalled_articles() -> None:
    ingestion.requeue_stalled_articles()


@shared_task
def extract_article(article_id: int) -> None:
    extracting.extract_article(article_id)
