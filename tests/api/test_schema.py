"""The OpenAPI schema: valid, free of warnings, and the committed copy matches the code."""

from pathlib import Path

import pytest
from django.core.management import call_command

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"


def test_committed_schema_matches_the_code(tmp_path):
    generated = tmp_path / "openapi.yaml"
    # --validate checks it against the OpenAPI 3 spec; --fail-on-warn makes a warning an error.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(generated))
    assert generated.read_text() == COMMITTED.read_text(), (
        "docs/openapi.yaml is out of date: run "
        "`python manage.py spectacular --validate --fail-on-warn --file docs/openapi.yaml`"
    )


@pytest.mark.django_db
def test_schema_is_served(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/statements/" in schema["paths"]
    assert "Error" in schema["components"]["schemas"]


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["/api/schema/swagger/", "/api/schema/redoc/"])
def test_docs_pages_load_their_scripts_locally(client, page):
    html = client.get(page).content.decode()
    assert "drf_spectacular_sidecar" in html
    for cdn in ("cdn.", "unpkg", "jsdelivr"):
        assert cdn not in html


@pytest.mark.django_db
def test_errors_are_documented_on_every_operation(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {"400", "401", "403", "429"} <= set(operation["responses"]), (method, path)
            if method in {"post", "patch"}:
                assert {"409", "413", "415"} <= set(operation["responses"]), (method, path)
