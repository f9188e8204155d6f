"""Errors are JSON with a message, a code and the right status; bad input never gives a 500."""

import json

import pytest
from rest_framework.throttling import SimpleRateThrottle

from tests.factories import ActorFactory, StatementFactory

pytestmark = pytest.mark.django_db


def assert_error(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code
    assert body["detail"]
    return body


def test_malformed_json_is_a_400(curator_client):
    response = curator_client.post(
        "/api/v1/statements/", "{not json", content_type="application/json"
    )
    assert_error(response, 400, "parse_error")


def test_nan_is_not_json(curator_client):
    response = curator_client.post(
        "/api/v1/statements/", '{"confidence": NaN}', content_type="application/json"
    )
    assert response.status_code == 400


def test_a_body_that_is_not_json_is_a_415(curator_client):
    response = curator_client.post("/api/v1/statements/", "a=b", content_type="text/plain")
    assert_error(response, 415, "unsupported_media_type")


def test_a_bad_token_is_a_401(anon_client):
    anon_client.credentials(HTTP_AUTHORIZATION="Token nope")
    body = assert_error(anon_client.get("/api/v1/statements/"), 401, "authentication_failed")
    assert "token" in body["detail"].lower()


def test_unknown_statement_is_a_404_and_a_huge_id_too(anon_client):
    assert_error(anon_client.get("/api/v1/statements/12345/"), 404, "not_found")
    assert anon_client.get("/api/v1/statements/99999999999999999999999/").status_code == 404


def test_an_oversized_body_is_a_413(curator_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = {"text": "x" * 2000, "speaker": "a", "kind": "direct"}
    response = curator_client.post("/api/v1/statements/", body, format="json")
    body = assert_error(response, 413, "too_large")
    assert "1000 bytes" in body["detail"]


def test_too_many_requests_is_a_429_with_retry_after(anon_client, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": None})
    assert anon_client.get("/api/v1/issues/").status_code == 200
    assert anon_client.get("/api/v1/issues/").status_code == 200
    response = anon_client.get("/api/v1/issues/")
    assert_error(response, 429, "throttled")
    assert int(response["Retry-After"]) > 0


def test_signed_in_clients_have_their_own_higher_limit(analyst_client, monkeypatch):
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "1/minute", "user": "3/minute"}
    )
    statuses = [analyst_client.get("/api/v1/issues/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_a_duplicate_is_a_409(curator_client):
    ActorFactory(slug="taken", wikidata_id="")
    response = curator_client.post(
        "/api/v1/actors/", {"name": "X", "kind": "person", "slug": "taken"}, format="json"
    )
    assert_error(response, 409, "conflict")


def test_wrong_types_are_field_errors_not_500s(curator_client):
    statement = StatementFactory()
    for body in [
        {"said_on": "not a date"},
        {"start": -1},
        {"start": 10**30},
        {"confidence": 7},
        {"article": 10**30},
        {"article": "abc"},
        {"article": True},
        {"kind": ["direct"]},
        {"text": "\x00"},
        {"speaker": {"slug": "x"}},
    ]:
        response = curator_client.patch(f"/api/v1/statements/{statement.pk}/", body, format="json")
        assert response.status_code == 400, (body, response.content)
        assert set(response.json()["errors"]) == set(body)


def test_any_unknown_api_address_is_a_json_404(anon_client):
    for path in ["/api/v1/nothing/", "/api/v1/actors/a%0Ab/timeline/", "/api/v1/statements/x/"]:
        assert_error(anon_client.get(path), 404, "not_found")
    assert_error(anon_client.post("/api/v2/"), 404, "not_found")


@pytest.mark.parametrize("value", ["a\x00b", "\udb87\ude6e", 7, ["x"]])
def test_impossible_slugs_and_choices_are_400s_whatever_they_contain(curator_client, value):
    ActorFactory(slug="s")
    for body in [
        {"speaker": value, "text": "x", "kind": "direct"},
        {"speaker": "s", "text": "x", "kind": value},
        {"speaker": "s", "text": "x", "kind": "direct", "stances": [{"issue": value}]},
    ]:
        # json.dumps escapes lone surrogates (\\udb87), as a client's JSON would
        payload = json.dumps(body)
        response = curator_client.post(
            "/api/v1/statements/", payload, content_type="application/json"
        )
        assert response.status_code == 400, (body, response.content)
        response.json()
