"""The three roles, as Django groups with permissions.

- analyst: reads everything, including pending statements.
- curator: also edits statements, stances, actors and issues, reviews and merges.
- admin: everything on the domain and the sources, and user management.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

ANALYST = "analyst"
CURATOR = "curator"
ADMIN = "admin"

DOMAIN_APPS = ("positions", "sources")
CURATED_MODELS = (
    "statement",
    "pendingstatement",
    "stance",
    "actor",
    "actoralias",
    "affiliation",
    "issue",
)
CURATOR_EXTRA = (
    ("positions", "review_statement"),
    ("positions", "merge_actors"),
    ("sources", "change_article"),
    ("sources", "add_article"),
)


def _permissions(query: Q) -> list[Permission]:
    return list(Permission.objects.filter(query))


def ensure_roles() -> dict[str, Group]:
    """Create or refresh the three groups; safe to run any number of times."""
    view_all = Q(content_type__app_label__in=DOMAIN_APPS, codename__startswith="view_")
    curate = Q(content_type__app_label="positions", content_type__model__in=CURATED_MODELS) & ~Q(
        codename__startswith="delete_"
    )
    extras = Q()
    for app_label, codename in CURATOR_EXTRA:
        extras |= Q(content_type__app_label=app_label, codename=codename)
    admin = Q(content_type__app_label__in=(*DOMAIN_APPS, "auth", "authtoken", "django_celery_beat"))

    groups = {}
    for name, query in (
        (ANALYST, view_all),
        (CURATOR, view_all | curate | extras),
        (ADMIN, admin),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(query))
        groups[name] = group
    return groups


def ensure_roles_after_migrate(**kwargs: Any) -> None:  # noqa: ANN401 - signal signature
    ensure_roles()
