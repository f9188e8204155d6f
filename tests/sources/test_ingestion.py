import datetime as dt

import pytest
import time_machine

from sources import ingestion, queries
from sources.fetching import Fetcher, TransientFetchError
from sources.ingestion import Outcome
from sources.models import Article, ArticleFingerprint, ArticleStatus, Feed
from tests.factories import FeedFactory, OutletFactory
from tests.sources.conftest import FEEDS, PAGES
from tests.sources.servers import Answer

pytestmark = pytest.mark.django_db

WIRE = (PAGES / "wire_story.html").read_bytes()
COPY = (PAGES / "wire_story_copy.html").read_bytes()
CORPUS_TEXT = """title: Reported massacre in Mali
outlet: U.S. Department of State
date: 2022-04-05
url: https://www.state.gov/reported-massacre-in-mali/?utm_source=twitter

The United States is deeply concerned by reports that the Malian armed forces and foreign
personnel killed hundreds of people in Moura. We call on the transition government to allow an
independent investigation and to hold those responsible to account for these grave abuses.
"""


def html(body=WIRE, charset="utf-8"):
    return Answer(body=body, headers={"Content-Type": f"text/html; charset={charset}"})


# --- Text and files ---------------------------------------------------------------------------


def test_pasted_text_is_stored_once_and_queued_for_extraction(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        result = ingestion.ingest_text(CORPUS_TEXT)
    article = Article.objects.get()
    assert result.outcome == Outcome.NEW
    assert result.article_id == article.pk
    assert article.status == ArticleStatus.FETCHED
    assert article.url == "https://state.gov/reported-massacre-in-mali"
    assert article.title == "Reported massacre in Mali"
    assert article.published_at == dt.datetime(2022, 4, 5, tzinfo=dt.UTC)
    assert article.content_hash
    assert ArticleFingerprint.objects.filter(article=article).exists()
    assert len(callbacks) == 1  # sources.tasks.extract_article, on commit


def test_the_same_text_twice_is_a_duplicate_that_writes_nothing(django_capture_on_commit_callbacks):
    first = ingestion.ingest_text("Body.\n" + CORPUS_TEXT.split("\n\n", 1)[1])
    with django_capture_on_commit_callbacks() as callbacks:
        again = ingestion.ingest_text("BODY.   " + CORPUS_TEXT.split("\n\n", 1)[1].upper())
    assert again.outcome == Outcome.DUPLICATE
    assert again.article_id == first.article_id
    assert again.reason == f"same text as article {first.article_id}"
    assert Article.objects.count() == 1
    assert callbacks == []


def test_a_syndicated_copy_is_stored_linked_to_its_original_and_not_extracted_twice(
    django_capture_on_commit_callbacks,
):
    original = ingestion.ingest_text(WIRE.decode())
    with django_capture_on_commit_callbacks() as callbacks:
        copy = ingestion.ingest_text(COPY.decode())
    assert copy.outcome == Outcome.NEW
    assert copy.copy_of_id == original.article_id
    assert Article.objects.get(pk=copy.article_id).copy_of_id == original.article_id
    assert callbacks == []


def test_a_corpus_file_finds_its_outlet_by_domain():
    outlet = OutletFactory(domain="state.gov")
    result = ingestion.ingest_text(CORPUS_TEXT)
    assert Article.objects.get(pk=result.article_id).outlet == outlet


def test_a_file_is_stored_with_its_path_and_a_bad_one_fails_with_a_reason(tmp_path):
    good = ingestion.ingest_file(PAGES / "wire_story.html")
    bad = ingestion.ingest_file(PAGES / "empty_page.html")
    missing = ingestion.ingest_file(tmp_path / "nope.txt")
    assert good.outcome == Outcome.NEW
    assert Article.objects.get(pk=good.article_id).source_ref.endswith("wire_story.html")
    assert bad.outcome == Outcome.FAILED
    assert bad.source.endswith("empty_page.html")
    assert bad.reason == "The page has no readable article text (empty, or only navigation)."
    assert missing.outcome == Outcome.FAILED
    assert missing.reason == "No such file or directory"


def test_collect_files_reads_folders_and_lists_what_it_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.HTML").write_text("x")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.htm").write_text("x")
    files, skipped = ingestion.collect_files([tmp_path, tmp_path / "gone.txt"])
    assert [f.name for f in files] == ["a.txt", "b.HTML", "d.htm"]
    assert [(p.name, reason) for p, reason in skipped] == [
        ("c.pdf", "not a .txt, .html or .htm file (.pdf)"),
        ("gone.txt", "no such file or folder"),
    ]


