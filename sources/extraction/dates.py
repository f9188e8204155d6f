"""When a statement was said, from expressions like "Earlier in March" or "on Tuesday".

Resolved against the publication date; the result carries its precision (day, month, year).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from sources.extraction.types import Precision

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "a": 1, "an": 1,
}  # fmt: skip

_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_FULL_MDY = re.compile(_MONTH + r" (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
_FULL_DMY = re.compile(r"\b(\d{1,2}) " + _MONTH + r",? (\d{4})\b")
_MONTH_DAY = re.compile(r"\b(?:on )" + _MONTH + r" (\d{1,2})(?:st|nd|rd|th)?\b")
_DAY_MONTH = re.compile(r"\b(?:on )(\d{1,2}) " + _MONTH + r"\b")
_MONTH_YEAR = re.compile(r"\b(?:in |of )" + _MONTH + r",? (\d{4})\b")
_IN_MONTH = re.compile(
    r"\b(?:[Ee]arlier in |[Ll]ater in |[Ii]n |[Ee]arly |[Ll]ate |[Mm]id-)" + _MONTH + r"\b"
)
_WEEKDAY = re.compile(
    r"\b(?:on |last |earlier on |late on |early on )?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_RELATIVE = re.compile(
    r"\b(yesterday|last week|last month|last year|earlier this week|earlier this month|"
    r"earlier this year|this week|this month|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|\d{1,2}) "
    r"(?:days?|weeks?|months?|years?) ago)\b",
    re.IGNORECASE,
)


_DAY_OF_MONTH = re.compile(_MONTH + r" \d{1,2}\b|\b\d{1,2} " + _MONTH)


def names_a_day(text: str) -> bool:
    """Whether the text names a calendar day: "on July 29", "24 October 1970"."""
    return _DAY_OF_MONTH.search(text) is not None


def _month_before(published: dt.date, month: int) -> dt.date:
    year = published.year if month <= published.month else published.year - 1
    return dt.date(year, month, 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(text: str, published: dt.date | None) -> tuple[dt.date, Precision] | None:
    """The first date expression in ``text``, resolved against the publication date."""
    text = text[:600]
    if m := _FULL_MDY.search(text):
        date = _safe_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        return (date, "day") if date else None
    if m := _FULL_DMY.search(text):
        date = _safe_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        return (date, "day") if date else None
    if m := _MONTH_YEAR.search(text):
        return dt.date(int(m.group(2)), MONTHS[m.group(1).lower()], 1), "month"
    if published is None:
        return None
    if m := _MONTH_DAY.search(text):
        month = MONTHS[m.group(1).lower()]
        base = _month_before(published, month)
        date = _safe_date(base.year, month, int(m.group(2)))
        return (date, "day") if date else None
    if m := _DAY_MONTH.search(text):
        month = MONTHS[m.group(2).lower()]
        base = _month_before(published, month)
        date = _safe_date(base.year, month, int(m.group(1)))
        return (date, "day") if date else None
    if m := _IN_MONTH.search(text):
        month = MONTHS[m.group(1).lower()]
        return _month_before(published, month), "month"
    if m := _WEEKDAY.search(text):
        weekday = WEEKDAYS[m.group(1).lower()]
        delta = (published.weekday() - weekday) % 7
        if delta == 0 and m.group(0).lower().startswith("last"):
            delta = 7
        return published - dt.timedelta(days=delta), "day"
    if m := _RELATIVE.search(text):
        return _relative(m.group(1).lower(), published)
    return None


def _relative(phrase: str, published: dt.date) -> tuple[dt.date, Precision] | None:
    if phrase == "yesterday":
        return published - dt.timedelta(days=1), "day"
    if phrase in ("this week", "this month", "earlier this month", "earlier this year"):
        return None  # too vague to beat the publication date
    if phrase in ("last week", "earlier this week"):
        return published - dt.timedelta(days=7 if phrase == "last week" else 2), "month"
    if phrase == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1), "month"
    if phrase == "last year":
        return dt.date(published.year - 1, 1, 1), "year"
    count_word, unit = phrase.split()[:2]
    count = int(count_word) if count_word.isdigit() else NUMBERS.get(count_word, 1)
    if unit.startswith("day"):
        return published - dt.timedelta(days=count), "day"
    if unit.startswith("week"):
        return published - dt.timedelta(weeks=count), "month"
    if unit.startswith("month"):
        month_index = published.year * 12 + published.month - 1 - count
        return dt.date(month_index // 12, month_index % 12 + 1, 1), "month"
    if unit.startswith("year"):
        return dt.date(published.year - count, published.month, 1), "month"
    return None
