"""The domain: actors and their aliases and affiliations, issues, statements and their stances.

Invariants that must always hold are database constraints; the services in ``services.py``
repeat some of them only to give a friendlier message.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from positions.names import fold_name


class ActorKind(models.TextChoices):
    PERSON = "person", "Person"
    STATE = "state", "State"
    ORGANISATION = "organisation", "Organisation"
    GROUP = "group", "Group"


class StatementKind(models.TextChoices):
    DIRECT = "direct", "Direct quote"
    REPORTED = "reported", "Reported speech"


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "Pending review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Position(models.TextChoices):
    SUPPORT = "support", "Supports"
    OPPOSE = "oppose", "Opposes"
    CONDITIONAL = "conditional", "Supports on conditions"
    NEUTRAL = "neutral", "Neutral"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


# --- Actors ---------------------------------------------------------------------------------


class ActorQuerySet(models.QuerySet["Actor"]):
    def named(self, name: str) -> ActorQuerySet:
        """Actors whose name or an alias folds to the same key as ``name``."""
        key = fold_name(name)
        return self.filter(Q(name_key=key) | Q(aliases__name_key=key)).distinct()

    def needing_review(self) -> ActorQuerySet:
        return self.filter(needs_review=True)


class Actor(models.Model):
    """A person, state, organisation or group whose statements we record."""

    name = models.CharField(max_length=200)
    # Folded copy of the name (see names.fold_name), kept so lookups use an index.
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=ActorKind)
    description = models.CharField(max_length=500, blank=True, default="")
    wikidata_id = models.CharField(
        "Wikidata id", max_length=20, blank=True, default="", help_text="For example Q159."
    )
    # An organisation's parent: the Russian Foreign Ministry is part of Russia.
    part_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="parts"
    )
    # Set when the extractor met an unknown speaker: a curator confirms or merges it.
    needs_review = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        permissions = [("merge_actors", "Can merge actors")]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ActorKind.values), name="actor_kind_known"),
            models.CheckConstraint(condition=~Q(name=""), name="actor_name_not_empty"),
            models.CheckConstraint(condition=~Q(part_of=F("id")), name="actor_not_part_of_itself"),
            models.UniqueConstraint(
                fields=["wikidata_id"], condition=~Q(wikidata_id=""), name="actor_wikidata_unique"
            ),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__regex=r"^Q[0-9]+$"),
                name="actor_wikidata_id_format",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = fold_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("positions:actor-detail", kwargs={"slug": self.slug})


class ActorAlias(models.Model):
    """Another name an actor goes by: "Moscow" and "the Kremlin" for Russia."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    name_key = models.CharField(max_length=200, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "actor aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "name_key"], name="alias_once_per_actor"),
            models.CheckConstraint(condition=~Q(name=""), name="alias_name_not_empty"),
        ]
        indexes = [  # resolving a name to actors: ActorQuerySet.named
            models.Index(fields=["name_key"], name="alias_name_key"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = fold_name(self.name)
        super().save(*args, **kwargs)


class Affiliation(models.Model):
    """A member's role in an organisation or state over time.

    "Sergey Lavrov, Foreign Minister of Russia": member Lavrov, organisation Russia,
    role "Foreign Minister". Unknown dates stay empty.
    """

    member = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(max_length=300, blank=True, default="")
    start_on = models.DateField(null=True, blank=True)
    end_on = models.DateField(null=True, blank=True)
    needs_review = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_on", "role"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(member=F("organisation")), name="affiliation_not_to_itself"
            ),
            models.CheckConstraint(
                condition=Q(start_on__isnull=True)
                | Q(end_on__isnull=True)
                | Q(end_on__gte=F("start_on")),
                name="affiliation_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["member", "organisation", "role", "start_on"],
                name="affiliation_once",
            ),
        ]

    def __str__(self) -> str:
        role = f"{self.role}, " if self.role else ""
        return f"{self.member}: {role}{self.organisation}"


class ActorMerge(models.Model):
    """A record that one actor was merged into another; its old address keeps working."""

    source_name = models.CharField(max_length=200)
    source_slug = models.SlugField(max_length=200, db_index=True)
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="merged_from")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    statements_moved = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.source_name} → {self.target}"


# --- Issues ---------------------------------------------------------------------------------


