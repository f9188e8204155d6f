"""Sources in the admin: outlets, feeds and their health, articles and their processing state."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sources.models import Article, Feed, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "country", "is_state_run"]
    list_filter = ["is_state_run", "country"]
    search_fields = ["name", "domain"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "is_active", "last_success_at", "consecutive_failures"]
    list_filter = ["is_active"]
    search_fields = ["title", "url", "outlet__name"]
    list_select_related = ["outlet"]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "outlet", "published_at", "status", "source_kind"]
    list_filter = ["status", "source_kind", ("outlet", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "url"]
    list_select_related = ["outlet"]
    date_hierarchy = "published_at"
    raw_id_fields = ["copy_of", "feed"]
