"""The API's shapes: ``*Out`` serializers render, ``*In`` serializers check input.

Serializers never write: a view validates with an ``*In`` serializer, calls a service in
``positions.services`` and renders the result with an ``*Out`` serializer. Output serializers
read only rows the queries in ``positions.queries`` already loaded, so they never query.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from positions.models import (
    Actor,
    ActorKind,
    Affiliation,
    DatePrecision,
    Issue,
    Position,
    ReviewStatus,
    Stance,
    Statement,
    StatementKind,
)
from sources.models import Article, Outlet

# The largest id a bigint column holds; larger numbers are refused as input, not sent to the
# database (where they would overflow).
MAX_ID = 2**63 - 1
MAX_OFFSET = 2**31 - 1


class BySlug(serializers.SlugRelatedField):
    """A related row named by its slug; a value no slug can be is refused before any query
    (PostgreSQL rejects a NUL byte in a query parameter with an error, not a miss)."""

    def __init__(self, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(slug_field="slug", **kwargs)

    def to_internal_value(self, data: Any) -> Any:  # noqa: ANN401
        if not isinstance(data, str) or "\x00" in data or len(data) > 200:
            self.fail("invalid")
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates from a JSON escape: no slug has them
            self.fail("invalid")
        return super().to_internal_value(data)


# --- References: the few fields that name a related row ------------------------------------


class ActorRef(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["slug", "name", "kind"]
        read_only_fields = fields


class IssueRef(serializers.ModelSerializer):
    class Meta:
        model = Issue
        fields = ["slug", "name"]
        read_only_fields = fields


class OutletRef(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["slug", "name"]
        read_only_fields = fields


class ArticleRef(serializers.ModelSerializer):
    outlet = OutletRef(read_only=True, allow_null=True)

    class Meta:
        model = Article
        fields = ["id", "title", "url", "published_at", "outlet"]
        read_only_fields = fields


# --- Actors ---------------------------------------------------------------------------------


class AffiliationOut(serializers.ModelSerializer):
    organisation = ActorRef(read_only=True)

    class Meta:
        model = Affiliation
        fields = ["organisation", "role", "start_on", "end_on", "needs_review"]
        read_only_fields = fields


class ActorOut(serializers.ModelSerializer):
    part_of = ActorRef(read_only=True, allow_null=True)
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    affiliations = AffiliationOut(many=True, read_only=True)

    class Meta:
        model = Actor
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "description",
            "wikidata_id",
            "part_of",
            "needs_review",
            "aliases",
            "affiliations",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ActorIn(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=ActorKind.choices)
    slug = serializers.SlugField(max_length=200, required=False, default="")
    description = serializers.CharField(
        max_length=500, required=False, default="", allow_blank=True
    )
    wikidata_id = serializers.RegexField(
        r"^Q[0-9]+$", max_length=20, required=False, default="", allow_blank=True
    )
    part_of = BySlug(queryset=Actor.objects.all(), required=False, allow_null=True)
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list, max_length=100
    )


class MergeIn(serializers.Serializer):
    into = BySlug(
        queryset=Actor.objects.all(),
        help_text="The slug of the actor that remains; this one's statements move to it.",
    )


class MergeOut(serializers.Serializer):
    target = ActorRef(read_only=True)
    statements = serializers.IntegerField(read_only=True, help_text="Statements moved.")
    aliases = serializers.IntegerField(read_only=True, help_text="Names added as aliases.")
    affiliations = serializers.IntegerField(read_only=True, help_text="Affiliations moved.")


# --- Issues ---------------------------------------------------------------------------------


class IssueOut(serializers.ModelSerializer):
    parent = IssueRef(read_only=True, allow_null=True)
    keywords = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Issue
        fields = [
            "id",
            "slug",
            "name",
            "description",
            "parent",
            "keywords",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class IssueIn(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    slug = serializers.SlugField(max_length=200, required=False, default="")
    description = serializers.CharField(required=False, default="", allow_blank=True)
    keywords = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list, max_length=200
    )
    parent = BySlug(queryset=Issue.objects.all(), required=False, allow_null=True)


# --- Statements and stances -----------------------------------------------------------------


class StanceOut(serializers.ModelSerializer):
    issue = IssueRef(read_only=True)

    class Meta:
        model = Stance
        fields = ["issue", "position", "confidence", "note"]
        read_only_fields = fields


class StatementOut(serializers.ModelSerializer):
    speaker = ActorRef(read_only=True)
    speaker_affiliation = ActorRef(read_only=True, allow_null=True)
    article = ArticleRef(read_only=True, allow_null=True)
    stances = StanceOut(many=True, read_only=True)

    class Meta:
        model = Statement
        fields = [
            "id",
            "speaker",
            "speaker_affiliation",
            "text",
            "kind",
            "said_on",
            "said_on_precision",
            "via",
            "article",
            "start",
            "end",
            "speaker_start",
            "speaker_end",
            "confidence",
            "extractor",
            "review_status",
            "reviewed_at",
            "is_demo",
            "note",
            "stances",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class StatementRef(serializers.ModelSerializer):
    """A statement inside a stance row: its words, date, evidence and status."""

    article = ArticleRef(read_only=True, allow_null=True)

    class Meta:
        model = Statement
        fields = [
            "id",
            "text",
            "kind",
            "said_on",
            "said_on_precision",
            "via",
            "article",
            "start",
            "end",
            "review_status",
            "is_demo",
        ]
        read_only_fields = fields


class BoundedId(serializers.IntegerField):
    def __init__(self, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class Offset(serializers.IntegerField):
    def __init__(self, **kwargs: Any) -> None:  # noqa: ANN401
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", True)
        super().__init__(min_value=0, max_value=MAX_OFFSET, **kwargs)


class ArticleField(serializers.PrimaryKeyRelatedField):
    """An article by id; out-of-range ids are "not found" rather than a database overflow."""

    def to_internal_value(self, data: Any) -> Article:  # noqa: ANN401
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("incorrect_type", data_type=type(data).__name__)
        try:
            value = int(data)
        except ValueError:
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 1 <= value <= MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(value)


class StanceIn(serializers.Serializer):
    issue = BySlug(queryset=Issue.objects.all())
    position = serializers.ChoiceField(choices=Position.choices)
    confidence = serializers.FloatField(min_value=0, max_value=1, required=False, default=1.0)
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=10_000)


class StatementIn(serializers.Serializer):
    """A statement entered by a curator, with its evidence and stances."""

    speaker = BySlug(queryset=Actor.objects.all())
    speaker_affiliation = BySlug(queryset=Actor.objects.all(), required=False, allow_null=True)
    text = serializers.CharField(trim_whitespace=False, max_length=100_000)
    kind = serializers.ChoiceField(choices=StatementKind.choices)
    article = ArticleField(queryset=Article.objects.all(), required=False, allow_null=True)
    start = Offset(help_text="Where the words start in the article's text (characters).")
    end = Offset(help_text="Where they end (exclusive); end - start = len(text).")
    speaker_start = Offset()
    speaker_end = Offset()
    said_on = serializers.DateField(required=False, allow_null=True)
    said_on_precision = serializers.ChoiceField(
        choices=DatePrecision.choices, required=False, default=DatePrecision.DAY
    )
    via = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    confidence = serializers.FloatField(min_value=0, max_value=1, required=False, default=1.0)
    review_status = serializers.ChoiceField(
        choices=ReviewStatus.choices, required=False, default=ReviewStatus.PENDING
    )
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=10_000)
    stances = StanceIn(many=True, required=False, default=list, max_length=50)


class StatementCorrectionIn(serializers.Serializer):
    """A curator's correction: only the fields sent change."""

    speaker = BySlug(queryset=Actor.objects.all(), required=False)
    speaker_affiliation = BySlug(queryset=Actor.objects.all(), required=False, allow_null=True)
    text = serializers.CharField(trim_whitespace=False, max_length=100_000, required=False)
    kind = serializers.ChoiceField(choices=StatementKind.choices, required=False)
    article = ArticleField(queryset=Article.objects.all(), required=False, allow_null=True)
    start = Offset()
    end = Offset()
    speaker_start = Offset()
    speaker_end = Offset()
    said_on = serializers.DateField(required=False, allow_null=True)
    said_on_precision = serializers.ChoiceField(choices=DatePrecision.choices, required=False)
    via = serializers.CharField(max_length=200, required=False, allow_blank=True)
    confidence = serializers.FloatField(min_value=0, max_value=1, required=False)
    note = serializers.CharField(required=False, allow_blank=True, max_length=10_000)


