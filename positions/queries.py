"""Reads that answer the product's questions, with the related rows each page needs loaded."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import ExtractMonth, ExtractYear

from positions.models import (
    Actor,
    ActorMerge,
    Affiliation,
    Issue,
    Position,
    ReviewStatus,
    Stance,
    Statement,
)
from sources.models import Outlet


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

    @property
    def previous_label(self) -> str:
        return Position(self.previous_position).label if self.previous_position else ""


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
    """For each actor, its latest approved stance on the issue (kept as Stance.is_current)."""
    stances = Stance.objects.filter(issue=issue, is_current=True).select_related(
        "statement__speaker", "statement__article__outlet"
    )
    return sorted(stances, key=lambda s: (s.position, s.statement.speaker.name.casefold()))


# --- The analysts' pages (issue 6) ----------------------------------------------------------
# Built for large timelines: each function runs a fixed number of queries, pages in SQL, and
# leans on the statement_speaker_timeline and stance_issue_statement indexes.


@dataclass(frozen=True)
class TimelineFilter:
    """What an actor's timeline is narrowed to; empty values mean "any"."""

    issue: str = ""  # issue slug
    position: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str = ""  # outlet slug
    status: str = ""  # review status; honoured only within the visible statuses


def _previous_position(actor_id: int, statuses: tuple[str, ...]) -> Subquery:
    """The actor's position on the same issue in the statement just before (by date, then id).

    Undated statements can't be placed in time, so they are never the "before" of a change.
    The redundant ``said_on <= outer`` keeps the condition usable by the speaker index.
    """
    outer_date = OuterRef("statement__said_on")
    earlier = (
        Stance.objects.filter(
            issue_id=OuterRef("issue_id"),
            statement__speaker_id=actor_id,
            statement__review_status__in=statuses,
            statement__said_on__lte=outer_date,
        )
        .filter(Q(statement__said_on__lt=outer_date) | Q(statement_id__lt=OuterRef("statement_id")))
        .order_by("-statement__said_on", "-statement_id")
        .values("position")[:1]
    )
    return Subquery(earlier)


def timeline_stances(
    actor: Actor, filters: TimelineFilter = TimelineFilter(), *, include_pending: bool = False
) -> QuerySet[Stance]:
    """The actor's stances newest first, filtered, each annotated with ``previous_position``
    (its position on the issue just before), with issue, statement, article and outlet."""
    statuses = visible_statuses(include_pending=include_pending)
    shown = (filters.status,) if filters.status in statuses else statuses
    qs = (
        Stance.objects.filter(statement__speaker=actor, statement__review_status__in=shown)
        .select_related("issue", "statement__article__outlet")
        .annotate(previous_position=_previous_position(actor.pk, statuses))
        .order_by("-statement__said_on", "-statement_id", "issue_id")
    )
    if filters.issue:
        qs = qs.filter(issue__slug=filters.issue)
    if filters.position:
        qs = qs.filter(position=filters.position)
    if filters.since:
        qs = qs.filter(statement__said_on__gte=filters.since)
    if filters.until:
        qs = qs.filter(statement__said_on__lte=filters.until)
    if filters.outlet:
        qs = qs.filter(statement__article__outlet__slug=filters.outlet)
    return qs


def timeline_page(
    actor: Actor,
    filters: TimelineFilter = TimelineFilter(),
    *,
    include_pending: bool = False,
    page: int = 1,
    per_page: int = 50,
) -> tuple[list[TimelineEntry], bool]:
    """One page of the actor's filtered timeline, newest first, and whether older ones exist.

    Fetches one row more than the page instead of counting: one query whatever the length.
    """
    offset = (max(page, 1) - 1) * per_page
    qs = timeline_stances(actor, filters, include_pending=include_pending)
    rows = list(qs[offset : offset + per_page + 1])
    entries = [TimelineEntry(stance, stance.previous_position) for stance in rows[:per_page]]
    return entries, len(rows) > per_page


@dataclass(frozen=True)
class IssueCount:
    issue_id: int
    slug: str
    name: str
    # (year, month, position, number of stances), oldest first
    cells: list[tuple[int, int, str, int]]

    @property
    def total(self) -> int:
        return sum(n for *_, n in self.cells)


def issue_counts_by_month(actor: Actor, *, include_pending: bool = False) -> QuerySet[Stance]:
    """(issue id, slug, name, year, month, position, count) rows of the actor's dated stances."""
    return (
        Stance.objects.filter(
            statement__speaker=actor,
            statement__review_status__in=visible_statuses(include_pending=include_pending),
            statement__said_on__isnull=False,
        )
        .values_list(
            "issue_id",
            "issue__slug",
            "issue__name",
            ExtractYear("statement__said_on"),
            ExtractMonth("statement__said_on"),
            "position",
        )
        .annotate(n=Count("id"))
        .order_by()
    )