# --- URLs -------------------------------------------------------------------------------------


def test_a_url_is_fetched_read_and_stored_once(server, fetcher):
    server.routes["/story"] = html()
    first = ingestion.ingest_url(server.url("/story?utm_source=x#top"), fetcher=fetcher)
    again = ingestion.ingest_url(server.url("/story"), fetcher=fetcher)
    article = Article.objects.get()
    assert first.outcome == Outcome.NEW
    assert again.outcome == Outcome.DUPLICATE
    assert article.url == f"https://127.0.0.1:{server.port}/story"
    assert article.title == "Ministers agree to resume border talks"
    assert article.raw_html.startswith("<!doctype html>")
    assert article.attempts == 1
    assert len(server.requests) == 1


def test_a_url_already_stored_from_a_file_is_not_fetched():
    ingestion.ingest_text(CORPUS_TEXT)
    result = ingestion.ingest_url(
        "http://state.gov/reported-massacre-in-mali", fetcher=Fetcher(resolver=_no_dns)
    )
    assert result.outcome == Outcome.DUPLICATE


def _no_dns(host, port):
    raise AssertionError("no lookup expected")


def test_a_wrongly_declared_charset_is_corrected(server, fetcher):
    body = (PAGES / "russian_cp1251.html").read_bytes()
    server.routes["/ru"] = html(body, charset="utf-8")  # the server lies
    result = ingestion.ingest_url(server.url("/ru"), fetcher=fetcher)
    assert "Министр иностранных дел" in Article.objects.get(pk=result.article_id).text


def test_a_refused_address_fails_with_its_reason_on_the_article():
    result = ingestion.ingest_url("http://metadata.test/latest", fetcher=Fetcher(
        resolver=lambda host, port: ["169.254.169.254"]))  # fmt: skip
    article = Article.objects.get(pk=result.article_id)
    assert result.outcome == Outcome.FAILED
    assert "cloud metadata address" in result.reason
    assert article.status == ArticleStatus.FAILED
    assert f"Fetching article {article.pk} failed: Refused" in article.last_error


def test_a_non_http_url_fails_without_a_row():
    result = ingestion.ingest_url("file:///etc/passwd")
    assert result.outcome == Outcome.FAILED
    assert "only http and https" in result.reason
    assert not Article.objects.exists()


def test_a_failed_url_is_retried_on_the_same_row(
    server, fetcher, django_capture_on_commit_callbacks
):
    failed = ingestion.ingest_url(server.url("/later"), fetcher=fetcher)  # 404 for now
    assert Article.objects.get().last_error.endswith("answered 404; check the address.")
    with django_capture_on_commit_callbacks() as callbacks:
        assert ingestion.retry_articles([failed.article_id]) == [failed.article_id]
    assert len(callbacks) == 1  # sources.tasks.fetch_article
    assert Article.objects.get().status == ArticleStatus.QUEUED

    server.routes["/later"] = html()
    retried = ingestion.fetch_article(failed.article_id, fetcher=fetcher)

    article = Article.objects.get()
    assert retried.outcome == Outcome.NEW
    assert (article.status, article.last_error, article.attempts) == (ArticleStatus.FETCHED, "", 2)


def test_an_unreadable_page_keeps_its_html_and_is_reread_without_fetching(server, fetcher):
    server.routes["/empty"] = html((PAGES / "empty_page.html").read_bytes())
    result = ingestion.ingest_url(server.url("/empty"), fetcher=fetcher)
    article = Article.objects.get()
    assert result.outcome == Outcome.FAILED
    assert "no readable article text" in article.last_error
    assert "Nothing here" in article.raw_html

    ingestion.retry_articles([article.pk])
    again = ingestion.fetch_article(article.pk, fetcher=fetcher)
    assert again.outcome == Outcome.FAILED
    assert len(server.requests) == 1


def test_a_transient_failure_is_recorded_then_raised_for_the_task_to_retry(server, fetcher):
    server.routes["/flaky"] = Answer(status=503)
    article, _ = ingestion.queue_url(server.url("/flaky"))
    with pytest.raises(TransientFetchError):
        ingestion.fetch_article(article.pk, fetcher=fetcher, raise_transient=True)
    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED
    assert "answered 503" in article.last_error


