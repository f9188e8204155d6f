import datetime as dt
from pathlib import Path

import pytest

from sources import reading
from sources.reading import ReadError
from tests.sources.conftest import FEEDS, PAGES

CORPUS = Path("/work/shared/corpus/dev")


def test_a_saved_page_gives_main_text_title_author_date_and_language():
    document = reading.read_file(PAGES / "wire_story.html")
    assert document.title == "Ministers agree to resume border talks"
    assert document.author == "Jane Roe"
    assert document.published_at == dt.datetime(2025, 3, 4, 10, tzinfo=dt.UTC)
    assert document.language == "en"
    assert "agreed to resume talks on the disputed border" in document.text
    assert "All rights reserved" not in document.text  # footer
    assert "Other story" not in document.text  # related links


def test_broken_markup_still_gives_its_text():
    document = reading.read_file(PAGES / "broken_markup.html")
    assert "rejects the report" in document.text
    assert "<b>" not in document.text


def test_an_empty_page_is_an_error_not_an_article_of_menus():
    with pytest.raises(ReadError, match="no readable article text"):
        reading.read_file(PAGES / "empty_page.html")


def test_a_page_declaring_a_single_byte_charset_is_read_in_it():
    document = reading.read_file(PAGES / "russian_cp1251.html")
    assert "Министр иностранных дел" in document.text
    assert document.language == "ru"


def test_a_page_with_no_charset_is_detected():
    document = reading.read_file(PAGES / "french_latin1_undeclared.html")
    assert "Affaires étrangères a déclaré" in document.text


def test_a_wrong_charset_label_loses_to_the_bytes():
    text = "Министр иностранных дел заявил во вторник, что переговоры продолжатся в Женеве."
    assert reading.decode(text.encode("cp1251"), "utf-8") == text  # label says utf-8, it is not
    assert reading.decode(text.encode("utf-8"), "iso-8859-1") == text  # label says latin-1


def test_the_corpus_header_is_read_and_kept_out_of_the_body():
    path = CORPUS / "006_mali_moura_killings.txt"
    if not path.exists():
        path = next(CORPUS.glob("*.txt"))
    document = reading.read_file(path)
    headers, _ = reading.split_header(path.read_text(encoding="utf-8"))
    assert document.title == headers["title"]
    assert document.published_at.date() == dt.date.fromisoformat(headers["date"])
    assert document.url == headers.get("url", "")
    assert not document.text.startswith("title:")


def test_header_format_with_only_some_keys():
    document = reading.read_text("title: A statement\ndate: 2025-04-01\n\nThe body, first line.\n")
    assert document.title == "A statement"
    assert document.text == "The body, first line."
    assert document.published_at == dt.datetime(2025, 4, 1, tzinfo=dt.UTC)


def test_plain_text_without_a_header_is_all_body():
    text = "Note: this line looks like a header key but is not one.\n\nSecond paragraph."
    assert reading.read_text(text).text == text


def test_pasted_html_is_read_as_a_page():
    html = (PAGES / "wire_story.html").read_text(encoding="utf-8")
    assert reading.read_text(html).title == "Ministers agree to resume border talks"


def test_empty_text_is_an_error():
    with pytest.raises(ReadError, match="empty"):
        reading.read_text("title: x\n\n   \n")


def test_an_rss_feed_gives_its_entries():
    feed = reading.read_feed((FEEDS / "wire.rss").read_bytes())
    assert feed.title == "Example Wire: World"
    assert [e.guid for e in feed.entries] == ["story-1", "story-2", "story-3"]
    assert feed.entries[0].published_at == dt.datetime(2025, 3, 1, 10, tzinfo=dt.UTC)


def test_an_atom_feed_gives_its_entries():
    feed = reading.read_feed((FEEDS / "ministry.atom").read_bytes())
    assert (
        feed.entries[0].link == "https://www.ministry.example/press/amp/statement-border-talks#top"
    )
    assert feed.entries[0].author == "Press Office"
    assert feed.entries[1].link == ""


@pytest.mark.parametrize(
    ("name", "message"),
    [("malformed.rss", "malformed"), ("not_a_feed.html", "not an RSS or Atom feed")],
)
def test_broken_feeds_are_errors_with_a_reason(name, message):
    with pytest.raises(ReadError, match=message):
        reading.read_feed((FEEDS / name).read_bytes())
