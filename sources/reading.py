"""Turn what was fetched or handed in (HTML, feeds, text files) into clean text and metadata.

No Django and no storage here: bytes and strings in, dataclasses out. The main text of a page
comes from trafilatura (a maintained extractor), feeds from feedparser, undeclared or wrongly
declared charsets are settled by charset-normalizer.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import logging
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import charset_normalizer
import feedparser
import trafilatura
from trafilatura.utils import load_html

logger = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt"})
# The header of ../shared/corpus/*.txt: `key: value` lines, a blank line, then the body.
HEADER_KEYS = frozenset({"title", "outlet", "date", "url", "license", "note", "author", "language"})
_HEADER_LINE = re.compile(r"^([a-z_]+):[ \t]*(.*)$")
_LOOKS_LIKE_HTML = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<article)\b",
    re.IGNORECASE | re.DOTALL,
)
_WORDS = re.compile(r"\w+")
MIN_BODY_WORDS = 8  # fewer words than this beyond the headline is a menu, not an article
# Keep the time of day when the page gives one (feeds and pages often do), not just the date.
_DATE_PARAMS = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)


class ReadError(ValueError):
    """The input holds no readable article (empty page, malformed feed, undecodable bytes)."""


@dataclass(frozen=True)
class ReadDocument:
    """One article's clean text and what is known about it."""

    text: str
    title: str = ""
    author: str = ""
    published_at: dt.datetime | None = None
    language: str = ""
    url: str = ""
    outlet_name: str = ""
    license: str = ""
    note: str = ""
    raw_html: str = ""


@dataclass(frozen=True)
class FeedEntry:
    link: str
    guid: str = ""
    title: str = ""
    author: str = ""
    published_at: dt.datetime | None = None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: list[FeedEntry] = field(default_factory=list)
    problem: str = ""  # feedparser's complaint about a feed it could still read


def decode(body: bytes, declared_charset: str = "") -> str:
    """Bytes to text, trusting evidence over labels: BOM, valid UTF-8, the label, then detection.

    Servers often declare latin-1 for UTF-8 pages (and the reverse); UTF-8 that decodes cleanly
    is almost never an accident, so it wins over a label. A label is only trusted when the bytes
    decode under it without error and it is not a single-byte code page contradicted by detection.
    """
    if not body:
        return ""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    labels = [declared_charset]
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        labels.append(meta.group(1).decode("ascii", "ignore"))
    detected = charset_normalizer.from_bytes(body[:200_000]).best()
    detected_name = detected.encoding if detected else ""
    for label in labels:
        name = _codec_name(label)
        if not name or name == "utf-8":
            continue
        # latin-1 decodes anything; when detection disagrees with a Western label, trust detection.
        if (
            name in ("latin-1", "iso8859-1", "cp1252")
            and detected_name
            and _codec_name(detected_name) not in ("latin-1", "iso8859-1", "cp1252", "ascii")
        ):
            continue
        try:
            return body.decode(name)
        except UnicodeDecodeError:
            continue
    if detected_name:
        return body.decode(detected_name, errors="replace")
    raise ReadError("The bytes are not text in any charset we recognise.")


def _codec_name(label: str) -> str:
    try:
        return codecs.lookup(label.strip().strip("\"'")).name if label.strip() else ""
    except LookupError:
        return ""


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_LIKE_HTML.match(text[:2000]))


def read_html(html: str, *, url: str = "") -> ReadDocument:
    """Main text, title, author, date and language of a page; raises ReadError if it has none."""
    if not html.strip():
        raise ReadError("The page is empty.")
    tree = load_html(html)
    if tree is None:
        raise ReadError("The page is not HTML that could be parsed.")
    language = _html_language(tree)
    result = trafilatura.bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = clean_text(result.text or "") if result is not None else ""
    title = _one_line(result.title or "") if result is not None else ""
    # When a page has no article, the extractor's fallbacks return menus and the headline alone.
    body = "\n".join(line for line in text.splitlines() if _one_line(line) != title)
    if len(_WORDS.findall(body)) < MIN_BODY_WORDS:
        raise ReadError("The page has no readable article text (empty, or only navigation).")
    return ReadDocument(
        text=text,
        title=title,
        author=_one_line(result.author or "")[:500],
        published_at=parse_date(result.date or ""),
        language=language or _primary_language(result.language or ""),
        raw_html=html,
    )


