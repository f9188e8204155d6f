"""The command contracts other programs rely on: summary on stdout, reasons on stderr, exit 1."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sources.models import Article, ArticleStatus
from tests.factories import FeedFactory
from tests.sources.conftest import PAGES
from tests.sources.servers import Answer

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        code = exc.returncode
        err.write(str(exc))
    return code, out.getvalue(), err.getvalue()


def test_ingest_file_reads_folders_lists_skips_and_summarises(tmp_path):
    shutil.copy(PAGES / "wire_story.html", tmp_path / "a.html")
    shutil.copy(PAGES / "wire_story_copy.html", tmp_path / "b.htm")
    (tmp_path / "c.txt").write_text("title: Note\n\n" + "A short statement on the border talks.\n")
    (tmp_path / "d.json").write_text("{}")

    code, out, err = run("ingest_file", str(tmp_path))

    assert code == 0
    assert f"skipped {tmp_path / 'd.json'}: not a .txt, .html or .htm file (.json)" in out
    assert "3 files: 3 new (1 linked as a copy), 0 duplicate, 0 failed." in out
    assert err == ""
    assert Article.objects.count() == 3


def test_ingest_file_twice_reports_duplicates(tmp_path):
    shutil.copy(PAGES / "wire_story.html", tmp_path / "a.html")
    run("ingest_file", str(tmp_path))
    code, out, _ = run("ingest_file", str(tmp_path / "a.html"))
    assert code == 0
    assert "1 files: 0 new, 1 duplicate, 0 failed." in out


def test_ingest_file_exits_1_with_each_failure_on_stderr(tmp_path):
    missing = tmp_path / "missing.txt"
    code, out, err = run("ingest_file", str(PAGES / "empty_page.html"), str(missing))
    assert code == 1
    assert f"FAILED {PAGES / 'empty_page.html'}: The page has no readable article text" in err
    assert f"FAILED {missing}: no such file or folder" in err
    assert "2 of 2 files failed; reasons above." in err
    assert "2 files: 0 new, 0 duplicate, 2 failed." in out


def test_ingest_url_explains_refusals_on_stderr_and_exits_1():
    code, out, err = run("ingest_url", "http://10.1.2.3/x", "ftp://news.example/a")
    assert code == 1
    assert (
        "FAILED http://10.1.2.3/x: Refused to fetch from 10.1.2.3: it is a private address" in err
    )
    assert "FAILED ftp://news.example/a: 'ftp://news.example/a' is not a web address" in err
    assert "2 URLs: 0 new, 0 duplicate, 2 failed." in out
    assert Article.objects.get().status == ArticleStatus.FAILED  # the http one, kept to retry


def test_ingest_url_with_an_unknown_outlet_says_so():
    code, _, err = run("ingest_url", "https://news.example/a", "--outlet", "nope")
    assert code == 1
    assert "No outlet has the slug 'nope'." in err


def test_poll_feeds_reports_a_failing_feed_and_exits_1():
    feed = FeedFactory(url="http://10.0.0.7/feed.xml")
    code, out, err = run("poll_feeds")
    assert code == 1
    assert f"FAILED feed {feed.pk} (http://10.0.0.7/feed.xml): Feed " in err
    assert "it is a private address" in err
    assert "1 feeds polled; 0 new entries." in out


def test_poll_feeds_with_nothing_due_succeeds():
    code, out, _ = run("poll_feeds")
    assert code == 0
    assert "0 feeds polled; 0 new entries." in out


def test_ingest_url_stores_a_page_then_reports_it_as_a_duplicate(server, loopback_allowed):
    server.routes["/story"] = Answer(body=(PAGES / "wire_story.html").read_bytes())
    first = run("ingest_url", server.url("/story"))
    second = run("ingest_url", server.url("/story?utm_source=newsletter"))
    assert first[:2] == (0, "1 URLs: 1 new, 0 duplicate, 0 failed.\n")
    assert second[:2] == (0, "1 URLs: 0 new, 1 duplicate, 0 failed.\n")


def test_poll_feeds_fetches_new_entries_and_summarises(server, loopback_allowed):
    story = (PAGES / "wire_story.html").read_bytes()
    server.routes["/feed.xml"] = Answer(
        body=f"""<rss version="2.0"><channel><title>Wire</title>
        <item><title>One</title><link>{server.url("/one")}</link></item>
        <item><title>Two</title><link>{server.url("/two")}</link></item>
        </channel></rss>""".encode(),
        headers={"Content-Type": "application/rss+xml"},
    )
    server.routes["/one"] = Answer(body=story)
    server.routes["/two"] = Answer(status=404)
    FeedFactory(url=server.url("/feed.xml"))

    code, out, err = run("poll_feeds")

    assert code == 1
    assert "1 feeds polled; 2 new entries." in out
    assert "2 items (failed feeds and new articles): 1 new, 0 duplicate, 1 failed." in out
    assert f"FAILED https://127.0.0.1:{server.port}/two: " in err
    assert "answered 404; check the address." in err
