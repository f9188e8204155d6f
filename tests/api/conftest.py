"""Fixtures for the API tests: clients for each role, and throttling off unless a test sets it."""

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle


@pytest.fixture(autouse=True)
def _no_throttling(monkeypatch):
    # DRF copies the rates onto the throttle class at import, so settings overrides miss them.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "user": None})
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anon_client():
    return APIClient()


def _token_client(user):
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def analyst_client(analyst):
    return _token_client(analyst)


@pytest.fixture
def curator_client(curator):
    return _token_client(curator)


@pytest.fixture
def plain_client(db):
    """Signed in, but in no group: may read approved data and write nothing."""
    from tests.factories import UserFactory

    return _token_client(UserFactory())
