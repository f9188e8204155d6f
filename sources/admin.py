"""Sources in the admin: outlets, feeds and their health, articles and their processing state."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.defaultfilters import truncatechars
from simple_history.admin import SimpleHistoryAdmin

from sources.models import Article, ArticleStatus, Feed, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "country", "is_state_run"]
    list_filter = ["is_state_run", "country"]
    search_fields = ["name", "domain"]
    prepopulated_fields = {"slug": ["name"]}


class FeedHealthFilter(admin.SimpleListFilter):
    title = "health"
    parameter_name = "health"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        return [("failing", "Failing"), ("healthy", "Healthy"), ("never", "Never polled")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "failing":
            return queryset.filter(consecutive_failures__gt=0)
        if self.value() == "healthy":
            return queryset.filter(consecutive_failures=0, last_success_at__isnull=False)
        if self.value() == "never":
            return queryset.filter(last_polled_at__isnull=True)
        return queryset


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "outlet",
        "is_active",
        "poll_interval",
        "last_success_at",
        "consecutive_failures",
        "short_last_error",
        "next_poll_at",
    ]
    list_filter = [FeedHealthFilter, "is_active"]
    search_fields = ["title", "url", "outlet__name"]
    list_select_related = ["outlet"]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_polled_at",
        "last_success_at",
        "last_error",
        "consecutive_failures",
    ]
    actions = ["poll_now"]

    @admin.display(description="Last error")
    def short_last_error(self, feed: Feed) -> str:
        return truncatechars(feed.last_error, 120)

    @admin.action(description="Poll now", permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset: QuerySet[Feed]) -> None:
        from sources import ingestion  # see _lazy_ingestion_note below

        queued = ingestion.poll_now(queryset.values_list("pk", flat=True))
        skipped = queryset.count() - len(queued)
        self.message_user(
            request,
            f"{len(queued)} feeds queued for polling"
            + (f"; {skipped} paused feeds skipped." if skipped else "."),
            messages.SUCCESS,
        )


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "outlet",
        "published_at",
        "status",
        "source_kind",
        "copy_of",
        "attempts",
        "short_last_error",
    ]
    list_filter = [
        "status",
        "source_kind",
        ("copy_of", admin.EmptyFieldListFilter),
        ("outlet", admin.RelatedOnlyFieldListFilter),
    ]
    # The positions admin uses autocomplete on Article, which needs these.
    search_fields = ["title", "url"]
    list_select_related = ["outlet", "copy_of"]
    date_hierarchy = "published_at"
    raw_id_fields = ["copy_of", "feed"]
    readonly_fields = [
        "content_hash",
        "status",
        "last_error",
        "attempts",
        "fetched_at",
        "extracted_at",
        "created_at",
        "updated_at",
    ]
    actions = ["retry_failed"]

    @admin.display(description="Last error")
    def short_last_error(self, article: Article) -> str:
        return truncatechars(article.last_error, 120)

    @admin.action(description="Retry failed articles", permissions=["change"])
    def retry_failed(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        from sources import ingestion  # see _lazy_ingestion_note below

        queued = ingestion.retry_articles(
            queryset.filter(status=ArticleStatus.FAILED).values_list("pk", flat=True)
        )
        skipped = queryset.count() - len(queued)
        self.message_user(
            request,
            f"{len(queued)} failed articles queued again"
            + (f"; {skipped} not failed, left alone." if skipped else "."),
            messages.SUCCESS if queued else messages.WARNING,
        )


# _lazy_ingestion_note: the admin imports the ingestion pipeline (trafilatura, httpx, NumPy) only
# when an action runs. Every manage.py command loads the admin at start-up, and commands such as
# `extract` would otherwise spend over a second importing what they never use.
