"""Geometry for the small server-rendered SVG charts; the templates draw it, escaping all text.

Pure functions over data the queries already loaded: no database access here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from positions.models import Actor, Position, Stance
from positions.queries import IssueCount

POSITION_ORDER = list(Position.values)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Bar:
    """One position's share of a cell, as a rectangle."""

    x: float
    y: float
    width: float
    height: float
    position: str
    title: str


@dataclass(frozen=True)
class Row:
    label: str
    slug: str
    y: float
    text_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class StanceChart:
    width: int
    height: int
    axis_y: int
    label_width: int
    rows: list[Row]
    ticks: list[Tick]
    hidden_issues: int


def _period(year: int, month: int, by_year: bool) -> tuple[int, int]:
    return (year, 0) if by_year else (year, month)


def _period_label(period: tuple[int, int]) -> str:
    year, month = period
    return str(year) if month == 0 else f"{MONTHS[month - 1]} {year}"


def stance_chart(
    issues: Sequence[IssueCount],
    *,
    max_issues: int = 8,
    width: int = 720,
    row_height: int = 22,
    label_width: int = 200,
) -> StanceChart | None:
    """Per issue (busiest first) and per period, a bar split by the positions taken in it.

    Periods are years when the statements span three years or more, months otherwise.
    """
    shown = list(issues[:max_issues])
    if not shown:
        return None
    years = [year for issue in shown for year, *_ in issue.cells]
    by_year = max(years) - min(years) >= 2
    periods = sorted({_period(y, m, by_year) for issue in shown for y, m, *_ in issue.cells})
    if not by_year:  # fill the gaps so that time runs evenly along the axis
        first, last = periods[0], periods[-1]
        periods = []
        year, month = first
        while (year, month) <= last:
            periods.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    column = {p: i for i, p in enumerate(periods)}
    cell_width = (width - label_width) / len(periods)
    rows = []
    for r, issue in enumerate(shown):
        y = r * row_height + 4
        counts: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for year, month, position, n in issue.cells:
            counts[_period(year, month, by_year)][position] += n
        bars = []
        for period, per_position in counts.items():
            total = sum(per_position.values())
            x = label_width + column[period] * cell_width
            offset = 0.0
            for position in POSITION_ORDER:
                n = per_position.get(position, 0)
                if not n:
                    continue
                height = (row_height - 6) * n / total
                bars.append(
                    Bar(
                        x=round(x + 0.5, 1),
                        y=round(y + offset, 1),
                        width=round(max(cell_width - 1, 1), 1),
                        height=round(height, 1),
                        position=position,
                        title=f"{issue.name}, {_period_label(period)}: "
                        f"{n} × {Position(position).label.lower()}",
                    )
                )
                offset += height
        rows.append(Row(issue.name, issue.slug, y, y + row_height / 2 + 1, bars))
    step = max(1, len(periods) // 8)
    ticks = [
        Tick(round(label_width + i * cell_width, 1), _period_label(p))
        for i, p in enumerate(periods)
        if i % step == 0
    ]
    height = len(rows) * row_height + 24
    hidden = max(0, len(issues) - max_issues)
    return StanceChart(width, height, height - 6, label_width, rows, ticks, hidden)


def _time_ticks(first: dt.date, last: dt.date, most: int = 8) -> list[tuple[dt.date, str]]:
    """Axis marks between two dates: years for long spans, months for short ones."""
    if last.year - first.year >= 2:
        years = range(first.year, last.year + 1)
        step = max(1, len(years) // most)
        return [(max(dt.date(y, 1, 1), first), str(y)) for y in years[::step]]
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    step = max(1, -(-len(months) // most))
    return [(max(day, first), f"{MONTHS[day.month - 1]} {day.year}") for day in months[::step]]


@dataclass(frozen=True)
class Dot:
    cx: float
    cy: float
    position: str
    title: str


@dataclass(frozen=True)
class Lane:
    actor: Actor
    y: float
    text_y: float
    dots: list[Dot]


@dataclass(frozen=True)
class CompareChart:
    width: int
    height: int
    axis_y: int
    label_width: int
    lanes: list[Lane]
    ticks: list[Tick]


def compare_chart(
    per_actor: dict[Actor, list[Stance]],
    *,
    width: int = 720,
    lane_height: int = 28,
    label_width: int = 180,
) -> CompareChart | None:
    """One lane per actor, a dot per dated stance on the issue, placed along a shared time axis."""
    dates = [s.statement.said_on for ss in per_actor.values() for s in ss if s.statement.said_on]
    if not per_actor or not dates:
        return None
    first, last = min(dates), max(dates)
    span = max((last - first).days, 1)
    usable = width - label_width - 16

    def x_of(day: dt.date) -> float:
        return round(label_width + 8 + usable * (day - first).days / span, 1)

    lanes = []
    for i, (actor, stances) in enumerate(per_actor.items()):
        y = i * lane_height + lane_height / 2
        dots = [
            Dot(
                x_of(s.statement.said_on),
                y,
                s.position,
                f"{actor.name}, {s.statement.said_on:%-d %b %Y}: {s.get_position_display()}",
            )
            for s in stances
            if s.statement.said_on
        ]
        lanes.append(Lane(actor, y, y + 4, dots))
    ticks = [Tick(x_of(day), label) for day, label in _time_ticks(first, last)]
    height = len(lanes) * lane_height + 24
    return CompareChart(width, height, height - 6, label_width, lanes, ticks)