class ReviewIn(serializers.Serializer):
    status = serializers.ChoiceField(choices=ReviewStatus.choices)


class BulkReviewIn(serializers.Serializer):
    statements = serializers.ListField(
        child=BoundedId(), min_length=1, max_length=500, help_text="Statement ids."
    )
    status = serializers.ChoiceField(choices=ReviewStatus.choices)


class BulkReviewOut(serializers.Serializer):
    changed = serializers.IntegerField(read_only=True, help_text="Statements whose status changed.")


# --- The product's questions ----------------------------------------------------------------


class TimelineEntryOut(serializers.ModelSerializer):
    """One stance in an actor's timeline and the position the actor held before on the issue."""

    issue = IssueRef(read_only=True)
    statement = StatementRef(read_only=True)
    previous_position = serializers.ChoiceField(
        choices=Position.choices, read_only=True, allow_null=True
    )
    is_change = serializers.SerializerMethodField()

    class Meta:
        model = Stance
        fields = ["issue", "position", "confidence", "previous_position", "is_change", "statement"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_is_change(self, stance: Stance) -> bool:
        previous = getattr(stance, "previous_position", None)
        return previous is not None and previous != stance.position


class CurrentPositionOut(serializers.ModelSerializer):
    """An actor's latest approved stance on the issue."""

    actor = ActorRef(read_only=True, source="statement.speaker")
    statement = StatementRef(read_only=True)

    class Meta:
        model = Stance
        fields = ["actor", "position", "confidence", "statement"]
        read_only_fields = fields


class ChangesQueryIn(serializers.Serializer):
    since = serializers.DateField(required=False)
    limit = serializers.IntegerField(min_value=1, max_value=500, required=False, default=50)


class PositionChangeOut(serializers.ModelSerializer):
    """An actor's approved stance on the issue that differs from its previous one."""

    actor = ActorRef(read_only=True, source="statement.speaker")
    previous_position = serializers.ChoiceField(
        choices=Position.choices, read_only=True, source="changed_from"
    )
    previous_said_on = serializers.DateField(
        read_only=True,
        allow_null=True,
        source="changed_from_on",
        help_text="When the previous position was stated.",
    )
    statement = StatementRef(read_only=True)

    class Meta:
        model = Stance
        fields = ["actor", "position", "previous_position", "previous_said_on", "statement"]
        read_only_fields = fields
