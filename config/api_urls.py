"""The REST API under /api/v1/ and its OpenAPI schema under /api/schema/."""

urlpatterns: list = []
