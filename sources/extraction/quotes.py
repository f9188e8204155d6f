"""Finding quotations: curly, straight and angle marks, unbalanced marks, multi-paragraph quotes.

A quotation is returned as the span of its words, without the marks. One pass over the text,
paragraph by paragraph, so the cost is linear whatever the marks.
"""

from __future__ import annotations

from dataclasses import dataclass

from sources.extraction.text import Span

OPENERS = {"“": "”", "«": "»", "„": "“", "‹": "›"}
CLOSERS = {"”", "»", "›"}
STRAIGHT = '"'
SINGLE = "'"
DOUBLE_MARKS = ("“", "”", '"', "«", "»", "„")
# A quotation left open is cut here if the paragraph runs on; real quotes are shorter.
MAX_QUOTE_CHARS = 4000


@dataclass(frozen=True)
class Quote:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when left open
    paragraph: int  # index of the paragraph where it opens


def _is_opening_straight(text: str, pos: int, para_start: int) -> bool:
    before = text[pos - 1] if pos > para_start else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:;/":
        return not after.isspace()
    return False


def _is_closing_single(text: str, pos: int) -> bool:
    """A single mark closes a quotation where a word ends, not inside one ("don't")."""
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return pos > 0 and not text[pos - 1].isspace() and not after.isalnum()


def find_quotes(text: str, paras: list[Span]) -> list[Quote]:
    """Every top-level quotation in the paragraphs; inner quotes are left inside their outer one.

    A text without any double quotation mark quotes with single ones ('...' or ‘...’), as
    British outlets do: then those are its quotation marks.
    """
    if not any(mark in text for mark in DOUBLE_MARKS):
        return _find(text, paras, {SINGLE: SINGLE, "‘": "’"})
    return _find(text, paras, {**OPENERS, STRAIGHT: STRAIGHT})


def _find(text: str, paras: list[Span], openers: dict[str, str]) -> list[Quote]:
    found: list[Quote] = []
    carry: tuple[int, int, str] | None = None  # (open mark, paragraph, expected closer)
    for index, para in enumerate(paras):
        pos = para.start
        opening: tuple[int, int, str] | None = None
        if carry is not None:
            # A quote left open at the end of the previous paragraph continues only when this
            # paragraph opens with a quote mark (the news convention for long quotations).
            first = text[para.start]
            if first in openers:
                opening = carry
                pos = para.start + 1
            else:
                prev = paras[index - 1]
                _close_open(found, text, carry, prev.end)
            carry = None
        depth_inner = 0
        while pos < para.end:
            ch = text[pos]
            if opening is None:
                if ch in openers and (
                    ch not in (STRAIGHT, SINGLE) or _is_opening_straight(text, pos, para.start)
                ):
                    opening = (pos, index, openers[ch])
                    depth_inner = 0
            else:
                closer = opening[2]
                if closer in ("’", SINGLE) and ch in ("’", SINGLE):
                    if _is_closing_single(text, pos):
                        found.append(Quote(opening[0] + 1, pos, opening[0], pos, opening[1]))
                        opening = None
                elif (
                    ch == closer
                    or (closer == "”" and ch == STRAIGHT)
                    or (closer == STRAIGHT and ch == "”")
                ):
                    if depth_inner > 0:
                        depth_inner -= 1
                    else:
                        found.append(Quote(opening[0] + 1, pos, opening[0], pos, opening[1]))
                        opening = None
                elif ch == "“" and closer == "”":
                    # A nested pair of double quotes (rare): wait for its own closer first.
                    depth_inner += 1
                elif pos - opening[0] > MAX_QUOTE_CHARS:
                    _close_open(found, text, opening, pos)
                    opening = None
            pos += 1
        if opening is not None:
            carry = opening
    if carry is not None:
        _close_open(found, text, carry, paras[-1].end)
    return [q for q in found if q.end > q.start]


def _close_open(found: list[Quote], text: str, opening: tuple[int, int, str], end: int) -> None:
    """A quotation that never closes runs to the end of its paragraph."""
    start = opening[0] + 1
    if end - start > 0:
        found.append(Quote(start, end, opening[0], None, opening[1]))
