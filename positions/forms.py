"""The shape of what the analysts' pages accept: filters, search, and curators' corrections."""

from __future__ import annotations

import re

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from positions.models import Issue, Position, ReviewStatus
from positions.queries import TimelineFilter
from sources.models import Outlet

ANY = [("", "Any")]
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")
MAX_COMPARED = 6


class QuickSelect(forms.Select):
    """A <select> written in one pass of Python: Django's per-option templates take ~40 ms for
    the 200 issues of a large registry, longer than the page's queries."""

    def render(
        self, name: str, value: object, attrs: dict[str, str] | None = None, renderer: object = None
    ) -> SafeString:
        chosen = str(value[0] if isinstance(value, list | tuple) and value else value or "")
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (v, mark_safe(" selected") if str(v) == chosen else "", label)
                for v, label in self.choices
            ),
        )
        final = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(final), options)


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search actors, issues and quotes",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "e.g. Lavrov, ceasefire, “no troops”"}
        ),
    )


class TimelineFilterForm(forms.Form):
    """The actor page's filters; the choices are the issues and the outlets."""

    issue = forms.ChoiceField(required=False, widget=QuickSelect)
    stance = forms.ChoiceField(required=False, choices=ANY + list(Position.choices))
    since = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    outlet = forms.ChoiceField(required=False)
    # Rejected statements stay out of the pages (the admin lists them), so two choices only.
    status = forms.ChoiceField(
        required=False,
        choices=ANY + [(s.value, s.label) for s in (ReviewStatus.APPROVED, ReviewStatus.PENDING)],
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(
        self,
        data: object,
        *,
        issues: list[Issue],
        outlets: list[Outlet],
        may_see_pending: bool,
    ) -> None:
        super().__init__(data)
        self.fields["issue"].choices = ANY + [(i.slug, i.name) for i in issues]
        self.fields["outlet"].choices = ANY + [(o.slug, o.name) for o in outlets]
        if not may_see_pending:
            del self.fields["status"]

    def clean(self) -> dict[str, object]:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", f"“Until” ({until}) is before “since” ({since}).")
        return data

    def timeline_filter(self) -> TimelineFilter:
        """The filters that are valid; a field with an error counts as not given."""
        self.is_valid()  # cleaned_data keeps only the fields without errors
        data = self.cleaned_data
        return TimelineFilter(
            issue=data.get("issue") or "",
            position=data.get("stance") or "",
            since=data.get("since"),
            until=data.get("until"),
            outlet=data.get("outlet") or "",
            status=data.get("status") or "",
        )

    def page_number(self) -> int:
        self.is_valid()
        return self.cleaned_data.get("page") or 1


class SlugListField(forms.MultipleChoiceField):
    """Any number of slugs; which of them exist is for the query to find out."""

    def valid_value(self, value: str) -> bool:
        return bool(SLUG.fullmatch(value))


class CompareForm(forms.Form):
    """Actors to compare side by side on an issue (``?compare=a&compare=b``)."""

    compare = SlugListField(required=False, widget=forms.MultipleHiddenInput)

    def slugs(self) -> list[str]:
        return (self.cleaned_data.get("compare") or [])[:MAX_COMPARED] if self.is_valid() else []


class ReviewForm(forms.Form):
    status = forms.ChoiceField(choices=ReviewStatus.choices)


class StanceForm(forms.Form):
    """A curator's correction of the position a statement takes on an issue."""

    position = forms.ChoiceField(choices=Position.choices)