def read_text(text: str) -> ReadDocument:
    """Plain text, or the corpus format (a header of `key: value` lines, blank line, body)."""
    if looks_like_html(text):
        return read_html(text)
    headers, body = split_header(text)
    body = clean_text(body)
    if not body:
        raise ReadError("The text is empty.")
    return ReadDocument(
        text=body,
        title=_one_line(headers.get("title", "")),
        author=_one_line(headers.get("author", "")),
        published_at=parse_date(headers.get("date", "")),
        language=_primary_language(headers.get("language", "")),
        url=headers.get("url", "").strip(),
        outlet_name=_one_line(headers.get("outlet", "")),
        license=_one_line(headers.get("license", ""))[:500],
        note=headers.get("note", "").strip(),
    )


def read_file(path: Path) -> ReadDocument:
    """A saved page (.html/.htm) or a text file (.txt, with or without the corpus header)."""
    body = path.read_bytes()
    text = decode(body)
    if path.suffix.lower() in HTML_SUFFIXES:
        return read_html(text)
    return read_text(text)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """The corpus header as a dict and the body after it; ({}, text) when there is no header."""
    lines = text.lstrip("\ufeff").splitlines()
    headers: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if headers:
                return headers, "\n".join(lines[index + 1 :])
            break
        match = _HEADER_LINE.match(line)
        if not match or match.group(1) not in HEADER_KEYS:
            break
        headers[match.group(1)] = match.group(2).strip()
    return {}, text


def read_feed(body: bytes, *, content_type: str = "") -> ParsedFeed:
    """Entries of an RSS or Atom feed; raises ReadError when the bytes are not a feed at all."""
    if not body.strip():
        raise ReadError("The feed is empty.")
    parsed = feedparser.parse(
        body, response_headers={"content-type": content_type} if content_type else None
    )
    problem = str(parsed.get("bozo_exception", "")) if parsed.get("bozo") else ""
    if not parsed.get("version") and not parsed.entries:
        raise ReadError(f"This is not an RSS or Atom feed ({problem or 'no feed elements'}).")
    if problem and not any(e.get("link") or e.get("id") for e in parsed.entries):
        # feedparser reads what it can of broken XML; with no usable entry the feed is broken.
        raise ReadError(f"The feed is malformed and no entry could be read ({problem}).")
    entries = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        guid = (entry.get("id") or "").strip()
        if not link.lower().startswith(("http://", "https://")):
            # feedparser falls back to the id (often urn:uuid:...), which is not an address.
            link = guid if guid.lower().startswith(("http://", "https://")) else ""
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append(
            FeedEntry(
                link=link,
                guid=guid[:2000],
                title=_one_line(entry.get("title") or "")[:1000],
                author=_one_line(entry.get("author") or "")[:500],
                published_at=dt.datetime(*stamp[:6], tzinfo=dt.UTC) if stamp else None,
            )
        )
    return ParsedFeed(title=_one_line(parsed.feed.get("title") or ""), entries=entries,
                      problem=problem)  # fmt: skip


def parse_date(value: str) -> dt.datetime | None:
    """ISO dates and times, or RFC 2822 (feeds); naive values are taken as UTC."""
    value = value.strip()
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def clean_text(text: str) -> str:
    """NFC, one kind of line break, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def with_header_defaults(document: ReadDocument, **values: object) -> ReadDocument:
    """``document`` with empty fields filled from ``values`` (e.g. a feed entry's title)."""
    missing = {k: v for k, v in values.items() if v and not getattr(document, k)}
    return replace(document, **missing) if missing else document


def _html_language(tree: object) -> str:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""  # type: ignore[attr-defined]
    if not lang:
        for meta in tree.iter("meta"):  # type: ignore[attr-defined]
            name = (meta.get("http-equiv") or meta.get("property") or "").lower()
            if name in ("content-language", "og:locale"):
                lang = meta.get("content") or ""
                break
    return _primary_language(lang)


def _primary_language(tag: str) -> str:
    return re.split(r"[-_,; ]", tag.strip().lower(), maxsplit=1)[0][:16] if tag.strip() else ""


def _one_line(value: str) -> str:
    return " ".join(value.split())
