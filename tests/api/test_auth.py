"""Token authentication for programs, session authentication (with CSRF) for the browsable API."""

import pytest
from rest_framework.test import APIClient

from tests.factories import ActorFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_a_program_exchanges_a_password_for_a_token(anon_client, analyst):
    response = anon_client.post(
        "/api/v1/auth/token/",
        {"username": analyst.username, "password": "correct horse battery staple"},
        format="json",
    )
    assert response.status_code == 200
    anon_client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    StatementFactory(review_status="pending")
    assert len(anon_client.get("/api/v1/statements/").json()["results"]) == 1


def test_a_wrong_password_gets_no_token(anon_client, analyst):
    response = anon_client.post(
        "/api/v1/auth/token/", {"username": analyst.username, "password": "no"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"]


def test_a_session_sees_what_its_user_may_see(analyst):
    client = APIClient()
    client.force_login(analyst)
    StatementFactory(review_status="pending")
    assert len(client.get("/api/v1/statements/").json()["results"]) == 1


def test_a_session_write_needs_the_csrf_token(curator):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(curator)
    ActorFactory(slug="a"), ActorFactory(slug="b")
    response = client.post("/api/v1/actors/a/merge/", {"into": "b"}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_the_browsable_api_renders_for_browsers(analyst):
    client = APIClient()
    client.force_login(analyst)
    response = client.get("/api/v1/statements/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"Statement List" in response.content
