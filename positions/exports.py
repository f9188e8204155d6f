"""CSV and JSON exports of what the pages show: an actor's (filtered) timeline, an issue's map.

Rows are plain dicts built from rows the queries loaded; CSV streams, so a long timeline never
sits in memory as text. Quotes come from articles and are untrusted: in CSV a cell that a
spreadsheet would run as a formula (starting with = + - @ or a control character) gets a
leading apostrophe.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse

from positions.models import Actor, Stance
from positions.queries import IssueMapGroup

TIMELINE_FIELDS = [
    "said_on",
    "actor",
    "issue",
    "issue_slug",
    "position",
    "previous_position",
    "is_change",
    "quote",
    "kind",
    "outlet",
    "article_url",
    "statement_id",
    "review_status",
    "is_demo",
]
ISSUE_MAP_FIELDS = [
    "actor",
    "actor_slug",
    "position",
    "said_on",
    "quote",
    "outlet",
    "article_url",
    "statement_id",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _article_url(request: HttpRequest, stance: Stance) -> str:
    article = stance.statement.article
    return request.build_absolute_uri(article.get_absolute_url()) if article else ""


def _outlet(stance: Stance) -> str:
    article = stance.statement.article
    return article.outlet.name if article and article.outlet else ""


def timeline_rows(
    request: HttpRequest, actor: Actor, stances: Iterable[Stance]
) -> Iterator[dict[str, object]]:
    """One row per stance of the actor's timeline (queries.timeline_stances)."""
    for stance in stances:
        statement = stance.statement
        previous = stance.previous_position  # type: ignore[attr-defined]
        yield {
            "said_on": statement.said_on,
            "actor": actor.name,
            "issue": stance.issue.name,
            "issue_slug": stance.issue.slug,
            "position": stance.position,
            "previous_position": previous or "",
            "is_change": bool(previous and previous != stance.position),
            "quote": statement.text,
            "kind": statement.kind,
            "outlet": _outlet(stance),
            "article_url": _article_url(request, stance),
            "statement_id": statement.pk,
            "review_status": statement.review_status,
            "is_demo": statement.is_demo,
        }


def issue_map_rows(
    request: HttpRequest, groups: Iterable[IssueMapGroup]
) -> list[dict[str, object]]:
    """One row per actor on the issue map, grouped by position as on the page."""
    return [
        {
            "actor": stance.statement.speaker.name,
            "actor_slug": stance.statement.speaker.slug,
            "position": stance.position,
            "said_on": stance.statement.said_on,
            "quote": stance.statement.text,
            "outlet": _outlet(stance),
            "article_url": _article_url(request, stance),
            "statement_id": stance.statement_id,
        }
        for group in groups
        for stance in group.stances
    ]


def safe_cell(value: object) -> object:
    """The value, with a leading quote when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Echo:
    """A file-like object whose write returns the line, for csv.writer to stream through."""

    def write(self, value: str) -> str:
        return value


def csv_response(
    rows: Iterable[dict[str, object]], *, fields: list[str], filename: str
) -> StreamingHttpResponse:
    writer = csv.DictWriter(Echo(), fieldnames=fields)

    def lines() -> Iterator[str]:
        yield writer.writeheader()
        for row in rows:
            yield writer.writerow({k: safe_cell(v) for k, v in row.items()})

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def json_response(payload: dict[str, object], *, filename: str) -> HttpResponse:
    response = JsonResponse(payload, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 1})
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
