"""Search for the home page: actors and issues by name, statements by their words.

On PostgreSQL statements are matched with full-text search (English stemming, ranked, served
by the ``statement_search`` GIN index of migration 0002); elsewhere (SQLite in development and
tests) a plain case-insensitive substring match stands in, newest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet

from positions.models import Actor, Issue, Statement
from positions.queries import visible_statuses

MIN_LENGTH = 2
# Ranking recomputes each match's vector, so words found in tens of thousands of statements would
# take seconds: only the first MAX_RANKED matches the index yields (in table order) are ranked.
# Most searches match far fewer; for very broad ones the best of these stand in for the best.
MAX_RANKED = 1000
# The vector must be written exactly as the index expression for the planner to use it.
STATEMENT_VECTOR = SearchVector("text", config="english")


@dataclass(frozen=True)
class SearchResults:
    query: str
    actors: list[Actor] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.actors or self.issues or self.statements)


def search_actors(text: str, *, limit: int = 8) -> list[Actor]:
    """Actors whose name or an alias contains the text, shortest name first."""
    qs = Actor.objects.filter(Q(name__icontains=text) | Q(aliases__name__icontains=text))
    return list(qs.distinct().order_by("name")[:limit])


def search_issues(text: str, *, limit: int = 8) -> list[Issue]:
    return list(Issue.objects.filter(name__icontains=text).order_by("name")[:limit])


def prefix_query(text: str) -> SearchQuery | None:
    """Every word of ``text`` as a prefix ("firefl" finds "Firefly"), as search-as-you-type
    needs; only word characters reach the query, so no input can break its syntax."""
    words = re.findall(r"\w+", text)[:12]
    if not words:
        return None
    return SearchQuery(" & ".join(f"{w}:*" for w in words), config="english", search_type="raw")


def search_statements(
    text: str, *, include_pending: bool = False, limit: int = 20
) -> QuerySet[Statement]:
    """Statements matching the words, best match first (PostgreSQL) or newest first."""
    qs = Statement.objects.filter(
        review_status__in=visible_statuses(include_pending=include_pending)
    ).select_related("speaker", "article__outlet")
    if connection.vendor == "postgresql":
        query = prefix_query(text)
        if query is None:
            return qs.none()
        rank = SearchRank(STATEMENT_VECTOR, query)
        best_first = ["-rank", F("said_on").desc(nulls_last=True), "-id"]
        # Rank only ids (joins come after), and at most MAX_RANKED of the index's matches.
        candidates = (
            Statement.objects.alias(vector=STATEMENT_VECTOR)
            .filter(
                vector=query, review_status__in=visible_statuses(include_pending=include_pending)
            )
            .order_by()
            .values("pk")[:MAX_RANKED]
        )
        best = (
            Statement.objects.filter(pk__in=candidates)
            .annotate(rank=rank)
            .order_by(*best_first)
            .values("pk")[:limit]
        )
        return qs.filter(pk__in=best).annotate(rank=rank).order_by(*best_first)
    qs = qs.filter(text__icontains=text).order_by(F("said_on").desc(nulls_last=True), "-id")
    return qs[:limit]


def search(text: str, *, include_pending: bool = False) -> SearchResults:
    """Everything matching the text; nothing for fewer than two characters. Three queries."""
    text = " ".join(text.split())
    if len(text) < MIN_LENGTH:
        return SearchResults(text)
    return SearchResults(
        text,
        actors=search_actors(text),
        issues=search_issues(text),
        statements=list(search_statements(text, include_pending=include_pending)),
    )
