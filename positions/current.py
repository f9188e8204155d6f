"""Each actor's current position per issue and the points where it changed, kept on Stance.

An issue page must say, for every actor, its latest approved stance, and list the latest changes
of position. Worked out from scratch that means reading every stance of the issue: 90,000 rows
and most of a second for a busy issue on a million statements. So ``Stance.is_current`` and
``Stance.is_change`` (with the position changed from, and ``Stance.said_on``, a copy of the
statement's date) are kept up to date by :func:`refresh`, which every service that changes a
statement's speaker, date or review status, or a stance, calls for the (speaker, issue) pairs it
touched. :func:`rebuild_all` recomputes everything (``manage.py rebuild_positions``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.db.models import Q

from positions.models import ReviewStatus, Stance

Pair = tuple[int, int]  # (speaker id, issue id)


@dataclass(frozen=True)
class Row:
    stance_id: int
    position: str
    said_on: dt.date | None
    statement_id: int
    is_approved: bool


@dataclass(frozen=True)
class Derived:
    """What a stance row keeps about its place in its actor's history on its issue."""

    is_current: bool = False
    is_change: bool = False
    changed_from: str = ""  # for a change: the position before it
    changed_from_on: dt.date | None = None  # ... and when that was said
    said_on: dt.date | None = None  # the statement's date


FIELDS = ["is_current", "is_change", "changed_from", "changed_from_on", "said_on"]


def derive(rows: Sequence[Row]) -> dict[int, Derived]:
    """The derived values of each stance of one speaker on one issue.

    Approved stances count, in time order (undated first, then by statement): the last one is
    current, and one whose position differs from the approved one before it is a change.
    Stances of pending or rejected statements are neither.
    """
    approved = sorted(
        (r for r in rows if r.is_approved),
        key=lambda r: (r.said_on or dt.date.min, r.statement_id),
    )
    result = {r.stance_id: Derived(said_on=r.said_on) for r in rows}
    previous: Row | None = None
    for row in approved:
        if previous is not None and previous.position != row.position:
            result[row.stance_id] = Derived(
                is_change=True,
                changed_from=previous.position,
                changed_from_on=previous.said_on,
                said_on=row.said_on,
            )
        previous = row
    if previous is not None:
        last = result[previous.stance_id]
        result[previous.stance_id] = Derived(
            True, last.is_change, last.changed_from, last.changed_from_on, last.said_on
        )
    return result


def flags(rows: Sequence[Row]) -> dict[int, tuple[bool, bool]]:
    """(is_current, is_change) for each stance of one speaker on one issue (see derive)."""
    return {pk: (d.is_current, d.is_change) for pk, d in derive(rows).items()}


def _rows(query: Q) -> Iterator[tuple[Pair, Row, Derived]]:
    values = (
        Stance.objects.filter(query)
        .order_by("statement__speaker_id", "issue_id")
        .values_list(
            "statement__speaker_id",
            "issue_id",
            "id",
            "position",
            "statement__said_on",
            "statement_id",
            "statement__review_status",
            *FIELDS,
        )
    )
    for speaker, issue, stance, position, said_on, statement, status, *stored in values.iterator(
        chunk_size=5000
    ):
        row = Row(stance, position, said_on, statement, status == ReviewStatus.APPROVED)
        yield (speaker, issue), row, Derived(*stored)


def _apply(groups: Iterable[tuple[list[Row], dict[int, Derived]]]) -> int:
    """Write the values that differ from what is stored; returns how many stances changed."""
    batch: list[Stance] = []
    changed = 0
    for rows, stored in groups:
        for stance_id, wanted in derive(rows).items():
            if stored[stance_id] != wanted:
                values = {name: getattr(wanted, name) for name in FIELDS}
                batch.append(Stance(pk=stance_id, **values))
        if len(batch) >= 2000:  # written as it goes, so a full rebuild keeps memory flat
            Stance.objects.bulk_update(batch, FIELDS)
            changed, batch = changed + len(batch), []
    if batch:
        Stance.objects.bulk_update(batch, FIELDS)
    return changed + len(batch)


def _grouped(query: Q) -> Iterator[tuple[list[Row], dict[int, Derived]]]:
    current_pair: Pair | None = None
    rows: list[Row] = []
    stored: dict[int, Derived] = {}
    for pair, row, values in _rows(query):
        if pair != current_pair and rows:
            yield rows, stored
            rows, stored = [], {}
        current_pair = pair
        rows.append(row)
        stored[row.stance_id] = values
    if rows:
        yield rows, stored


def refresh(pairs: Iterable[Pair]) -> int:
    """Recompute the flags of the given (speaker id, issue id) pairs; returns rows changed."""
    pairs = set(pairs)
    if not pairs:
        return 0
    query = Q()
    for speaker_id, issue_id in pairs:
        query |= Q(statement__speaker_id=speaker_id, issue_id=issue_id)
    return _apply(_grouped(query))


def refresh_statements(statement_ids: Iterable[int], *, also_speakers: Iterable[int] = ()) -> int:
    """Refresh every pair the statements' stances belong to (and the same issues for
    ``also_speakers``, e.g. a statement's former speaker)."""
    ids = list(statement_ids)
    pairs = set(
        Stance.objects.filter(statement_id__in=ids).values_list("statement__speaker_id", "issue_id")
    )
    issues = {issue for _, issue in pairs}
    pairs |= {(speaker, issue) for speaker in also_speakers for issue in issues}
    return refresh(pairs)


def refresh_speakers(speaker_ids: Iterable[int]) -> int:
    """Refresh every pair of the given speakers (after a merge moved their statements)."""
    return _apply(_grouped(Q(statement__speaker_id__in=list(speaker_ids))))


def rebuild_all() -> int:
    """Recompute the flags of every stance (after a bulk import); returns rows changed."""
    return _apply(_grouped(Q()))
