"""Reads that answer the product's questions, with the related rows each page needs loaded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber

from positions.models import Actor, ActorMerge, Issue, ReviewStatus, Stance, Statement


def find_actors(name: str) -> QuerySet[Actor]:
    """Actors whose name or alias matches ``name`` whatever its case or accents."""
    return Actor.objects.named(name)


def actor_by_slug_or_merge(slug: str) -> tuple[Actor | None, Actor | None]:
    """(actor, None) for a live slug; (None, target) when the slug's actor was merged away."""
    actor = Actor.objects.filter(slug=slug).first()
    if actor is not None:
        return actor, None
    merge = ActorMerge.objects.filter(source_slug=slug).select_related("target").first()
    return None, merge.target if merge else None


def visible_statuses(*, include_pending: bool) -> tuple[str, ...]:
    if include_pending:
        return (ReviewStatus.APPROVED, ReviewStatus.PENDING)
    return (ReviewStatus.APPROVED,)


def stances_for_actor(
    actor: Actor, *, issue: Issue | None = None, include_pending: bool = False
) -> QuerySet[Stance]:
    """The actor's stances, oldest first, with statement, article, outlet and issue loaded."""
    qs = (
        Stance.objects.filter(
            statement__speaker=actor,
            statement__review_status__in=visible_statuses(include_pending=include_pending),
        )
        .select_related("issue", "statement__article__outlet", "statement__speaker_affiliation")
        .order_by(F("statement__said_on").asc(nulls_first=True), "statement_id", "issue_id")
    )
    return qs if issue is None else qs.filter(issue=issue)


@dataclass(frozen=True)
class TimelineEntry:
    """One stance in an actor's timeline, and whether it differs from the one before."""

    stance: Stance
    previous_position: str | None

    @property
    def statement(self) -> Statement:
        return self.stance.statement

    @property
    def issue(self) -> Issue:
        return self.stance.issue

    @property
    def is_change(self) -> bool:
        return self.previous_position is not None and self.previous_position != self.stance.position


def mark_changes(stances: Iterable[Stance]) -> list[TimelineEntry]:
    """Pair each stance (in time order) with the actor's previous position on the same issue."""
    last: dict[int, str] = {}
    entries = []
    for stance in stances:
        entries.append(TimelineEntry(stance, last.get(stance.issue_id)))
        last[stance.issue_id] = stance.position
    return entries


def actor_timeline(
    actor: Actor, *, issue: Issue | None = None, include_pending: bool = False
) -> list[TimelineEntry]:
    """The actor's positions in time order, each marked where it changed on its issue."""
    return mark_changes(stances_for_actor(actor, issue=issue, include_pending=include_pending))


def current_positions(issue: Issue) -> list[Stance]:
    """For each actor, its latest approved stance on the issue (ties: the later statement)."""
    latest_first = [F("statement__said_on").desc(nulls_last=True), F("statement_id").desc()]
    ranked = (
        Stance.objects.filter(issue=issue, statement__review_status=ReviewStatus.APPROVED)
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("statement__speaker_id")], order_by=latest_first
            )
        )
        .filter(rank=1)
        .select_related("statement__speaker", "statement__article__outlet")
    )
    return sorted(ranked, key=lambda s: (s.position, s.statement.speaker.name.casefold()))


@dataclass(frozen=True)
class PositionChange:
    actor: Actor
    issue: Issue
    before: Stance
    after: Stance


def position_changes(issue: Issue, *, since: dt.date | None = None) -> list[PositionChange]:
    """Where an actor's approved position on the issue differed from its previous one, newest
    first."""
    stances = (
        Stance.objects.filter(issue=issue, statement__review_status=ReviewStatus.APPROVED)
        .select_related("issue", "statement__speaker", "statement__article__outlet")
        .order_by(
            "statement__speaker_id", F("statement__said_on").asc(nulls_first=True), "statement_id"
        )
    )
    changes = []
    previous: Stance | None = None
    for stance in stances:
        same_actor = (
            previous is not None and previous.statement.speaker_id == stance.statement.speaker_id
        )
        if same_actor and previous.position != stance.position:
            changes.append(PositionChange(stance.statement.speaker, issue, previous, stance))
        previous = stance
    if since is not None:
        changes = [
            c for c in changes if c.after.statement.said_on and c.after.statement.said_on >= since
        ]
    return sorted(changes, key=lambda c: c.after.statement.said_on or dt.date.min, reverse=True)
