"""Reads for ingestion and its pages."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from sources.canonical import domain_of
from sources.models import Article, ArticleStatus, Feed, Outlet

DONE_STATUSES = (ArticleStatus.FETCHED, ArticleStatus.EXTRACTED)


def feeds_due(now: dt.datetime | None = None) -> QuerySet[Feed]:
    """Active feeds whose next poll time has come, most overdue first (index feed_due)."""
    now = now or timezone.now()
    return Feed.objects.filter(is_active=True, next_poll_at__lte=now).order_by("next_poll_at")


def outlet_for(*, url: str = "", name: str = "") -> Outlet | None:
    """The outlet of an address (its domain or a parent domain), else the one named ``name``."""
    domain = domain_of(url) if url else ""
    if domain:
        parts = domain.split(".")
        candidates = [".".join(parts[i:]) for i in range(len(parts) - 1)]
        by_domain = {o.domain: o for o in Outlet.objects.filter(domain__in=candidates)}
        for candidate in candidates:  # the most specific domain wins
            if candidate in by_domain:
                return by_domain[candidate]
    if name:
        return Outlet.objects.filter(Q(name__iexact=name) | Q(slug__iexact=name)).first()
    return None


def article_by_url(url: str) -> Article | None:
    """The article stored under this canonical URL (index article_url_unique)."""
    return Article.objects.with_url(url).order_by().first() if url else None


def stalled_articles(*, older_than: dt.timedelta, now: dt.datetime | None = None) -> QuerySet:
    """Articles still queued long after they were queued: their task was lost."""
    now = now or timezone.now()
    return Article.objects.filter(status=ArticleStatus.QUEUED, updated_at__lt=now - older_than)


def failed_articles() -> QuerySet[Article]:
    """Articles whose last attempt failed, most recent first (index article_failed)."""
    return Article.objects.failed().select_related("outlet", "feed").order_by("-updated_at")


def recent_articles(limit: int = 20) -> list[Article]:
    """The newest stored or queued articles, with their outlet, for the submit page."""
    articles = Article.objects.select_related("outlet").defer("raw_html", "text")
    return list(articles.order_by("-created_at", "-id")[:limit])