def actor_issue_summary(actor: Actor, *, include_pending: bool = False) -> list[IssueCount]:
    """For each issue the actor spoke on, its stances counted by month and position; the
    busiest issue first. One aggregate query, for the chart and the issue filter."""
    rows = issue_counts_by_month(actor, include_pending=include_pending)
    by_issue: dict[int, IssueCount] = {}
    for issue_id, slug, name, year, month, position, n in rows:
        entry = by_issue.setdefault(issue_id, IssueCount(issue_id, slug, name, []))
        entry.cells.append((year, month, position, n))
    for entry in by_issue.values():
        entry.cells.sort()
    return sorted(by_issue.values(), key=lambda e: (-e.total, e.name.casefold()))


def actor_profile(actor: Actor) -> Actor:
    """The actor again, with aliases and affiliations (organisation loaded) prefetched."""
    return (
        Actor.objects.filter(pk=actor.pk)
        .prefetch_related(
            "aliases",
            Prefetch(
                "affiliations",
                queryset=Affiliation.objects.select_related("organisation").order_by(
                    F("start_on").desc(nulls_last=True), "role"
                ),
            ),
        )
        .get()
    )


@dataclass(frozen=True)
class IssueMapGroup:
    position: str
    label: str
    count: int
    stances: list[Stance]  # the most recent few, with speaker, statement, article and outlet


@dataclass(frozen=True)
class RecentChange:
    """An actor's approved position on an issue differing from its previous one."""

    stance: Stance  # the new position, with speaker, statement, article and outlet
    previous_position: str
    previous_said_on: dt.date | None

    @property
    def previous_label(self) -> str:
        return Position(self.previous_position).label


@dataclass(frozen=True)
class IssueOverview:
    groups: list[IssueMapGroup]  # one per position, in Position order
    changes: list[RecentChange]  # newest first


def issue_stance_rows(issue: Issue) -> QuerySet[Stance]:
    """(stance id, position, speaker id, said on, statement id) of every approved stance on
    the issue: narrow rows, found through the stance_issue_statement index."""
    return (
        Stance.objects.filter(issue=issue, statement__review_status=ReviewStatus.APPROVED)
        .order_by()  # no join to issues for Stance's default order: the caller sorts
        .values_list(
            "id", "position", "statement__speaker_id", "statement__said_on", "statement_id"
        )
    )


def recent_changes(issue: Issue, *, limit: int = 20) -> list[RecentChange]:
    """The latest dated changes of position on the issue, newest first, each with the position
    it moved from: one query, straight off the stance_issue_changed index."""
    changed = api_issue_changes(issue)[:limit]
    return [RecentChange(s, s.changed_from, s.changed_from_on) for s in changed]


def issue_overview(issue: Issue, *, per_group: int | None = 12, changes: int = 20) -> IssueOverview:
    """Who stands where on the issue now (actors grouped by their latest approved stance, each
    group newest first, ``per_group`` shown) and the latest changes of position.

    Reads only the issue's current stances (Stance.is_current, one per actor) and its latest
    changes (Stance.is_change), through their partial indexes: three queries whatever the
    issue's history. Undated statements count as the oldest.
    """
    current = (
        Stance.objects.filter(issue=issue, is_current=True)
        .order_by()
        .values_list("id", "position", "statement__said_on", "statement_id")
    )
    latest: dict[str, list[tuple[dt.date, int, int]]] = {p: [] for p in Position.values}
    for stance_id, position, said_on, statement_id in current:
        latest[position].append((said_on or dt.date.min, statement_id, stance_id))
    if per_group is None:
        shown = {p: sorted(rows, reverse=True) for p, rows in latest.items()}
    else:
        shown = {p: heapq.nlargest(per_group, rows) for p, rows in latest.items()}
    wanted = [row[2] for rows in shown.values() for row in rows]
    stances = Stance.objects.select_related(
        "statement__speaker", "statement__article__outlet"
    ).in_bulk(wanted)
    groups = [
        IssueMapGroup(p, Position(p).label, len(latest[p]), [stances[r[2]] for r in rows])
        for p, rows in shown.items()
    ]
    return IssueOverview(groups, recent_changes(issue, limit=changes) if changes else [])