def test_running_a_fetch_twice_stores_once(server, fetcher):
    server.routes["/story"] = html()
    article, _ = ingestion.queue_url(server.url("/story"))
    first = ingestion.fetch_article(article.pk, fetcher=fetcher)
    second = ingestion.fetch_article(article.pk, fetcher=fetcher)  # a redelivered task
    assert (first.outcome, second.outcome) == (Outcome.NEW, Outcome.DUPLICATE)
    assert len(server.requests) == 1


def test_the_same_page_at_a_second_address_is_a_link_not_a_second_copy(server, fetcher):
    server.routes["/a"] = html()
    server.routes["/b"] = html()
    first = ingestion.ingest_url(server.url("/a"), fetcher=fetcher)
    second = ingestion.ingest_url(server.url("/b"), fetcher=fetcher)
    link = Article.objects.get(pk=second.article_id)
    assert second.outcome == Outcome.DUPLICATE
    assert (link.copy_of_id, link.text, link.content_hash) == (first.article_id, "", "")
    assert ingestion.ingest_url(server.url("/b"), fetcher=fetcher).outcome == Outcome.DUPLICATE
    assert len(server.requests) == 2


# --- Feeds ------------------------------------------------------------------------------------


def _serve_feed(server, name="wire.rss", etag='"v1"'):
    body = (FEEDS / name).read_text().replace("{host}", f"127.0.0.1:{server.port}").encode()

    def answer(handler):
        if etag and handler.headers.get("If-None-Match") == etag:
            return Answer(status=304, headers={})
        return Answer(body=body, headers={"Content-Type": "application/rss+xml", "ETag": etag})

    server.routes["/feed.xml"] = answer
    for index in (1, 2, 3):
        page = WIRE.replace(b"Ministers agree", f"Story {index}: ministers agree".encode())
        page = page.replace(b"Both delegations", f"Story number {index}. Both".encode())
        server.routes[f"/story-{index}"] = html(page.replace(b"Geneva", f"city {index}".encode()))


def test_a_feed_poll_queues_each_new_entry_and_records_its_health(
    server, fetcher, django_capture_on_commit_callbacks
):
    _serve_feed(server)
    feed = FeedFactory(url=server.url("/feed.xml"), poll_interval=dt.timedelta(minutes=15))
    noon = dt.datetime(2025, 3, 4, 12, tzinfo=dt.UTC)
    with time_machine.travel(noon, tick=False), django_capture_on_commit_callbacks() as callbacks:
        result = ingestion.poll_feed(feed.pk, fetcher=fetcher)
    feed.refresh_from_db()
    assert result.error == ""
    assert len(result.queued_ids) == 3
    assert len(callbacks) == 3  # one sources.tasks.fetch_article per entry
    assert sorted(Article.objects.values_list("url", flat=True)) == [
        f"https://127.0.0.1:{server.port}/story-{i}" for i in (1, 2, 3)
    ]
    assert set(Article.objects.values_list("status", "feed", "outlet", "source_kind")) == {
        (ArticleStatus.QUEUED, feed.pk, feed.outlet_id, "feed")
    }
    assert feed.etag == '"v1"'
    assert feed.title == "Example Wire: World"
    assert feed.last_success_at == dt.datetime(2025, 3, 4, 12, tzinfo=dt.UTC)
    assert feed.next_poll_at == dt.datetime(2025, 3, 4, 12, 15, tzinfo=dt.UTC)


def test_a_second_poll_is_conditional_and_adds_nothing(server, fetcher):
    _serve_feed(server)
    feed = FeedFactory(url=server.url("/feed.xml"))
    ingestion.poll_feed(feed.pk, fetcher=fetcher, queue_articles=False)
    again = ingestion.poll_feed(feed.pk, fetcher=fetcher, queue_articles=False)
    assert again.not_modified
    assert server.requests[-1][1]["If-None-Match"] == '"v1"'
    assert Article.objects.count() == 3


def test_feed_articles_are_fetched_and_stored(server, fetcher):
    _serve_feed(server)
    feed = FeedFactory(url=server.url("/feed.xml"))
    polled = ingestion.poll_feed(feed.pk, fetcher=fetcher, queue_articles=False)
    results = [ingestion.fetch_article(pk, fetcher=fetcher) for pk in polled.queued_ids]
    assert [r.outcome for r in results] == [Outcome.NEW] * 3
    story = Article.objects.get(url__endswith="/story-1")
    assert story.title == "Story 1: ministers agree to resume border talks"
    assert story.copy_of_id is None
    assert Article.objects.filter(copy_of__isnull=False).count() == 2  # one wire story, 3 outlets


