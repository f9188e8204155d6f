"""Where statements come from: outlets, the feeds polled for them, and the articles read."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Outlet(models.Model):
    """A publisher: a news agency, a newspaper, a ministry's press page."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    domain = models.CharField(
        max_length=253, blank=True, default="", help_text="For example tass.com (no www.)."
    )
    country = models.CharField(max_length=100, blank=True, default="")
    is_state_run = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["domain"], condition=~Q(domain=""), name="outlet_domain_unique"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="outlet_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class Feed(models.Model):
    """An RSS or Atom feed polled on its own interval."""

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="feeds")
    title = models.CharField(max_length=300, blank=True, default="")
    url = models.URLField(max_length=2000, unique=True)
    is_active = models.BooleanField(default=True)
    poll_interval = models.DurationField(default=timedelta(minutes=30))
    # Conditional requests: what the server sent last time.
    etag = models.CharField(max_length=500, blank=True, default="")
    last_modified = models.CharField(max_length=100, blank=True, default="")
    # Health, shown in the admin.
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True, default="")
    consecutive_failures = models.PositiveIntegerField(default=0)
    # When the feed is due next; pushed back further after each failure.
    next_poll_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["outlet__name", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(poll_interval__gte=timedelta(minutes=1)),
                name="feed_poll_interval_min_1m",
            ),
        ]
        indexes = [  # the beat task's "which feeds are due": queries.feeds_due
            models.Index(fields=["next_poll_at"], name="feed_due", condition=Q(is_active=True)),
        ]

    def __str__(self) -> str:
        return self.title or self.url


class ArticleStatus(models.TextChoices):
    QUEUED = "queued", "Queued for fetching"
    FETCHED = "fetched", "Fetched, awaiting extraction"
    EXTRACTED = "extracted", "Statements extracted"
    FAILED = "failed", "Failed"


class SourceKind(models.TextChoices):
    FEED = "feed", "Feed"
    URL = "url", "URL"
    FILE = "file", "File"
    TEXT = "text", "Pasted text"
    GOLD = "gold", "Hand-labelled import"


class ArticleQuerySet(models.QuerySet["Article"]):
    def failed(self) -> ArticleQuerySet:
        return self.filter(status=ArticleStatus.FAILED)

    # The unique indexes on url and content_hash are partial (non-empty values only). PostgreSQL
    # sees that `url = 'x'` implies `url <> ''`; SQLite does not and scans the table unless the
    # index's own condition is repeated, so these two lookups spell it out.
    def with_url(self, url: str) -> ArticleQuerySet:
        return self.filter(url=url).exclude(url="")

    def with_content_hash(self, content_hash: str) -> ArticleQuerySet:
        return self.filter(content_hash=content_hash).exclude(content_hash="")


class Article(models.Model):
    """One article read from an outlet, with where it came from and what became of it."""

    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    source_kind = models.CharField(max_length=8, choices=SourceKind, default=SourceKind.URL)
    # Canonical URL (tracking parameters, fragment and scheme differences removed): one row
    # per URL. Pasted text and files may have none; they are kept once by content_hash.
    url = models.URLField(max_length=2000, blank=True, default="")
    # The address as first given (a feed link, a submitted URL, a file path).
    source_ref = models.CharField(max_length=2000, blank=True, default="")
    guid = models.CharField(max_length=2000, blank=True, default="")
    title = models.CharField(max_length=1000, blank=True, default="")
    author = models.CharField(max_length=500, blank=True, default="")
    published_at = models.DateTimeField(null=True, blank=True)
    raw_html = models.TextField(
        blank=True, default="", help_text="As fetched, kept for re-reading."
    )
    text = models.TextField(blank=True, default="")
    language = models.CharField(max_length=16, blank=True, default="")
    # SHA-256 of the normalised text: the same text is stored once.
    content_hash = models.CharField(max_length=64, blank=True, default="")
    # A syndicated copy of another article (the same wire story at another outlet).
    copy_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    license = models.CharField(max_length=500, blank=True, default="")
    status = models.CharField(max_length=16, choices=ArticleStatus, default=ArticleStatus.QUEUED)
    last_error = models.TextField(blank=True, default="")
    attempts = models.PositiveIntegerField(default=0)
    fetched_at = models.DateTimeField(null=True, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["raw_html", "text"])

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_url_unique"
            ),
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=~Q(content_hash=""),
                name="article_content_hash_unique",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values), name="article_status_known"
            ),
            models.CheckConstraint(
                condition=Q(source_kind__in=SourceKind.values), name="article_source_kind_known"
            ),
            models.CheckConstraint(
                condition=~Q(copy_of=models.F("id")), name="article_not_own_copy"
            ),
        ]
        indexes = [
            # Retry queue in the admin and for the ingestion sweep.
            models.Index(
                fields=["updated_at"],
                name="article_failed",
                condition=Q(status=ArticleStatus.FAILED),
            ),
            # Queued rows whose task was lost, for the re-queue sweep: queries.stalled_articles.
            models.Index(
                fields=["updated_at"],
                name="article_queued",
                condition=Q(status=ArticleStatus.QUEUED),
            ),
            # An outlet's articles, newest first.
            models.Index(fields=["outlet", "-published_at"], name="article_outlet_recent"),
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"Article {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("positions:article-detail", kwargs={"pk": self.pk})


class ArticleFingerprint(models.Model):
    """The MinHash signature of an article's text, kept to recognise syndicated copies.

    Written in the same transaction as the article text it describes (sources.ingestion), so an
    article never exists without its fingerprint or the reverse.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="fingerprint"
    )
    # sources.dedupe.NUM_PERM unsigned 32-bit MinHash values, little-endian.
    signature = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Fingerprint of article {self.article_id}"


class FingerprintBand(models.Model):
    """One LSH band of a fingerprint, hashed to a key: articles sharing a key are candidates.

    A derived index row (rebuilt from the signature), so it carries no timestamps of its own.
    """

    fingerprint = models.ForeignKey(
        ArticleFingerprint, on_delete=models.CASCADE, related_name="bands"
    )
    key = models.BigIntegerField()

    class Meta:
        indexes = [  # near-duplicate candidates by band key: dedupe.find_original
            models.Index(fields=["key"], name="fingerprint_band_key"),
        ]

    def __str__(self) -> str:
        return f"Band {self.key} of article {self.fingerprint_id}"
