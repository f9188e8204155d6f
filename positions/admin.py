"""Curation in the admin: the review queue, inline stances, evidence in context, actor merges.

Every write goes through ``positions.services``; simple_history records who changed what.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.html import format_html_join
from simple_history.admin import SimpleHistoryAdmin

from positions import current, services
from positions.admin_forms import MergeActorsForm, StatementAdminForm
from positions.evidence import highlighted_excerpt
from positions.models import (
    Actor,
    ActorAlias,
    ActorMerge,
    Affiliation,
    Issue,
    PendingStatement,
    ReviewStatus,
    Stance,
    Statement,
)

# --- Statements -----------------------------------------------------------------------------


class ConfidenceFilter(admin.SimpleListFilter):
    title = "confidence"
    parameter_name = "confidence"
    BANDS = {"low": (0.0, 0.5), "medium": (0.5, 0.8), "high": (0.8, 1.01)}

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("low", "Low (< 0.5)"), ("medium", "Medium (0.5–0.8)"), ("high", "High (≥ 0.8)")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Statement]) -> QuerySet[Statement]:
        band = self.BANDS.get(self.value() or "")
        if band is None:
            return queryset
        return queryset.filter(confidence__gte=band[0], confidence__lt=band[1])


class StanceInline(admin.TabularInline):
    model = Stance
    extra = 0
    fields = ["issue", "position", "confidence", "note"]
    autocomplete_fields = ["issue"]


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    form = StatementAdminForm
    list_display = [
        "excerpt",
        "speaker",
        "kind",
        "stance_summary",
        "said_on",
        "outlet",
        "confidence",
        "review_status",
    ]
    list_display_links = ["excerpt"]
    list_filter = [
        "review_status",
        "kind",
        ("stances__issue", admin.RelatedOnlyFieldListFilter),
        ("speaker", admin.RelatedOnlyFieldListFilter),
        ("article__outlet", admin.RelatedOnlyFieldListFilter),
        ConfidenceFilter,
        ("said_on", admin.DateFieldListFilter),
        "is_demo",
    ]
    search_fields = ["text", "speaker__name", "speaker__aliases__name", "article__title", "via"]
    date_hierarchy = "said_on"
    autocomplete_fields = ["speaker", "speaker_affiliation", "article"]
    inlines = [StanceInline]
    actions = ["approve", "reject", "reopen"]
    list_per_page = 50
    readonly_fields = ["evidence", "extractor", "created_by", "reviewed_by", "reviewed_at"]
    fieldsets = [
        (None, {"fields": ["speaker", "speaker_affiliation", "text", "kind", "review_status"]}),
        ("Evidence", {"fields": ["evidence", "article", "start", "end", "via"]}),
        ("When", {"fields": ["said_on", "said_on_precision"]}),
        (
            "Provenance",
            {
                "fields": [
                    "confidence",
                    "extractor",
                    "created_by",
                    "reviewed_by",
                    "reviewed_at",
                    "is_demo",
                    "note",
                ]
            },
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Statement]:
        return (
            super()
            .get_queryset(request)
            .select_related("speaker", "article__outlet")
            .prefetch_related("stances__issue")
        )

    @admin.display(description="Statement", ordering="text")
    def excerpt(self, statement: Statement) -> str:
        return statement.text if len(statement.text) <= 90 else statement.text[:87] + "…"

    @admin.display(description="Stances")
    def stance_summary(self, statement: Statement) -> str:
        return (
            format_html_join(
                ", ",
                '<span class="stance stance-{}">{}: {}</span>',
                (
                    (s.position, s.issue.name, s.get_position_display())
                    for s in statement.stances.all()
                ),
            )
            or "—"
        )

    @admin.display(description="Outlet", ordering="article__outlet__name")
    def outlet(self, statement: Statement) -> str:
        article = statement.article
        return article.outlet.name if article and article.outlet else "—"

    @admin.display(description="In the article")
    def evidence(self, statement: Statement) -> str:
        if statement.article is None or not statement.has_span:
            return "No span in an article."
        return highlighted_excerpt(statement.article.text, statement.start, statement.end)

    def save_model(self, request: HttpRequest, obj: Statement, form: object, change: bool) -> None:
        services.save_statement_edit(statement=obj, by=request.user)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # The inline stances are saved here; the issue map's current positions follow them.
        statement = form.instance
        issues = set(statement.stances.values_list("issue_id", flat=True))
        super().save_related(request, form, formsets, change)
        issues |= set(statement.stances.values_list("issue_id", flat=True))
        current.refresh((statement.speaker_id, issue) for issue in issues)

    def delete_model(self, request: HttpRequest, obj: Statement) -> None:
        pairs = _stance_pairs(Stance.objects.filter(statement=obj))
        super().delete_model(request, obj)
        current.refresh(pairs)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Statement]) -> None:
        pairs = _stance_pairs(Stance.objects.filter(statement__in=queryset))
        super().delete_queryset(request, queryset)
        current.refresh(pairs)

    def _review(self, request: HttpRequest, queryset: QuerySet[Statement], status: str) -> None:
        if not request.user.has_perm("positions.review_statement"):
            raise PermissionDenied("You may not review statements.")
        changed = services.review_statements(
            statements=list(queryset.values_list("pk", flat=True)), status=status, by=request.user
        )
        label = ReviewStatus(status).label.lower()
        self.message_user(request, f"{changed} statement(s) marked {label}.", messages.SUCCESS)

    @admin.action(description="Approve selected statements", permissions=["review"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Statement]) -> None:
        self._review(request, queryset, ReviewStatus.APPROVED)

    @admin.action(description="Reject selected statements", permissions=["review"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Statement]) -> None:
        self._review(request, queryset, ReviewStatus.REJECTED)

    @admin.action(description="Send selected statements back to review", permissions=["review"])
    def reopen(self, request: HttpRequest, queryset: QuerySet[Statement]) -> None:
        self._review(request, queryset, ReviewStatus.PENDING)

    def has_review_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("positions.review_statement")


@admin.register(PendingStatement)
class ReviewQueueAdmin(StatementAdmin):
    """The curators' daily queue: pending statements only, newest first."""

    list_filter = [f for f in StatementAdmin.list_filter if f != "review_status"]
    ordering = ["-created_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Statement]:
        return super().get_queryset(request).filter(review_status=ReviewStatus.PENDING)


# --- Actors ---------------------------------------------------------------------------------


class AliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1
    fields = ["name"]


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    fk_name = "member"
    extra = 0
    fields = ["organisation", "role", "start_on", "end_on", "needs_review"]
    autocomplete_fields = ["organisation"]
    verbose_name = "affiliation (role in an organisation or state)"


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    ordering = ["name"]
    list_display = ["name", "kind", "part_of", "statement_count", "review_flag"]
    list_filter = ["kind", "needs_review"]
    search_fields = ["name", "aliases__name", "slug", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["part_of"]
    inlines = [AliasInline, AffiliationInline]
    actions = ["merge", "mark_reviewed"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Actor]:
        return (
            super()
            .get_queryset(request)
            .select_related("part_of")
            .annotate(n_statements=Count("statements", distinct=True))
        )

    @admin.display(description="Review", ordering="needs_review")
    def review_flag(self, actor: Actor) -> str:
        # Only the actors that need a look stand out; a column of red crosses for "no" misleads.
        return "⚑ needs review" if actor.needs_review else ""

    @admin.display(description="Statements", ordering="n_statements")
    def statement_count(self, actor: Actor) -> int:
        return actor.n_statements  # type: ignore[attr-defined, no-any-return]

    def has_merge_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("positions.merge_actors")

    @admin.action(description="Mark selected actors as reviewed", permissions=["change"])
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet[Actor]) -> None:
        count = 0
        for actor in queryset.filter(needs_review=True):
            actor.needs_review = False
            actor.save(update_fields=["needs_review", "updated_at"])
            count += 1
        self.message_user(request, f"{count} actor(s) marked as reviewed.", messages.SUCCESS)

    @admin.action(description="Merge selected actors into one…", permissions=["merge"])
    def merge(self, request: HttpRequest, queryset: QuerySet[Actor]) -> HttpResponse | None:
        actors = list(queryset.annotate(n_statements=Count("statements")).order_by("name"))
        if len(actors) < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return None
        form = MergeActorsForm(request.POST if "confirm" in request.POST else None, actors=actors)
        if form.is_valid():
            target = form.cleaned_data["target"]
            try:
                for source in actors:
                    if source.pk != target.pk:
                        services.merge_actors(source=source, target=target, by=request.user)
            except ValidationError as error:
                self.message_user(request, "; ".join(error.messages), messages.ERROR)
                return None
            self.message_user(
                request, f"Merged {len(actors) - 1} actor(s) into {target}.", messages.SUCCESS
            )
            return HttpResponseRedirect(request.get_full_path())
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge actors",
            "actors": actors,
            "form": form,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/positions/actor/merge_confirmation.html", context)


@admin.register(Affiliation)
class AffiliationAdmin(SimpleHistoryAdmin):
    list_display = ["member", "role", "organisation", "start_on", "end_on", "needs_review"]
    list_filter = ["needs_review"]
    search_fields = ["member__name", "organisation__name", "role"]
    autocomplete_fields = ["member", "organisation"]
    list_select_related = ["member", "organisation"]


@admin.register(ActorMerge)
class ActorMergeAdmin(admin.ModelAdmin):
    list_display = ["source_name", "target", "statements_moved", "merged_by", "created_at"]
    list_select_related = ["target", "merged_by"]
    search_fields = ["source_name", "source_slug", "target__name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


# --- Issues ---------------------------------------------------------------------------------


@admin.register(Issue)
class IssueAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "parent", "stance_count"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Issue]:
        return super().get_queryset(request).annotate(n_stances=Count("stances"))

    @admin.display(description="Stances", ordering="n_stances")
    def stance_count(self, issue: Issue) -> int:
        return issue.n_stances  # type: ignore[attr-defined, no-any-return]


def _stance_pairs(stances: QuerySet[Stance]) -> set[tuple[int, int]]:
    return set(stances.values_list("statement__speaker_id", "issue_id"))


@admin.register(Stance)
class StanceAdmin(SimpleHistoryAdmin):
    list_display = ["statement", "issue", "position", "confidence"]
    list_filter = ["position", ("issue", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["statement__text", "issue__name", "statement__speaker__name"]
    autocomplete_fields = ["statement", "issue"]
    list_select_related = ["statement__speaker", "issue"]

    def save_model(self, request: HttpRequest, obj: Stance, form: object, change: bool) -> None:
        pairs = _stance_pairs(Stance.objects.filter(pk=obj.pk)) if obj.pk else set()
        super().save_model(request, obj, form, change)
        current.refresh(pairs | {(obj.statement.speaker_id, obj.issue_id)})

    def delete_model(self, request: HttpRequest, obj: Stance) -> None:
        pairs = _stance_pairs(Stance.objects.filter(pk=obj.pk))
        super().delete_model(request, obj)
        current.refresh(pairs)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Stance]) -> None:
        pairs = _stance_pairs(queryset)
        super().delete_queryset(request, queryset)
        current.refresh(pairs)