def test_a_failing_feed_backs_off_and_says_why(server, fetcher):
    server.routes["/feed.xml"] = Answer(body=(FEEDS / "malformed.rss").read_bytes())
    feed = FeedFactory(url=server.url("/feed.xml"), poll_interval=dt.timedelta(minutes=10))
    start = dt.datetime(2025, 3, 4, 12, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        ingestion.poll_feed(feed.pk, fetcher=fetcher)
        ingestion.poll_feed(feed.pk, fetcher=fetcher)
    feed.refresh_from_db()
    assert feed.consecutive_failures == 2
    assert feed.next_poll_at == start + dt.timedelta(minutes=40)
    assert "The feed is malformed" in feed.last_error
    assert "check its URL or pause it" in feed.last_error

    _serve_feed(server)
    ingestion.poll_feed(feed.pk, fetcher=fetcher, queue_articles=False)
    feed.refresh_from_db()
    assert (feed.consecutive_failures, feed.last_error) == (0, "")


def test_feed_backoff_is_capped_at_a_day(server, fetcher):
    feed = FeedFactory(url=server.url("/gone.xml"), consecutive_failures=30)
    with time_machine.travel(dt.datetime(2025, 3, 4, tzinfo=dt.UTC), tick=False):
        ingestion.poll_feed(feed.pk, fetcher=fetcher)
    feed.refresh_from_db()
    assert feed.next_poll_at == dt.datetime(2025, 3, 5, tzinfo=dt.UTC)


def test_an_atom_entry_without_a_link_is_skipped_with_a_reason(server, fetcher):
    server.routes["/feed.xml"] = Answer(
        body=(FEEDS / "ministry.atom").read_bytes(),
        headers={"Content-Type": "application/atom+xml"},
    )
    feed = FeedFactory(url=server.url("/feed.xml"))
    result = ingestion.poll_feed(feed.pk, fetcher=fetcher, queue_articles=False)
    assert Article.objects.get().url == "https://ministry.example/press/statement-border-talks"
    assert result.skipped == ["entry 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b' has no link"]


def test_due_feeds_are_dispatched_once(django_capture_on_commit_callbacks):
    now = dt.datetime(2025, 3, 4, 12, tzinfo=dt.UTC)
    due = FeedFactory(next_poll_at=now - dt.timedelta(minutes=1))
    FeedFactory(next_poll_at=now + dt.timedelta(minutes=1))
    FeedFactory(next_poll_at=now - dt.timedelta(minutes=1), is_active=False)
    with django_capture_on_commit_callbacks() as callbacks:
        first = ingestion.dispatch_due_feeds(now=now)
        second = ingestion.dispatch_due_feeds(now=now)
    assert (first, second) == ([due.pk], [])
    assert len(callbacks) == 1  # sources.tasks.poll_feed
    assert list(queries.feeds_due(now)) == []
    assert Feed.objects.get(pk=due.pk).next_poll_at == now + ingestion.FEED_LEASE


def test_stalled_queued_articles_are_queued_again(django_capture_on_commit_callbacks):
    start = dt.datetime(2025, 3, 4, 12, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        stalled, _ = ingestion.queue_url("https://news.example/stalled")
    with time_machine.travel(start + dt.timedelta(minutes=25), tick=False):
        ingestion.queue_url("https://news.example/recent")
    later = start + dt.timedelta(minutes=45)
    with time_machine.travel(later, tick=False), django_capture_on_commit_callbacks() as callbacks:
        assert ingestion.requeue_stalled_articles() == [stalled.pk]
    assert len(callbacks) == 1


def _corpus(outlet: str, url: str, words: str) -> str:
    body = " ".join(f"{words} sentence number {i} about the ceasefire talks." for i in range(12))
    return f"title: T\noutlet: {outlet}\ndate: 2025-04-01\nurl: {url}\n\n{body}\n"


def test_an_unknown_publisher_becomes_an_outlet_named_as_the_header_says():
    first = ingestion.ingest_text(_corpus("Voice of America", "https://www.voanews.com/a/1", "one"))
    second = ingestion.ingest_text(_corpus("Voice of America", "https://voanews.com/a/2", "two"))

    outlets = {Article.objects.get(pk=r.article_id).outlet for r in (first, second)}
    assert len(outlets) == 1
    (outlet,) = outlets
    assert (outlet.name, outlet.domain) == ("Voice of America", "voanews.com")


def test_an_outlet_header_saying_unknown_makes_no_outlet():
    result = ingestion.ingest_text(_corpus("unknown (seed document)", "", "three"))
    assert Article.objects.get(pk=result.article_id).outlet is None
