"""The REST API for outlets and articles, and submitting a URL or text for ingestion.

An ingestion request answers 202 at once with the article row's address: the article's
``status`` (queued, fetched, extracted, failed) is the job's status, polled at
``/api/v1/articles/{id}/``.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from config.api_errors import Conflict
from positions.api import ID, SLUG, NameOrder, NewestFirst, WritePermission, sees_unreviewed
from positions.models import Statement
from sources import filters, ingestion
from sources.models import Article, Outlet
from sources.serializers import ArticleDetailOut, ArticleOut, IngestionIn, IngestionOut, OutletOut


@extend_schema_view(
    list=extend_schema(summary="Outlets, alphabetical", tags=["sources"]),
    retrieve=extend_schema(summary="An outlet", tags=["sources"]),
)
class OutletViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OutletOut
    permission_classes = [WritePermission]
    queryset = Outlet.objects.all()
    pagination_class = NameOrder
    filterset_class = filters.OutletFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG


@extend_schema_view(
    list=extend_schema(
        summary="Articles, newest first",
        description="Anonymous callers see the articles that approved statements cite.",
        tags=["sources"],
    ),
    retrieve=extend_schema(
        summary="An article with its text (and the status of its ingestion)", tags=["sources"]
    ),
)
class ArticleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    pagination_class = NewestFirst
    permission_classes = [WritePermission]
    filterset_class = filters.ArticleFilter
    lookup_value_regex = ID
    write_permissions = {"create": "sources.add_article"}

    def get_queryset(self) -> QuerySet[Article]:
        qs = Article.objects.select_related("outlet")
        # A list row shows no text; the detail shows the text but never the raw page.
        qs = qs.defer("raw_html", "text") if self.action == "list" else qs.defer("raw_html")
        if not sees_unreviewed(self.request):
            cited = Statement.objects.approved().filter(article=OuterRef("pk"))
            qs = qs.filter(Exists(cited))
        return qs

    def get_serializer_class(self) -> type[ArticleOut]:
        return ArticleOut if self.action == "list" else ArticleDetailOut

    @extend_schema(
        summary="Submit a URL or a text for ingestion (curators)",
        description="Answers 202 at once; poll `status_url` (the article) until its status is "
        "`extracted` or `failed`. A URL or text already stored answers 409.",
        tags=["sources"],
        request=IngestionIn,
        responses={202: IngestionOut},
        examples=[
            OpenApiExample(
                "A URL", value={"url": "https://www.mid.ru/en/press/1234/"}, request_only=True
            ),
            OpenApiExample(
                "Pasted text",
                value={"text": "Lavrov said Russia would not accept...", "title": "Briefing"},
                request_only=True,
            ),
        ],
    )
    def create(self, request: Request) -> Response:
        serializer = IngestionIn(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data["text"].strip():
            result = ingestion.ingest_text(
                data["text"], title=data["title"], url=data["url"], outlet=data.get("outlet")
            )
        else:
            result = ingestion.submit_url(data["url"], outlet=data.get("outlet"))
        if result.outcome == ingestion.Outcome.DUPLICATE:
            raise Conflict(
                f"{result.source} is {result.reason}: see {self._url(request, result.article_id)}"
            )
        if result.outcome == ingestion.Outcome.FAILED or result.article_id is None:
            raise ValidationError({"url" if not data["text"].strip() else "text": [result.reason]})
        article = Article.objects.only("status").get(pk=result.article_id)
        status_url = self._url(request, result.article_id)
        body = {"article": result.article_id, "status": article.status, "status_url": status_url}
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": status_url})

    @staticmethod
    def _url(request: Request, article_id: int | None) -> str:
        return request.build_absolute_uri(reverse("api:article-detail", kwargs={"pk": article_id}))