class Issue(models.Model):
    """A contested question, e.g. "Foreign peacekeepers in Ukraine"."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True, default="")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Words and phrases that signal the issue in a text, one per list item.
    keywords = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="issue_name_not_empty"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="issue_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("positions:issue-detail", kwargs={"slug": self.slug})


# --- Statements and stances -----------------------------------------------------------------


class StatementQuerySet(models.QuerySet["Statement"]):
    def approved(self) -> StatementQuerySet:
        return self.filter(review_status=ReviewStatus.APPROVED)

    def pending(self) -> StatementQuerySet:
        return self.filter(review_status=ReviewStatus.PENDING)

    def by(self, actor: Actor) -> StatementQuerySet:
        return self.filter(speaker=actor)


class Statement(models.Model):
    """What an actor said, with the evidence: the article and the exact span of the words."""

    speaker = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="statements")
    # The organisation or state the speaker spoke for at the time, when the text says so.
    speaker_affiliation = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="statements_as_body"
    )
    article = models.ForeignKey(
        "sources.Article",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statements",
    )
    text = models.TextField(help_text="The exact words, as they appear in the article.")
    kind = models.CharField(max_length=16, choices=StatementKind)
    # Offsets of `text` in the article's text, in Python characters: [start, end).
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    # Offsets of the speaker's mention ("Logvinov stated"), when the text names them there.
    speaker_start = models.PositiveIntegerField(null=True, blank=True)
    speaker_end = models.PositiveIntegerField(null=True, blank=True)
    said_on = models.DateField(null=True, blank=True, help_text="When it was said, if known.")
    said_on_precision = models.CharField(
        max_length=8, choices=DatePrecision, default=DatePrecision.DAY
    )
    via = models.CharField(
        max_length=200,
        blank=True,
        default="",
        help_text='Through whom it was reported: "Tass", a spokesperson, a relaying official.',
    )
    confidence = models.FloatField(default=1.0)
    # What produced the statement: an extractor "name/version", "gold:<file>", or a person.
    extractor = models.CharField(max_length=100, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements_created",
    )
    review_status = models.CharField(
        max_length=16, choices=ReviewStatus, default=ReviewStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements_reviewed",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # Hand-made demo data, not from a real article: shown with a "demo" mark.
    is_demo = models.BooleanField(default=False)
    note = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StatementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-said_on", "-id"]
        permissions = [("review_statement", "Can approve or reject statements")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=StatementKind.values), name="statement_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(review_status__in=ReviewStatus.values), name="statement_status_known"
            ),
            models.CheckConstraint(
                condition=Q(said_on_precision__in=DatePrecision.values),
                name="statement_precision_known",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1), name="statement_confidence_0_1"
            ),
            models.CheckConstraint(condition=~Q(text=""), name="statement_text_not_empty"),
            # A span is given whole or not at all, and covers exactly the statement's text;
            # services check that it lies inside the article's text (another table).
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True)
                | Q(
                    start__isnull=False,
                    end__isnull=False,
                    article__isnull=False,
                    end__gt=F("start"),
                    end=F("start") + Length("text"),
                ),
                name="statement_span_matches_text",
            ),
            models.CheckConstraint(
                condition=Q(speaker_start__isnull=True, speaker_end__isnull=True)
                | Q(
                    speaker_start__isnull=False,
                    speaker_end__isnull=False,
                    article__isnull=False,
                    speaker_end__gt=F("speaker_start"),
                ),
                name="statement_speaker_span_whole",
            ),
            models.CheckConstraint(
                condition=~Q(extractor="") | Q(created_by__isnull=False),
                name="statement_has_producer",
            ),
        ]
        indexes = [
            # An actor's timeline: queries.statements_for_actor / queries.actor_timeline.
            models.Index(fields=["speaker", "-said_on", "-id"], name="statement_speaker_timeline"),
            # The curators' review queue: pending statements, newest first.
            models.Index(
                fields=["-created_at"],
                name="statement_pending_queue",
                condition=Q(review_status=ReviewStatus.PENDING),
            ),
        ]

    def __str__(self) -> str:
        excerpt = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"{self.speaker}: “{excerpt}”"

    @property
    def has_span(self) -> bool:
        return self.start is not None and self.end is not None


class PendingStatement(Statement):
    """Statements awaiting review: the admin's review queue."""

    class Meta:
        proxy = True
        verbose_name = "statement to review"
        verbose_name_plural = "review queue"


class StanceQuerySet(models.QuerySet["Stance"]):
    def approved(self) -> StanceQuerySet:
        return self.filter(statement__review_status=ReviewStatus.APPROVED)

    def on_issue(self, issue: Issue) -> StanceQuerySet:
        return self.filter(issue=issue)


class Stance(models.Model):
    """The position one statement takes on one issue."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="stances")
    issue = models.ForeignKey(Issue, on_delete=models.PROTECT, related_name="stances")
    position = models.CharField(max_length=16, choices=Position)
    confidence = models.FloatField(default=1.0)
    note = models.TextField(blank=True, default="")
    # Kept by positions.current.refresh from the approved stances of the same speaker on the
    # same issue: the latest one is current, one that differs from the one before is a change.
    # Derived data, so a bulk import can rebuild it (manage.py rebuild_positions).
    is_current = models.BooleanField(default=False, editable=False)
    is_change = models.BooleanField(default=False, editable=False)
    # A copy of the statement's date, kept by the same refresh, so the issue's latest changes
    # come off one index (stance_issue_changes) instead of joining all its statements.
    said_on = models.DateField(null=True, blank=True, editable=False)
    # For a change: the position it moved from, and when that was said.
    changed_from = models.CharField(max_length=16, blank=True, default="", editable=False)
    changed_from_on = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StanceQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["is_current", "is_change", "said_on", "changed_from", "changed_from_on"]
    )

    class Meta:
        ordering = ["issue__name"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "issue"], name="stance_once_per_issue"),
            models.CheckConstraint(
                condition=Q(position__in=Position.values), name="stance_position_known"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1), name="stance_confidence_0_1"
            ),
        ]
        indexes = [
            # The issue's stances by statement: queries.issue_stance_rows, compare_actors.
            models.Index(fields=["issue", "statement"], name="stance_issue_statement"),
            # The issue map reads only each actor's current stance (queries.issue_overview) ...
            models.Index(
                fields=["issue"], name="stance_issue_current", condition=Q(is_current=True)
            ),
            # ... and the recent changes, newest first, only the stances that changed a position.
            models.Index(
                fields=["issue", "-said_on", "-statement"],
                name="stance_issue_changed",
                condition=Q(is_change=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_position_display()} on {self.issue}"
