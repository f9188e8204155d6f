"""The API's shapes for outlets and articles, and the input of an ingestion request."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from positions.serializers import BySlug, OutletRef
from sources.models import Article, Outlet


class OutletOut(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = [
            "id",
            "slug",
            "name",
            "domain",
            "country",
            "is_state_run",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ArticleOut(serializers.ModelSerializer):
    """An article's record; its status is the ingestion job's status."""

    outlet = OutletRef(read_only=True, allow_null=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "outlet",
            "source_kind",
            "url",
            "title",
            "author",
            "published_at",
            "language",
            "license",
            "copy_of",
            "status",
            "last_error",
            "attempts",
            "fetched_at",
            "extracted_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ArticleDetailOut(ArticleOut):
    """An article with its text, into which statements' spans point."""

    class Meta(ArticleOut.Meta):
        fields = [*ArticleOut.Meta.fields, "text"]
        read_only_fields = fields


class IngestionIn(serializers.Serializer):
    """A URL to fetch, or a text to store; extraction follows in the background."""

    url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")
    text = serializers.CharField(required=False, allow_blank=True, default="", max_length=2_000_000)
    title = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)
    outlet = BySlug(queryset=Outlet.objects.all(), required=False, allow_null=True)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if not data["url"] and not data["text"].strip():
            raise serializers.ValidationError(
                "Send a 'url' to fetch, or a 'text' to store (its 'url' then only records where "
                "the text came from)."
            )
        return data


class IngestionOut(serializers.Serializer):
    article = serializers.IntegerField(read_only=True, help_text="The article row's id.")
    status = serializers.CharField(read_only=True, help_text="The article's status now.")
    status_url = serializers.URLField(read_only=True, help_text="Poll this for the job's status.")
