"""django-filter FilterSets for the API's outlet and article lists."""

from __future__ import annotations

import django_filters

from sources.models import Article, ArticleStatus, Outlet, SourceKind


class OutletFilter(django_filters.FilterSet):
    country = django_filters.CharFilter()
    is_state_run = django_filters.BooleanFilter()
    q = django_filters.CharFilter(
        field_name="name", lookup_expr="icontains", help_text="Part of the name."
    )

    class Meta:
        model = Outlet
        fields: list[str] = []


class ArticleFilter(django_filters.FilterSet):
    outlet = django_filters.CharFilter(field_name="outlet__slug", help_text="Outlet slug.")
    status = django_filters.ChoiceFilter(choices=ArticleStatus.choices)
    source_kind = django_filters.ChoiceFilter(choices=SourceKind.choices)
    since = django_filters.DateFilter(
        field_name="published_at__date", lookup_expr="gte", help_text="Published on or after."
    )
    until = django_filters.DateFilter(
        field_name="published_at__date", lookup_expr="lte", help_text="Published on or before."
    )
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", help_text="Part of the title."
    )

    class Meta:
        model = Article
        fields: list[str] = []
