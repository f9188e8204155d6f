"""The REST API for actors, issues, statements and stances (mounted under /api/v1/).

Reads are open: anonymous callers see approved statements only, people who may view statements
(analysts, curators) see every status. Each write names the permission it needs in
``write_permissions`` and goes input serializer -> service -> output serializer.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.db.models import F, Q, QuerySet
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import BasePagination, CursorPagination
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from positions import filters, queries, services
from positions.models import Actor, Issue, Stance, Statement
from positions.serializers import (
    ActorIn,
    ActorOut,
    BulkReviewIn,
    BulkReviewOut,
    ChangesQueryIn,
    CurrentPositionOut,
    IssueIn,
    IssueOut,
    MergeIn,
    MergeOut,
    PositionChangeOut,
    ReviewIn,
    StanceIn,
    StanceOut,
    StatementCorrectionIn,
    StatementIn,
    StatementOut,
    TimelineEntryOut,
)

SLUG = r"[-a-zA-Z0-9_]+"
ID = r"[0-9]{1,18}"  # longer numbers cannot be ids: 404 from the URL, not an overflow


def sees_unreviewed(request: Request) -> bool:
    """Whether the caller may see pending and rejected statements (analysts and curators)."""
    return request.user.has_perm("positions.view_statement")


class WritePermission(BasePermission):
    """Reads are open to everyone; a write needs the permission its view names for the action.

    An anonymous write gets 401 (with WWW-Authenticate: Token), a signed-in one without the
    permission 403; a write no view named is refused.
    """

    def has_permission(self, request: Request, view: APIView) -> bool:
        method = request.method.lower()
        if request.method in SAFE_METHODS or not hasattr(view, method):
            return True  # reads, and methods the view lacks (which then answer 405)
        if not request.user or not request.user.is_authenticated:
            return False
        needed = getattr(view, "write_permissions", {}).get(getattr(view, "action", None))
        return bool(needed) and request.user.has_perm(needed)


# --- Pagination -----------------------------------------------------------------------------


class NameOrder(CursorPagination):
    """Alphabetical, by a cursor; for the short lists (actors, issues, outlets)."""

    ordering = "name"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class NewestFirst(CursorPagination):
    """Newest first by id: unique and indexed, so a page 1,000 deep costs what the first does."""

    ordering = "-id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


TIMELINE_ORDER = (
    F("statement__said_on").desc(nulls_first=True),
    F("statement_id").desc(),
    F("issue_id").asc(),
)


class TimelineCursor(BasePagination):
    """A keyset cursor over (said_on, statement, issue), newest first and undated first.

    DRF's CursorPagination keys on one column and falls back to offsets on ties; a timeline has
    many statements per day and undated ones, so this one keys on the whole sort order, which
    is what the statement_speaker_timeline index (speaker, -said_on, -id) serves.
    """

    page_size = 50
    max_page_size = 500
    invalid_cursor = "The cursor is not valid; follow the 'next' link of the previous page."

    def paginate_queryset(
        self,
        queryset: QuerySet[Stance],
        request: Request,
        view: APIView | None = None,  # noqa: ARG002
    ) -> list[Stance]:
        self.request = request
        self.page_size = self._page_size(request)
        encoded = request.query_params.get("cursor")
        if encoded:
            said_on, statement_id, issue_id = self._decode(encoded)
            queryset = queryset.filter(self._after(said_on, statement_id, issue_id))
        rows = list(queryset.order_by(*TIMELINE_ORDER)[: self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        self.page = rows[: self.page_size]
        return self.page

    def _page_size(self, request: Request) -> int:
        # As DRF's paginators: a missing or unusable value means the default size.
        try:
            wanted = int(request.query_params.get("page_size", ""))
        except ValueError:
            return self.page_size
        return min(wanted, self.max_page_size) if wanted > 0 else self.page_size

    @staticmethod
    def _after(said_on: dt.date | None, statement_id: int, issue_id: int) -> Q:
        same_statement_later_issue = Q(statement_id=statement_id, issue_id__gt=issue_id)
        if said_on is None:
            return Q(statement__said_on__isnull=False) | Q(
                Q(statement__said_on__isnull=True)
                & (Q(statement_id__lt=statement_id) | same_statement_later_issue)
            )
        # The redundant "said_on <= d" lets the index start at the cursor's date.
        return Q(statement__said_on__lte=said_on) & (
            Q(statement__said_on__lt=said_on)
            | Q(statement__said_on=said_on, statement_id__lt=statement_id)
            | Q(statement__said_on=said_on) & same_statement_later_issue
        )

    def _decode(self, encoded: str) -> tuple[dt.date | None, int, int]:
        try:
            raw = base64.urlsafe_b64decode(encoded.encode("ascii")).decode("ascii")
            day, statement_id, issue_id = raw.split("|")
            said_on = dt.date.fromisoformat(day) if day else None
            ids = int(statement_id), int(issue_id)
        except (ValueError, UnicodeError, binascii.Error) as error:
            raise NotFound(self.invalid_cursor) from error
        if not all(0 < i < 2**63 for i in ids):
            raise NotFound(self.invalid_cursor)
        return said_on, *ids

    def _next_link(self) -> str | None:
        if not self.has_next or not self.page:
            return None
        last = self.page[-1]
        said_on = last.statement.said_on.isoformat() if last.statement.said_on else ""
        raw = f"{said_on}|{last.statement_id}|{last.issue_id}"
        params = self.request.query_params.copy()
        params["cursor"] = base64.urlsafe_b64encode(raw.encode("ascii")).decode("ascii")
        url = self.request.build_absolute_uri(self.request.path)
        return f"{url}?{urlencode(params, doseq=True)}"

    def get_paginated_response(self, data: list[Any]) -> Response:
        return Response({"next": self._next_link(), "results": data})

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        return [
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": "The pagination cursor value (from a 'next' link).",
                "schema": {"type": "string"},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": f"Entries per page (at most {self.max_page_size}).",
                "schema": {"type": "integer"},
            },
        ]


# --- Actors ---------------------------------------------------------------------------------


def _merged_redirect(request: Request, slug: str) -> HttpResponsePermanentRedirect:
    """A 301 to where a merged actor's address now points; 404 if the slug never existed."""
    _actor, target = queries.actor_by_slug_or_merge(slug)
    if target is None:
        raise NotFound(f"No actor has the slug {slug!r}.")
    path = request.path.replace(f"/actors/{slug}/", f"/actors/{target.slug}/", 1)
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)