def compare_actors(issue: Issue, slugs: Iterable[str]) -> dict[Actor, list[Stance]]:
    """The approved stances of the named actors on the issue, oldest first, per actor (in the
    order the slugs were given); unknown slugs are left out. Two queries."""
    slugs = list(dict.fromkeys(slugs))
    actors = {a.slug: a for a in Actor.objects.filter(slug__in=slugs)}
    per_actor: dict[Actor, list[Stance]] = {actors[s]: [] for s in slugs if s in actors}
    by_id = {a.pk: a for a in per_actor}
    stances = (
        Stance.objects.filter(
            issue=issue,
            statement__speaker_id__in=list(by_id),
            statement__review_status=ReviewStatus.APPROVED,
        )
        .select_related("statement__article__outlet")
        .order_by(F("statement__said_on").asc(nulls_first=True), "statement_id")
    )
    for stance in stances:
        per_actor[by_id[stance.statement.speaker_id]].append(stance)
    return per_actor


def article_statements(article_id: int, *, include_pending: bool = False) -> list[Statement]:
    """The article's statements in text order, with speaker and stances (issue loaded); those
    who may review also see pending and rejected ones."""
    qs = Statement.objects.filter(article_id=article_id)
    if not include_pending:
        qs = qs.approved()
    return list(
        qs.select_related("speaker", "speaker_affiliation", "reviewed_by")
        .prefetch_related(Prefetch("stances", queryset=Stance.objects.select_related("issue")))
        .order_by(F("start").asc(nulls_last=True), "id")
    )


# --- The REST API (positions/api.py) --------------------------------------------------------
# Lists there are paged by a cursor, so these return unsliced querysets with the related rows
# each row's serializer reads already joined or prefetched.


def api_statements(*, include_unreviewed: bool) -> QuerySet[Statement]:
    """Statements with speaker, affiliation, article and outlet joined and stances (with their
    issues) prefetched; approved ones only unless ``include_unreviewed``."""
    stances = (
        Stance.objects.select_related("issue")
        .only("statement", "issue", "position", "confidence", "note", "issue__slug", "issue__name")
        .order_by("issue_id")
    )
    qs = (
        Statement.objects.select_related("speaker", "speaker_affiliation", "article__outlet")
        # Only the columns a row shows: on the 1M-statement benchmark the article's texts
        # and the other joined columns made fetching a page take twice as long.
        .only(*API_STATEMENT_FIELDS)
        .prefetch_related(Prefetch("stances", queryset=stances))
    )
    return qs if include_unreviewed else qs.approved()


API_STATEMENT_FIELDS = (
    *(
        f.name
        for f in Statement._meta.concrete_fields
        if f.name not in {"created_by", "reviewed_by"}
    ),
    *(
        f"{actor}__{field}"
        for actor in ("speaker", "speaker_affiliation")
        for field in ("slug", "name", "kind")
    ),
    *(f"article__{field}" for field in ("title", "url", "published_at")),
    "article__outlet",
    "article__outlet__slug",
    "article__outlet__name",
)


def api_issue_changes(issue: Issue, *, since: dt.date | None = None) -> QuerySet[Stance]:
    """The issue's dated changes of position, newest first, with speaker, statement, article
    and outlet: :func:`recent_changes` as a queryset the API can narrow and slice. The position
    each moved from is on the stance (``changed_from``, ``changed_from_on``)."""
    qs = (
        Stance.objects.filter(issue=issue, is_change=True, said_on__isnull=False)
        .select_related("statement__speaker", "statement__article__outlet")
        .defer("statement__article__raw_html", "statement__article__text")
        .order_by("-said_on", "-statement_id")  # the stance_issue_changed index
    )
    return qs if since is None else qs.filter(said_on__gte=since)


def api_actors(*, include_unreviewed: bool) -> QuerySet[Actor]:
    """Actors with parent, aliases and affiliations (with organisations) loaded; affiliations
    still awaiting review are left out unless ``include_unreviewed``."""
    affiliations = Affiliation.objects.select_related("organisation")
    if not include_unreviewed:
        affiliations = affiliations.filter(needs_review=False)
    return Actor.objects.select_related("part_of").prefetch_related(
        "aliases", Prefetch("affiliations", queryset=affiliations)
    )


def quoted_outlets() -> QuerySet[Outlet]:
    """Outlets, by name: the choices of the timeline's outlet filter."""
    return Outlet.objects.order_by("name")


def statement_for_review(pk: int) -> Statement | None:
    """One statement with what its card on the article page shows, or None."""
    return (
        Statement.objects.filter(pk=pk, article__isnull=False)
        .select_related("speaker", "speaker_affiliation", "reviewed_by")
        .prefetch_related(Prefetch("stances", queryset=Stance.objects.select_related("issue")))
        .first()
    )


def issues_by_name(*, limit: int | None = 60) -> QuerySet[Issue]:
    """The first issues by name (all with ``limit=None``): lists and filter choices."""
    return Issue.objects.order_by("name")[:limit]
