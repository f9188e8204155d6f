"""Splitting a body into paragraphs, sentences and word tokens, with offsets kept exact.

Everything here is linear in the length of the text: no backtracking regular expressions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Words before a full stop that do not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "prof",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "rt",
        "hon",
        "amb",
        "adm",
        "cmdr",
        "brig",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "approx",
        "est",
        "fig",
        "op",
        "pp",
        "para",
        "art",
    ]
)

_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’»)\]]*\s+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return fold_char_text(self.text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "\u2019\u2018\u02bc`":
        return "'"
    if ch in "\u2010\u2011\u2012\u2013\u2014":
        return "-"
    decomposed = unicodedata.normalize("NFKD", ch)
    base = decomposed[0] if decomposed else ch
    low = base.lower()
    return low if len(low) == 1 else base


def fold_char_text(text: str) -> str:
    """Lower case without accents, one character out for each character in (offsets stay)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


def fold_name(name: str) -> str:
    """A lookup key for a name: case, accents, apostrophes, dashes, spacing and "the" ignored."""
    text = " ".join(fold_char_text(name).split()).strip(" .,;:")
    if text.startswith("the "):
        text = text[4:]
    return text


def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name, for token-by-token matching."""
    return tuple(m.group(0) for m in _WORD.finditer(fold_char_text(name)))


def translit_key(name: str) -> str:
    """A looser key under which transliterations meet: Sergey/Sergei, Zelensky/Zelenskyy."""
    words = []
    for word in name_words(name):
        w = word.replace("kh", "h").replace("y", "i").replace("j", "i").replace("'", "")
        out: list[str] = []
        for ch in w:
            if not out or out[-1] != ch:
                out.append(ch)
        words.append("".join(out))
    return " ".join(words)


def paragraphs(body: str) -> list[Span]:
    """Non-blank lines of the body (the corpus writes one paragraph a line)."""
    spans = []
    pos = 0
    for line in body.split("\n"):
        end = pos + len(line)
        stripped_start = pos + (len(line) - len(line.lstrip()))
        stripped_end = pos + len(line.rstrip())
        if stripped_end > stripped_start:
            spans.append(Span(stripped_start, stripped_end))
        pos = end + 1
    return spans


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation ("Mr.", "U.S.", "J.")."""
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # A single capital letter: an initial ("Antony J. Blinken").
    return len(word) == 1 and text[start].isupper()


# No sentence of the corpus is longer than about 500 characters. A "sentence" of megabytes (a
# text without full stops) is cut into pieces of this size, so that work done per sentence
# stays linear in the length of the text.
MAX_SENTENCE = 3000


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences inside text[start:end], by punctuation followed by a capital or a quote."""
    return [piece for span in _sentences(text, start, end) for piece in _bounded(text, span)]


def _bounded(text: str, span: Span) -> list[Span]:
    """``span`` itself, or pieces of at most MAX_SENTENCE characters cut at spaces."""
    pieces = []
    start = span.start
    while span.end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append(Span(start, cut))
        start = cut
    pieces.append(Span(start, span.end))
    return pieces


def _sentences(text: str, start: int, end: int) -> list[Span]:
    spans = []
    sent_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        nxt = match.end()
        if nxt >= end:
            break
        following = text[nxt]
        if not (following.isupper() or following.isdigit() or following in '"“‘«('):
            continue
        punct = match.group(0)
        if (
            punct[0] == "."
            and len(punct.rstrip()) == 1
            and _ends_with_abbreviation(text, match.start())
        ):
            continue
        sent_end = match.start() + len(punct.rstrip())
        spans.append(Span(sent_start, sent_end))
        sent_start = nxt
    if sent_start < end:
        spans.append(Span(sent_start, end))
    return spans


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of text[start:end] with their offsets."""
    stop = len(text) if end is None else end
    return [Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text, start, stop)]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past spaces, quote marks and closing punctuation at either end."""
    lead = ' \t"“”‘’«»,;:—–-'
    trail = ' \t"“”‘’«»,;:.!?—–-'
    while start < end and text[start] in lead:
        start += 1
    while end > start and text[end - 1] in trail:
        end -= 1
    # A closing parenthesis or bracket stays only if it has its opener inside the span.
    while (
        end > start
        and text[end - 1] in ")]"
        and "(" not in text[start:end]
        and ("[" not in text[start:end])
    ):
        end -= 1
    return start, end


_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "be",
        "are",
        "this",
        "from",
        "at",
        "have",
        "has",
        "not",
        "said",
        "will",
        "would",
        "an",
        "which",
        "their",
        "they",
        "he",
        "she",
        "we",
        "his",
        "her",
        "its",
        "who",
    ]
)


def english_ratio(text: str, sample: int = 20000) -> float:
    """The share of very common English words among the first words of the text."""
    words = [m.group(0).lower() for m in _WORD.finditer(text[:sample])]
    if not words:
        return 0.0
    return sum(1 for w in words if w in _ENGLISH) / len(words)


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, for lexicons kept readable in the source."""
    return frozenset(words.split())
