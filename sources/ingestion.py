"""Writes that bring articles in: from URLs, feeds, files and pasted text.

Rules kept here, whoever calls (a task, a command, a view):

- One transaction per article. The article's text, hash, fingerprint and copy link are written
  together or not at all; a worker killed in the middle leaves the row as it was (queued or
  failed), and the task's redelivery finishes it.
- Idempotent. A URL is stored once under its canonical spelling, a text once under its content
  hash; running anything twice reports a duplicate and writes nothing. Rows are claimed with
  conditional updates, so two workers on the same article cannot both store it.
- Nothing lost. A URL or feed entry gets a ``queued`` row before any network traffic; a failure
  leaves it ``failed`` with its reason (and the raw HTML when the fetch itself worked), and
  :func:`retry_articles` puts it back in the queue.
- Network and parsing run outside transactions; extraction is queued on commit.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from sources import dedupe, queries, reading, tasks
from sources.canonical import InvalidURL, canonical_url, domain_of
from sources.fetching import Fetcher, FetchError, FetchResult
from sources.models import Article, ArticleStatus, Feed, Outlet, SourceKind
from sources.reading import ReadDocument, ReadError

logger = logging.getLogger(__name__)

DONE = (ArticleStatus.FETCHED, ArticleStatus.EXTRACTED)
RETRYABLE = (ArticleStatus.QUEUED, ArticleStatus.FAILED)
FEED_MAX_BACKOFF = dt.timedelta(days=1)
# How long a dispatched feed stays claimed; the poll itself sets the real next time.
FEED_LEASE = dt.timedelta(minutes=10)
STALLED_AFTER = dt.timedelta(minutes=30)
FILE_SUFFIXES = reading.HTML_SUFFIXES | reading.TEXT_SUFFIXES


class Outcome(enum.StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    QUEUED = "queued"  # handed to a worker; its outcome comes later


@dataclass(frozen=True)
class IngestResult:
    """What happened to one item; ``reason`` says why for duplicates and failures."""

    source: str
    outcome: Outcome
    article_id: int | None = None
    reason: str = ""
    copy_of_id: int | None = None
    transient: bool = False


@dataclass
class FeedPollResult:
    feed_id: int
    queued_ids: list[int] = field(default_factory=list)
    entries: int = 0
    not_modified: bool = False
    error: str = ""
    skipped: list[str] = field(default_factory=list)


# --- Storing ----------------------------------------------------------------------------------


def store_article(
    *,
    document: ReadDocument,
    source_kind: str,
    source_ref: str = "",
    url: str = "",
    guid: str = "",
    outlet: Outlet | None = None,
    feed: Feed | None = None,
    article_id: int | None = None,
) -> IngestResult:
    """Store one read article in one transaction; a duplicate (same URL or text) writes nothing.

    ``article_id`` names the queued row to fill (URL and feed ingestion); otherwise a row is made.
    A near-copy of a stored article is stored and linked to it with ``copy_of``; an exact copy at
    a new URL is kept only as a link row (no second copy of the text). Extraction is queued on
    commit for each new original.
    """
    source = source_ref or url or (f"article {article_id}" if article_id else "text")
    try:
        url = canonical_url(url or document.url) if (url or document.url) else ""
    except InvalidURL as exc:
        return IngestResult(source, Outcome.FAILED, article_id, reason=str(exc))
    text_hash = dedupe.content_hash(document.text)
    if not text_hash:
        return IngestResult(source, Outcome.FAILED, article_id, reason="The text is empty.")
    print_ = dedupe.fingerprint(document.text)  # CPU work, done before the transaction
    if outlet is None and feed is not None:
        outlet = feed.outlet
    if outlet is None:
        outlet = queries.outlet_for(url=url, name=document.outlet_name)
    try:
        with transaction.atomic():
            return _store(
                document=document,
                source=source,
                source_kind=source_kind,
                source_ref=source_ref,
                url=url,
                guid=guid,
                outlet=outlet,
                feed=feed,
                article_id=article_id,
                text_hash=text_hash,
                print_=print_,
            )
    except IntegrityError:
        # Another worker stored the same URL or text between our check and our insert.
        existing = (
            queries.article_by_url(url)
            or Article.objects.with_content_hash(text_hash).order_by().first()
        )
        if existing is None:
            raise
        return IngestResult(
            source,
            Outcome.DUPLICATE,
            existing.pk,
            reason=f"already stored as article {existing.pk}",
        )


def new_outlet(*, name: str, url: str) -> Outlet | None:
    """An outlet for an article whose publisher is not known yet: named as its header says (or
    after its domain), with the domain when there is a URL. None when neither says anything."""
    domain = domain_of(url) if url else ""
    if name.lower().startswith("unknown"):
        name = ""  # "outlet: unknown (...)" in a corpus header says there is none
    name = (name or domain)[:200]
    if not name:
        return None
    if domain:
        existing = Outlet.objects.filter(domain=domain).first()
        if existing is not None:
            return existing
    base = slugify(name)[:190] or "outlet"
    slug, n = base, 1
    while Outlet.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Outlet.objects.create(name=name, slug=slug, domain=domain)


def _store(
    *,
    document: ReadDocument,
    source: str,
    source_kind: str,
    source_ref: str,
    url: str,
    guid: str,
    outlet: Outlet | None,
    feed: Feed | None,
    article_id: int | None,
    text_hash: str,
    print_: dedupe.Fingerprint | None,
) -> IngestResult:
    article = None
    if article_id is not None:
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return IngestResult(source, Outcome.FAILED, reason=f"Article {article_id} was deleted.")
    elif url:
        article = Article.objects.select_for_update().with_url(url).order_by().first()
    if article is not None and article.status in DONE:
        return IngestResult(
            source, Outcome.DUPLICATE, article.pk, reason=f"already stored as article {article.pk}"
        )
    now = timezone.now()
    if article is None:
        article = Article(url=url, source_kind=source_kind, source_ref=source_ref[:2000])
    article.outlet = article.outlet or outlet or new_outlet(name=document.outlet_name, url=url)
    article.feed = article.feed or feed
    article.guid = article.guid or guid
    article.title = (document.title or article.title)[:1000]
    article.author = (document.author or article.author)[:500]
    article.published_at = document.published_at or article.published_at
    article.language = document.language or article.language
    article.license = (document.license or article.license)[:500]
    article.status = ArticleStatus.FETCHED
    article.last_error = ""
    article.fetched_at = now

    same_text = (
        Article.objects.with_content_hash(text_hash).exclude(pk=article.pk).order_by().first()
    )
    if same_text is not None:
        original_id = same_text.copy_of_id or same_text.pk
        if not article.url:
            return IngestResult(
                source,
                Outcome.DUPLICATE,
                same_text.pk,
                reason=f"same text as article {same_text.pk}",
            )
        # Keep the address (so it is recognised next time) but not a second copy of the text.
        article.copy_of_id = original_id
        article.raw_html = ""
        article.text = ""
        article.content_hash = ""
        article.save()
        return IngestResult(
            source,
            Outcome.DUPLICATE,
            article.pk,
            reason=f"same text as article {same_text.pk}",
            copy_of_id=original_id,
        )

    match = dedupe.find_original(print_, exclude_id=article.pk) if print_ else None
    article.copy_of_id = match.article_id if match else None
    article.raw_html = document.raw_html
    article.text = document.text
    article.content_hash = text_hash
    article.save()
    if print_ is not None:
        dedupe.index(article, print_)
    if article.copy_of_id is None:
        tasks.extract_article.delay_on_commit(article.pk)
    return IngestResult(source, Outcome.NEW, article.pk, copy_of_id=article.copy_of_id)


def _record_failure(article_id: int, message: str, *, raw_html: str = "") -> None:
    """Mark a not-yet-stored article failed with its reason (never touches a stored one)."""
    values: dict[str, object] = {
        "status": ArticleStatus.FAILED,
        "last_error": message,
        "updated_at": timezone.now(),
    }
    if raw_html:
        values["raw_html"] = raw_html
    Article.objects.filter(pk=article_id, status__in=RETRYABLE).update(**values)


# --- URLs -------------------------------------------------------------------------------------


def queue_url(
    url: str,
    *,
    source_kind: str = SourceKind.URL,
    outlet: Outlet | None = None,
    feed: Feed | None = None,
    guid: str = "",
    title: str = "",
    published_at: dt.datetime | None = None,
) -> tuple[Article, bool]:
    """The row for this URL, made ``queued`` if new; (article, created). Raises InvalidURL."""
    canonical = canonical_url(url)
    existing = queries.article_by_url(canonical)
    if existing is not None:
        return existing, False
    defaults = {
        "source_kind": source_kind,
        "source_ref": url[:2000],
        "outlet": outlet or (feed.outlet if feed else None) or queries.outlet_for(url=canonical),
        "feed": feed,
        "guid": guid[:2000],
        "title": title[:1000],
        "published_at": published_at,
        "status": ArticleStatus.QUEUED,
    }
    try:
        with transaction.atomic():
            return Article.objects.create(url=canonical, **defaults), True
    except IntegrityError:
        return Article.objects.with_url(canonical).get(), False


def ingest_url(
    url: str, *, outlet: Outlet | None = None, fetcher: Fetcher | None = None
) -> IngestResult:
    """Fetch, read and store one URL now (commands); failures are kept on the article row."""
    try:
        article, _created = queue_url(url, outlet=outlet)
    except InvalidURL as exc:
        return IngestResult(url, Outcome.FAILED, reason=str(exc))
    if article.status in DONE:
        return IngestResult(
            url, Outcome.DUPLICATE, article.pk, reason=f"already stored as article {article.pk}"
        )
    return replace(fetch_article(article.pk, fetcher=fetcher), source=url)


def submit_url(url: str, *, outlet: Outlet | None = None) -> IngestResult:
    """Queue one URL for a worker (the submit page); returns at once."""
    try:
        article, created = queue_url(url, outlet=outlet)
    except InvalidURL as exc:
        return IngestResult(url, Outcome.FAILED, reason=str(exc))
    if article.status in DONE:
        return IngestResult(
            url, Outcome.DUPLICATE, article.pk, reason=f"already stored as article {article.pk}"
        )
    if created or article.status == ArticleStatus.FAILED:
        retry_articles([article.pk])
    return IngestResult(url, Outcome.QUEUED, article.pk)


def fetch_article(
    article_id: int, *, fetcher: Fetcher | None = None, raise_transient: bool = False
) -> IngestResult:
    """Fetch, read and store a queued or failed article; safe to run any number of times.

    A failure is recorded on the row. With ``raise_transient`` (the Celery task), a transient one
    (timeout, 5xx) is raised again afterwards so the task retries with backoff.
    """
    article = Article.objects.filter(pk=article_id).select_related("feed__outlet").first()
    if article is None:
        return IngestResult(f"article {article_id}", Outcome.FAILED, reason="it was deleted")
    source = article.url or article.source_ref or f"article {article_id}"
    if article.status in DONE:
        return IngestResult(
            source, Outcome.DUPLICATE, article.pk, reason=f"already stored as article {article.pk}"
        )
    Article.objects.filter(pk=article_id).update(attempts=F("attempts") + 1)
    raw_html = article.raw_html
    if not raw_html:
        if not article.url:
            message = f"Article {article_id} has no URL and no stored page to read."
            _record_failure(article_id, message)
            return IngestResult(source, Outcome.FAILED, article_id, reason=message)
        # Fetch the address as given: the canonical spelling names the article (https, no
        # tracking), but the site may only answer on the original.
        given = article.source_ref
        address = given if given.lower().startswith(("http://", "https://")) else article.url
        try:
            fetched = (fetcher or Fetcher()).get(address)
        except FetchError as exc:
            message = f"Fetching article {article_id} failed: {exc}"
            _record_failure(article_id, message)
            if exc.transient and raise_transient:
                raise
            return IngestResult(
                source, Outcome.FAILED, article_id, reason=str(exc), transient=exc.transient
            )
        try:
            raw_html = _page_text(fetched)
        except ReadError as exc:
            message = f"Article {article_id} ({fetched.final_url}): {exc}"
            _record_failure(article_id, message)
            return IngestResult(source, Outcome.FAILED, article_id, reason=str(exc))
    try:
        document = reading.read_html(raw_html, url=article.url)
    except ReadError as exc:
        message = f"Article {article_id} ({article.url or article.source_ref}): {exc}"
        # Keep the page: a better reader can be run on it later without fetching again.
        _record_failure(article_id, message, raw_html=raw_html)
        return IngestResult(source, Outcome.FAILED, article_id, reason=str(exc))
    document = reading.with_header_defaults(
        document, title=article.title, published_at=article.published_at
    )
    result = store_article(
        document=document,
        source_kind=article.source_kind,
        source_ref=article.source_ref,
        url=article.url,
        guid=article.guid,
        outlet=article.outlet,
        feed=article.feed,
        article_id=article.pk,
    )
    return replace(result, source=source)


def _page_text(fetched: FetchResult) -> str:
    text = reading.decode(fetched.content, fetched.charset)
    if fetched.content_type == "text/plain" and not reading.looks_like_html(text):
        # A text page becomes a minimal HTML page so every fetched article is stored the same way.
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())
        text = f"<html><body><article>{paragraphs}</article></body></html>"
    return text


def retry_articles(article_ids: Iterable[int]) -> list[int]:
    """Put failed (or stalled queued) articles back in the queue; returns the ids queued."""
    ids = list(
        Article.objects.filter(pk__in=list(article_ids), status__in=RETRYABLE).values_list(
            "pk", flat=True
        )
    )
    with transaction.atomic():
        Article.objects.filter(pk__in=ids, status__in=RETRYABLE).update(
            status=ArticleStatus.QUEUED, updated_at=timezone.now()
        )
        for article_id in ids:
            tasks.fetch_article.delay_on_commit(article_id)
    return ids


def requeue_stalled_articles(*, older_than: dt.timedelta = STALLED_AFTER) -> list[int]:
    """Queue again articles left ``queued`` too long (a task lost before it reached a worker)."""
    return retry_articles(
        queries.stalled_articles(older_than=older_than).values_list("pk", flat=True)[:500]
    )


# --- Text and files ---------------------------------------------------------------------------


def ingest_text(
    text: str,
    *,
    title: str = "",
    url: str = "",
    outlet: Outlet | None = None,
    source_kind: str = SourceKind.TEXT,
    source_ref: str = "",
) -> IngestResult:
    """Store pasted text or HTML (the corpus header is read too); duplicates write nothing."""
    source = source_ref or title or "pasted text"
    try:
        document = reading.read_text(text)
    except ReadError as exc:
        return IngestResult(source, Outcome.FAILED, reason=str(exc))
    document = reading.with_header_defaults(document, title=title, url=url)
    return store_article(
        document=document,
        source_kind=source_kind,
        source_ref=source_ref,
        url=document.url,
        outlet=outlet,
    )


def ingest_file(path: Path, *, outlet: Outlet | None = None) -> IngestResult:
    """Store one .txt/.html/.htm file; a file that cannot be read fails with the reason."""
    try:
        document = reading.read_file(path)
    except (OSError, ReadError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return IngestResult(str(path), Outcome.FAILED, reason=reason)
    return store_article(
        document=document,
        source_kind=SourceKind.FILE,
        source_ref=str(path),
        url=document.url,
        outlet=outlet,
    )


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to read (folders walked for .txt/.html/.htm) and the (path, reason) ones skipped."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    skipped.append((child, "hidden file"))
                elif child.suffix.lower() in FILE_SUFFIXES:
                    files.append(child)
                else:
                    skipped.append((child, f"not a .txt, .html or .htm file ({child.suffix})"))
        elif path.is_file():
            files.append(path)
        else:
            skipped.append((path, "no such file or folder"))
    return files, skipped


def ingest_files(paths: Iterable[Path]) -> Iterator[IngestResult]:
    """Each file in turn, one transaction each; one bad file never stops the rest."""
    for path in paths:
        yield ingest_file(path)


# --- Feeds ------------------------------------------------------------------------------------


def poll_feed(
    feed_id: int, *, fetcher: Fetcher | None = None, queue_articles: bool = True
) -> FeedPollResult:
    """Fetch a feed (conditionally), queue a row per new entry, record the feed's health.

    With ``queue_articles`` each new row's fetch is handed to a worker on commit; without it the
    caller (the poll_feeds command) fetches them itself. A failing feed is not retried by Celery:
    its own backoff (``next_poll_at``) decides when it is polled again.
    """
    result = FeedPollResult(feed_id=feed_id)
    feed = Feed.objects.select_related("outlet").filter(pk=feed_id).first()
    if feed is None or not feed.is_active:
        result.error = f"Feed {feed_id} is gone or paused."
        return result
    try:
        fetched = (fetcher or Fetcher()).get(
            feed.url, etag=feed.etag, last_modified=feed.last_modified
        )
        if fetched.is_not_modified:
            result.not_modified = True
            _record_feed_success(feed, etag=feed.etag, last_modified=feed.last_modified)
            return result
        parsed = reading.read_feed(
            fetched.content, content_type=fetched.headers.get("content-type", "")
        )
    except (FetchError, ReadError) as exc:
        result.error = _record_feed_failure(feed, str(exc))
        return result
    result.entries = len(parsed.entries)
    with transaction.atomic():
        for entry in parsed.entries:
            if not entry.link:
                result.skipped.append(f"entry {entry.guid or entry.title!r} has no link")
                continue
            try:
                article, created = queue_url(
                    entry.link,
                    source_kind=SourceKind.FEED,
                    feed=feed,
                    guid=entry.guid,
                    title=entry.title,
                    published_at=entry.published_at,
                )
            except InvalidURL as exc:
                result.skipped.append(str(exc))
                continue
            if created:
                result.queued_ids.append(article.pk)
                if queue_articles:
                    tasks.fetch_article.delay_on_commit(article.pk)
        _record_feed_success(
            feed,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            title=feed.title or parsed.title,
        )
    return result


def _record_feed_success(feed: Feed, *, etag: str, last_modified: str, title: str = "") -> None:
    now = timezone.now()
    Feed.objects.filter(pk=feed.pk).update(
        etag=etag[:500],
        last_modified=last_modified[:100],
        title=(title or feed.title)[:300],
        last_polled_at=now,
        last_success_at=now,
        last_error="",
        consecutive_failures=0,
        next_poll_at=now + feed.poll_interval,
        updated_at=now,
    )


def _record_feed_failure(feed: Feed, reason: str) -> str:
    now = timezone.now()
    failures = feed.consecutive_failures + 1
    # Back off: twice the interval per failure in a row, at most a day.
    delay = min(feed.poll_interval * (2 ** min(failures, 16)), FEED_MAX_BACKOFF)
    message = (
        f"Feed {feed} failed at {now:%Y-%m-%d %H:%M} UTC ({failures} in a row): {reason} "
        f"Next try at {now + delay:%Y-%m-%d %H:%M} UTC; check its URL or pause it."
    )
    Feed.objects.filter(pk=feed.pk).update(
        last_polled_at=now,
        last_error=message,
        consecutive_failures=F("consecutive_failures") + 1,
        next_poll_at=now + delay,
        updated_at=now,
    )
    logger.warning("Feed %s failed: %s", feed.pk, reason)
    return message


def dispatch_due_feeds(*, now: dt.datetime | None = None) -> list[int]:
    """Queue a poll for every due feed, claiming each so a second beat tick skips it."""
    now = now or timezone.now()
    dispatched = []
    with transaction.atomic():
        for feed_id, next_poll_at in queries.feeds_due(now).values_list("pk", "next_poll_at")[:500]:
            claimed = Feed.objects.filter(pk=feed_id, next_poll_at=next_poll_at).update(
                next_poll_at=now + FEED_LEASE
            )
            if claimed:
                tasks.poll_feed.delay_on_commit(feed_id)
                dispatched.append(feed_id)
    return dispatched


def poll_now(feed_ids: Iterable[int]) -> list[int]:
    """Queue a poll of these feeds at once (the admin action), whatever their schedule."""
    ids = list(
        Feed.objects.filter(pk__in=list(feed_ids), is_active=True).values_list("pk", flat=True)
    )
    with transaction.atomic():
        for feed_id in ids:
            tasks.poll_feed.delay_on_commit(feed_id)
    return ids