MERGED = OpenApiResponse(description="The actor was merged into another: Location is its address.")


@extend_schema_view(
    list=extend_schema(summary="Actors, alphabetical", tags=["actors"]),
    retrieve=extend_schema(
        summary="An actor with its aliases and affiliations",
        tags=["actors"],
        responses={200: ActorOut, 301: MERGED},
    ),
)
class ActorViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [WritePermission]
    serializer_class = ActorOut
    filterset_class = filters.ActorFilter
    filter_backends = [*viewsets.GenericViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["name", "created_at"]
    ordering = "name"
    pagination_class = NameOrder
    lookup_field = "slug"
    lookup_value_regex = SLUG
    write_permissions = {"create": "positions.add_actor", "merge": "positions.merge_actors"}

    def get_queryset(self) -> QuerySet[Actor]:
        return queries.api_actors(include_unreviewed=sees_unreviewed(self.request))

    def retrieve(self, request: Request, slug: str) -> Response | HttpResponsePermanentRedirect:
        actor = self.get_queryset().filter(slug=slug).first()
        if actor is None:
            return _merged_redirect(request, slug)
        return Response(ActorOut(actor).data)

    @extend_schema(
        summary="Add an actor (curators)",
        tags=["actors"],
        request=ActorIn,
        responses={201: ActorOut},
        examples=[
            OpenApiExample(
                "A minister",
                value={
                    "name": "Sergey Lavrov",
                    "kind": "person",
                    "wikidata_id": "Q131739",
                    "aliases": ["Lavrov"],
                },
                request_only=True,
            )
        ],
    )
    def create(self, request: Request) -> Response:
        data = _valid(ActorIn, request)
        actor = services.create_actor(**data)
        actor = self.get_queryset().get(pk=actor.pk)
        return Response(ActorOut(actor).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Merge this actor into another (curators)",
        description="This actor's statements, aliases and affiliations move to `into`, its name "
        "becomes an alias there, and its address redirects to the remaining actor.",
        tags=["actors"],
        request=MergeIn,
        responses={200: MergeOut},
    )
    @action(detail=True, methods=["post"])
    def merge(self, request: Request, slug: str) -> Response:
        source = get_object_or_404(Actor, slug=slug)
        data = _valid(MergeIn, request)
        result = services.merge_actors(source=source, target=data["into"], by=request.user)
        return Response(MergeOut(result).data)


_EXAMPLE_ARTICLE = {
    "id": 10,
    "title": "[Demo] Freedonia's shifting line on peacekeepers in Ukraine",
    "url": "",
    "published_at": "2025-09-15T12:00:00Z",
    "outlet": {"slug": "stancebook-demo-data", "name": "Stancebook demo data"},
}
_EXAMPLE_STATEMENT = {
    "id": 102,
    "text": "We will not send Freedonian soldiers to Ukraine under any mandate",
    "kind": "direct",
    "said_on": "2025-09-12",
    "said_on_precision": "day",
    "via": "",
    "article": _EXAMPLE_ARTICLE,
    "start": 528,
    "end": 593,
    "review_status": "approved",
    "is_demo": True,
}
_EXAMPLE_ACTOR = {"slug": "rufus-firefly", "name": "Rufus Firefly", "kind": "person"}
POSITION_EXAMPLE = OpenApiExample(
    "An actor's latest stance",
    value={
        "actor": _EXAMPLE_ACTOR,
        "position": "oppose",
        "confidence": 1.0,
        "statement": _EXAMPLE_STATEMENT,
    },
    response_only=True,
)
CHANGE_EXAMPLE = OpenApiExample(
    "From conditional support to opposition",
    value={
        "actor": _EXAMPLE_ACTOR,
        "position": "oppose",
        "previous_position": "conditional",
        "previous_said_on": "2025-06-01",
        "statement": _EXAMPLE_STATEMENT,
    },
    response_only=True,
)


@extend_schema(
    summary="An actor's positions over time",
    description="Stances newest first (undated first), each with the position the actor held "
    "on the same issue just before and whether this one changed it.",
    tags=["actors"],
    responses={200: TimelineEntryOut(many=True), 301: MERGED},
)
class ActorTimeline(generics.ListAPIView):
    permission_classes = [WritePermission]
    serializer_class = TimelineEntryOut
    filterset_class = filters.TimelineFilter
    pagination_class = TimelineCursor

    def get(self, request: Request, slug: str) -> Response | HttpResponsePermanentRedirect:
        self.actor = Actor.objects.filter(slug=slug).first()
        if self.actor is None:
            return _merged_redirect(request, slug)
        return self.list(request)

    def get_queryset(self) -> QuerySet[Stance]:
        if getattr(self, "swagger_fake_view", False):
            return Stance.objects.none()
        return queries.timeline_stances(
            self.actor, include_pending=sees_unreviewed(self.request)
        ).order_by(*TIMELINE_ORDER)


# --- Issues ---------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Issues, alphabetical", tags=["issues"]),
    retrieve=extend_schema(summary="An issue", tags=["issues"]),
)
class IssueViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [WritePermission]
    serializer_class = IssueOut
    filterset_class = filters.IssueFilter
    filter_backends = [*viewsets.GenericViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["name", "created_at"]
    ordering = "name"
    pagination_class = NameOrder
    lookup_field = "slug"
    lookup_value_regex = SLUG
    queryset = Issue.objects.select_related("parent")
    write_permissions = {"create": "positions.add_issue"}

    @extend_schema(
        summary="Add an issue (curators)",
        tags=["issues"],
        request=IssueIn,
        responses={201: IssueOut},
    )
    def create(self, request: Request) -> Response:
        issue = services.create_issue(**_valid(IssueIn, request))
        return Response(IssueOut(issue).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="The issue's current map: each actor's latest approved stance",
    description="Grouped by position (support, oppose, conditional, neutral), each group "
    "newest first. Undated statements count as the oldest.",
    tags=["issues"],
    responses={200: CurrentPositionOut(many=True)},
    examples=[POSITION_EXAMPLE],
)
class IssuePositions(APIView):
    permission_classes = [WritePermission]

    def get(self, request: Request, slug: str) -> Response:
        issue = get_object_or_404(Issue, slug=slug)
        overview = queries.issue_overview(issue, per_group=None, changes=0)
        stances = [stance for group in overview.groups for stance in group.stances]
        return Response(CurrentPositionOut(stances, many=True).data)


@extend_schema(
    summary="Recent changes of position on the issue, newest first",
    tags=["issues"],
    parameters=[
        OpenApiParameter("since", OpenApiTypes.DATE, description="Changes on or after this date."),
        OpenApiParameter(
            "limit", OpenApiTypes.INT, description="At most this many (1-500, default 50)."
        ),
    ],
    responses={200: PositionChangeOut(many=True)},
    examples=[CHANGE_EXAMPLE],
)
class IssueChanges(APIView):
    permission_classes = [WritePermission]

    def get(self, request: Request, slug: str) -> Response:
        params = _valid_query(ChangesQueryIn, request)
        issue = get_object_or_404(Issue, slug=slug)
        changes = queries.api_issue_changes(issue, since=params.get("since"))
        return Response(PositionChangeOut(changes[: params["limit"]], many=True).data)


# --- Statements -----------------------------------------------------------------------------

STATEMENT_EXAMPLE = {
    "speaker": "sergey-lavrov",
    "speaker_affiliation": "russia",
    "text": "Russia will not tolerate NATO troops in Ukraine.",
    "kind": "direct",
    "article": 42,
    "start": 120,
    "end": 168,
    "said_on": "2025-03-06",
    "stances": [{"issue": "foreign-peacekeepers-in-ukraine", "position": "oppose"}],
}


STATEMENT_OUT_EXAMPLE = {
    "id": 1234,
    "speaker": {"slug": "sergey-lavrov", "name": "Sergey Lavrov", "kind": "person"},
    "speaker_affiliation": {"slug": "russia", "name": "Russia", "kind": "state"},
    "text": "Russia will not tolerate NATO troops in Ukraine.",
    "kind": "direct",
    "said_on": "2025-03-06",
    "said_on_precision": "day",
    "via": "",
    "article": {
        "id": 42,
        "title": "Lavrov rules out European peacekeepers",
        "url": "https://tass.com/politics/1234",
        "published_at": "2025-03-06T10:00:00Z",
        "outlet": {"slug": "tass", "name": "TASS"},
    },
    "start": 120,
    "end": 168,
    "speaker_start": 101,
    "speaker_end": 107,
    "confidence": 0.93,
    "extractor": "rules/1.4",
    "review_status": "approved",
    "reviewed_at": "2025-03-07T08:12:00Z",
    "is_demo": False,
    "note": "",
    "stances": [
        {
            "issue": {
                "slug": "foreign-peacekeepers-in-ukraine",
                "name": "Foreign peacekeepers in Ukraine",
            },
            "position": "oppose",
            "confidence": 0.9,
            "note": "",
        }
    ],
    "created_at": "2025-03-06T11:00:00Z",
    "updated_at": "2025-03-07T08:12:00Z",
}


class StatementQueryset:
    """What the statement list and its exports share: who sees what, and the filters."""

    permission_classes = [WritePermission]
    filterset_class = filters.StatementFilter
    filter_backends = [*viewsets.GenericViewSet.filter_backends, OrderingFilter]
    ordering_fields = ["id"]
    ordering = "-id"
    request: Request

    def get_queryset(self) -> QuerySet[Statement]:
        return queries.api_statements(include_unreviewed=sees_unreviewed(self.request))


@extend_schema_view(
    list=extend_schema(
        summary="Statements, newest first",
        description="Anonymous callers see approved statements only; analysts and curators see "
        "every review status. Paged by a cursor: follow `next`.",
        tags=["statements"],
    ),
    retrieve=extend_schema(
        summary="A statement with its stances and evidence",
        description="`start` and `end` locate `text` in the article's text (characters, end "
        "exclusive): `/api/v1/articles/{article.id}/` has that text.",
        tags=["statements"],
        examples=[
            OpenApiExample("A direct quote", value=STATEMENT_OUT_EXAMPLE, response_only=True)
        ],
    ),
)
class StatementViewSet(
    StatementQueryset, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = StatementOut
    pagination_class = NewestFirst
    lookup_value_regex = ID
    http_method_names = ["get", "post", "patch", "head", "options"]
    write_permissions = {
        "create": "positions.add_statement",
        "partial_update": "positions.change_statement",
        "stances": "positions.add_stance",
        "review": "positions.review_statement",
        "review_many": "positions.review_statement",
    }

    def get_queryset(self) -> QuerySet[Statement]:
        if self.action in {"list", "retrieve"}:
            return super().get_queryset()
        # Writes load whole rows: the list's queryset loads only the columns it shows.
        return Statement.objects.all()

    def _render(self, statement: Statement, code: int = status.HTTP_200_OK) -> Response:
        fresh = queries.api_statements(include_unreviewed=True).get(pk=statement.pk)
        return Response(StatementOut(fresh).data, status=code)

    @extend_schema(
        summary="Record a statement with its stances (curators)",
        tags=["statements"],
        request=StatementIn,
        responses={201: StatementOut},
        examples=[OpenApiExample("A direct quote", value=STATEMENT_EXAMPLE, request_only=True)],
    )
    def create(self, request: Request) -> Response:
        data = _valid(StatementIn, request)
        stances = [services.StanceInput(**s) for s in data.pop("stances")]
        statement = services.record_statement(**data, stances=stances, created_by=request.user)
        return self._render(statement, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Correct a statement (curators)",
        description="Only the fields sent change; the span is checked against the article again.",
        tags=["statements"],
        request=StatementCorrectionIn,
        responses={200: StatementOut},
        examples=[
            OpenApiExample("Fix the date", value={"said_on": "2025-03-07"}, request_only=True)
        ],
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        statement = self.get_object()
        for field, value in _valid(StatementCorrectionIn, request).items():
            setattr(statement, field, value)
        services.save_statement_edit(statement=statement, by=request.user)
        return self._render(statement)

    @extend_schema(
        summary="Set the statement's stance on an issue (curators)",
        description="One stance per statement and issue: sending the issue again replaces it.",
        tags=["statements"],
        request=StanceIn,
        responses={200: StanceOut},
        examples=[
            OpenApiExample(
                "Opposes",
                value={"issue": "foreign-peacekeepers-in-ukraine", "position": "oppose"},
                request_only=True,
            )
        ],
    )
    @action(detail=True, methods=["post"])
    def stances(self, request: Request, pk: str) -> Response:
        statement = self.get_object()
        data = _valid(StanceIn, request)
        stance = services.set_stance(statement=statement, **data, by=request.user)
        return Response(StanceOut(stance).data)

    @extend_schema(
        summary="Approve, reject or reopen a statement (curators)",
        tags=["statements"],
        request=ReviewIn,
        responses={200: StatementOut},
        examples=[OpenApiExample("Approve", value={"status": "approved"}, request_only=True)],
    )
    @action(detail=True, methods=["post"])
    def review(self, request: Request, pk: str) -> Response:
        statement = self.get_object()
        data = _valid(ReviewIn, request)
        services.review_statements(
            statements=[statement.pk], status=data["status"], by=request.user
        )
        return self._render(statement)

    @extend_schema(
        summary="Approve, reject or reopen many statements (curators)",
        operation_id="statements_review_many",
        tags=["statements"],
        request=BulkReviewIn,
        responses={200: BulkReviewOut},
    )
    @action(detail=False, methods=["post"], url_path="review")
    def review_many(self, request: Request) -> Response:
        data = _valid(BulkReviewIn, request)
        changed = services.review_statements(
            statements=data["statements"], status=data["status"], by=request.user
        )
        return Response({"changed": changed})


@extend_schema(exclude=True)
class NotFoundView(APIView):
    """Every address under /api/ that no route matches: a JSON 404 whatever the method."""

    permission_classes: list[type[BasePermission]] = []  # nothing here to protect

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        self.http_method_names = [request.method.lower()]
        setattr(self, request.method.lower(), self.not_found)
        return super().dispatch(request, *args, **kwargs)

    def not_found(self, request: Request, *args: Any, **kwargs: Any) -> Response:  # noqa: ANN401
        raise NotFound(f"Nothing is at {request.path}; see /api/schema/ for the API's addresses.")


# --- Helpers --------------------------------------------------------------------------------


def _valid(serializer_class: type, request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _valid_query(serializer_class: type, request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)
