"""Shared fixtures. Factories live in tests/factories.py."""

import pytest
from django.contrib.auth.models import Group

from positions import roles
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _member_of(group_name: str, **extra):
    roles.ensure_roles()
    user = UserFactory(**extra)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def analyst(db):
    return _member_of(roles.ANALYST, is_staff=True)


@pytest.fixture
def curator(db):
    return _member_of(roles.CURATOR, is_staff=True)


@pytest.fixture
def admin_user_role(db):
    return _member_of(roles.ADMIN, is_staff=True)


@pytest.fixture
def eager_tasks():
    """Run Celery tasks in-process, as the SQLite run does, even in a run with a broker (CI's
    PostgreSQL run): for tests of what a chain of tasks does, not of the broker."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous
