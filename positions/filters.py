"""django-filter FilterSets for the API's lists; a bad value gives a 400 naming the parameter."""

from __future__ import annotations

from collections.abc import Callable

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from positions import search
from positions.models import (
    Actor,
    ActorAlias,
    ActorKind,
    Issue,
    Position,
    ReviewStatus,
    Stance,
    Statement,
    StatementKind,
)
from positions.names import fold_name
from positions.serializers import MAX_ID
from sources.models import Outlet


@extend_schema_field(OpenApiTypes.INT64)
class IdFilter(django_filters.NumberFilter):
    """A row id: a whole number in the bigint range (beyond it, a 400 rather than an overflow)."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs: object) -> None:
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


def _confidence(lookup: str, help_text: str) -> django_filters.NumberFilter:
    return django_filters.NumberFilter(
        field_name="confidence", lookup_expr=lookup, min_value=0, max_value=1, help_text=help_text
    )


FEW_MATCHES = 2000


def _by_slug(model: type[Model], field: str) -> Callable[..., QuerySet]:
    """A filter method that looks the slug's id up first and filters on the id.

    On the 1M-statement benchmark a join on the slug let the planner guess badly (an unknown
    outlet scanned every statement; the busiest actor sorted all 20,000 of theirs); with the
    id as a literal it uses the column's statistics, and an unknown slug costs nothing.
    """

    def method(
        self: django_filters.FilterSet, queryset: QuerySet, name: str, value: str
    ) -> QuerySet:
        pk = model.objects.filter(slug=value).values_list("pk", flat=True).first()
        return queryset.none() if pk is None else queryset.filter(**{field: pk})

    return method


class StatementFilter(django_filters.FilterSet):
    actor = django_filters.CharFilter(method="_by_actor", help_text="Speaker's slug.")
    affiliation = django_filters.CharFilter(
        method="_by_affiliation", help_text="Slug of the body the speaker spoke for."
    )
    # issue and stance are applied together in filter_queryset: "a stance on this issue with
    # this position", not "some stance on the issue and some stance with the position".
    issue = django_filters.CharFilter(
        method="_later", help_text="Slug of an issue it takes a stance on."
    )
    stance = django_filters.ChoiceFilter(
        choices=Position.choices,
        method="_later",
        help_text="A position it takes (on `issue`, if given).",
    )
    kind = django_filters.ChoiceFilter(choices=StatementKind.choices)
    review_status = django_filters.ChoiceFilter(
        choices=ReviewStatus.choices,
        help_text="Anonymous callers see approved statements only, whatever they ask.",
    )
    outlet = django_filters.CharFilter(method="_by_outlet", help_text="Outlet slug.")
    article = IdFilter(field_name="article_id", help_text="Article id.")
    since = django_filters.DateFilter(
        field_name="said_on", lookup_expr="gte", help_text="Said on or after (YYYY-MM-DD)."
    )
    until = django_filters.DateFilter(
        field_name="said_on", lookup_expr="lte", help_text="Said on or before (YYYY-MM-DD)."
    )
    min_confidence = _confidence("gte", "Extraction confidence at least this (0-1).")
    max_confidence = _confidence("lte", "Extraction confidence at most this (0-1).")
    is_demo = django_filters.BooleanFilter(help_text="Hand-made demo statements only, or none.")
    q = django_filters.CharFilter(
        method="_search",
        help_text="Words the statement contains: full-text search with English stemming on "
        'PostgreSQL (websearch syntax: "quoted phrase", -word, or), a substring elsewhere.',
    )

    class Meta:
        model = Statement
        fields: list[str] = []

    _by_actor = _by_slug(Actor, "speaker_id")
    _by_affiliation = _by_slug(Actor, "speaker_affiliation_id")
    _by_outlet = _by_slug(Outlet, "article__outlet_id")

    def _search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if connection.vendor != "postgresql":
            return queryset.filter(text__icontains=value)
        # Written as the statement_search index's expression, so the GIN index finds matches.
        query = SearchQuery(value, config="english", search_type="websearch")
        matches = Statement.objects.alias(text_vector=search.STATEMENT_VECTOR).filter(
            text_vector=query
        )
        # Rare words: fetch all their ids through the index, then page those. Common words:
        # walk the list newest first and test each row, which meets 50 matches soon. (Either
        # plan alone is slow for the other kind: 14 s for an unknown word, 0.8 s for "ceasefire"
        # on the benchmark data; the planner cannot tell them apart.)
        few = list(matches.order_by().values_list("pk", flat=True)[:FEW_MATCHES])
        if len(few) < FEW_MATCHES:
            return queryset.filter(pk__in=few)
        return queryset.alias(text_vector=search.STATEMENT_VECTOR).filter(text_vector=query)

    def _later(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        issue = self.form.cleaned_data.get("issue")
        position = self.form.cleaned_data.get("stance")
        if not issue and not position:
            return queryset
        stances = Stance.objects.filter(statement=OuterRef("pk"))
        if issue:
            stances = stances.filter(issue__slug=issue)
        if position:
            stances = stances.filter(position=position)
        return queryset.filter(Exists(stances))


class TimelineFilter(django_filters.FilterSet):
    """Narrows an actor's timeline; the previous position is still the actor's real one."""

    issue = django_filters.CharFilter(method="_by_issue", help_text="Issue slug.")
    stance = django_filters.ChoiceFilter(field_name="position", choices=Position.choices)
    since = django_filters.DateFilter(field_name="statement__said_on", lookup_expr="gte")
    until = django_filters.DateFilter(field_name="statement__said_on", lookup_expr="lte")
    outlet = django_filters.CharFilter(method="_by_outlet", help_text="Outlet slug.")

    _by_issue = _by_slug(Issue, "issue_id")
    _by_outlet = _by_slug(Outlet, "statement__article__outlet_id")

    class Meta:
        model = Stance
        fields: list[str] = []


class ChangesFilter(django_filters.FilterSet):
    since = django_filters.DateFilter(help_text="Changes made on or after this date.")

    class Meta:
        model = Stance
        fields: list[str] = []


class ActorFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=ActorKind.choices)
    needs_review = django_filters.BooleanFilter()
    name = django_filters.CharFilter(
        method="filter_name", help_text="A name or alias, whatever its case or accents."
    )
    part_of = django_filters.CharFilter(field_name="part_of__slug", help_text="Parent's slug.")
    q = django_filters.CharFilter(method="search", help_text="Part of a name or alias.")

    class Meta:
        model = Actor
        fields: list[str] = []

    def filter_name(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        key = fold_name(value)  # as ActorQuerySet.named, without its DISTINCT
        aliases = ActorAlias.objects.filter(actor=OuterRef("pk"), name_key=key)
        return queryset.filter(Q(name_key=key) | Q(Exists(aliases)))

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        aliases = ActorAlias.objects.filter(actor=OuterRef("pk"), name__icontains=value)
        return queryset.filter(Q(name__icontains=value) | Q(Exists(aliases)))


class IssueFilter(django_filters.FilterSet):
    parent = django_filters.CharFilter(field_name="parent__slug", help_text="Parent's slug.")
    q = django_filters.CharFilter(
        field_name="name", lookup_expr="icontains", help_text="Part of the name."
    )

    class Meta:
        model = Issue
        fields: list[str] = []
