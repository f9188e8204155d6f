"""The Django side of extraction's inputs: a registry snapshot built from the positions tables.

The engine (``sources.extraction``) never touches the database; it takes this snapshot.
"""

from __future__ import annotations

from django.db import DatabaseError, connection

from positions.models import Actor, Affiliation, Issue
from sources.extraction.types import ActorRecord, IssueRecord, Registry

_TABLES = ("positions_actor", "positions_issue")


def tables_exist() -> bool:
    """Whether the actor and issue tables are there (never the case before ``migrate``)."""
    try:
        names = set(connection.introspection.table_names())
    except DatabaseError:
        return False
    return all(table in names for table in _TABLES)


def registry_snapshot() -> Registry:
    """Every actor (with aliases and its latest affiliation) and issue, as plain records."""
    if not tables_exist():
        return Registry()
    posts: dict[int, Affiliation] = {}
    for affiliation in Affiliation.objects.select_related("organisation").order_by(
        "member_id", "-start_on"
    ):
        posts.setdefault(affiliation.member_id, affiliation)
    actors = []
    for actor in Actor.objects.select_related("part_of").prefetch_related("aliases"):
        post = posts.get(actor.id)
        actors.append(
            ActorRecord(
                name=actor.name,
                kind=actor.kind,  # type: ignore[arg-type]
                aliases=tuple(alias.name for alias in actor.aliases.all()),
                role=post.role if post else "",
                affiliation=post.organisation.name if post else None,
                part_of=actor.part_of.name if actor.part_of else None,
            )
        )
    issues = [
        IssueRecord(
            slug=issue.slug,
            name=issue.name,
            description=issue.description,
            keywords=tuple(str(k) for k in (issue.keywords or [])),
        )
        for issue in Issue.objects.all()
    ]
    return Registry(tuple(actors), tuple(issues))


def merged(base: Registry, extra: Registry) -> Registry:
    """``base`` with ``extra``'s actors and issues added; ``extra`` wins on equal names."""
    names = {a.name.casefold() for a in extra.actors}
    slugs = {i.slug for i in extra.issues}
    return Registry(
        tuple(a for a in base.actors if a.name.casefold() not in names) + extra.actors,
        tuple(i for i in base.issues if i.slug not in slugs) + extra.issues,
    )
