"""Writes to the domain: each function checks the rules, saves atomically and returns what it wrote.

A broken rule raises ``django.core.exceptions.ValidationError`` naming the records involved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from positions import current
from positions.models import (
    Actor,
    ActorAlias,
    ActorKind,
    ActorMerge,
    Affiliation,
    DatePrecision,
    Issue,
    Position,
    ReviewStatus,
    Stance,
    Statement,
    StatementKind,
)
from positions.names import fold_name
from sources.models import Article

User = AbstractBaseUser | AnonymousUser | None


def _person(user: User) -> AbstractBaseUser | None:
    return user if user is not None and user.is_authenticated else None


def _attribute(instance: models.Model, by: User) -> None:
    """Name the person behind a change in its history row (the request middleware does this
    for admin edits; services called from tasks or commands say it here)."""
    person = _person(by)
    if person is not None:
        instance._history_user = person  # type: ignore[attr-defined]


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 200) -> str:
    """A slug for ``text`` not yet used by ``model``: "russia", then "russia-2", ..."""
    base = slugify(text, allow_unicode=False)[: max_length - 6].strip("-") or "item"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# --- Actors ---------------------------------------------------------------------------------


@transaction.atomic
def create_actor(
    *,
    name: str,
    kind: str,
    aliases: Iterable[str] = (),
    description: str = "",
    wikidata_id: str = "",
    part_of: Actor | None = None,
    needs_review: bool = False,
    slug: str = "",
) -> Actor:
    """A new actor with its aliases; the slug is derived from the name when not given."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "An actor needs a name."})
    if kind not in ActorKind.values:
        raise ValidationError(
            {"kind": f"Unknown actor kind {kind!r} for {name!r}; use one of {ActorKind.values}."}
        )
    actor = Actor(
        name=name,
        kind=kind,
        slug=slug or unique_slug(Actor, name),
        description=description,
        wikidata_id=wikidata_id,
        part_of=part_of,
        needs_review=needs_review,
    )
    actor.full_clean()
    actor.save()
    for alias in aliases:
        add_alias(actor=actor, name=alias)
    return actor


def add_alias(*, actor: Actor, name: str) -> ActorAlias | None:
    """Record another name for the actor; None when it folds to the actor's name or an alias."""
    name = name.strip()
    key = fold_name(name)
    if not key or key == actor.name_key:
        return None
    alias, _ = ActorAlias.objects.get_or_create(actor=actor, name_key=key, defaults={"name": name})
    return alias


def add_affiliation(
    *,
    member: Actor,
    organisation: Actor,
    role: str = "",
    start_on: dt.date | None = None,
    end_on: dt.date | None = None,
    needs_review: bool = False,
) -> Affiliation:
    """Record the member's role in the organisation; the same role twice is kept once."""
    if member.pk == organisation.pk:
        raise ValidationError(f"{member} cannot be affiliated to itself.")
    if start_on and end_on and end_on < start_on:
        raise ValidationError(
            f"The affiliation of {member} to {organisation} ends ({end_on}) before it starts "
            f"({start_on})."
        )
    affiliation, _ = Affiliation.objects.get_or_create(
        member=member,
        organisation=organisation,
        role=role.strip(),
        start_on=start_on,
        defaults={"end_on": end_on, "needs_review": needs_review},
    )
    return affiliation


@dataclass(frozen=True)
class MergeResult:
    target: Actor
    statements: int
    aliases: int
    affiliations: int


@transaction.atomic
def merge_actors(*, source: Actor, target: Actor, by: User = None) -> MergeResult:
    """Fold ``source`` into ``target``: its statements, aliases, affiliations and parts move,
    its name becomes an alias, the merge is logged, and ``source`` is deleted."""
    if source.pk == target.pk:
        raise ValidationError(f"Cannot merge {source} (id {source.pk}) into itself.")
    if target.part_of_id == source.pk or source.part_of_id == target.pk:
        raise ValidationError(
            f"{source} and {target} are part of one another; change their 'part of' first."
        )
    source = Actor.objects.select_for_update().get(pk=source.pk)
    moved_statements = Statement.objects.filter(speaker=source).update(speaker=target)
    Statement.objects.filter(speaker_affiliation=source).update(speaker_affiliation=target)
    Actor.objects.filter(part_of=source).update(part_of=target)

    moved_aliases = 0
    for alias in [source.name, *source.aliases.values_list("name", flat=True)]:
        if add_alias(actor=target, name=alias) is not None:
            moved_aliases += 1

    moved_affiliations = 0
    for affiliation in Affiliation.objects.filter(Q(member=source) | Q(organisation=source)):
        member = target if affiliation.member_id == source.pk else affiliation.member
        organisation = (
            target if affiliation.organisation_id == source.pk else affiliation.organisation
        )
        if member.pk == organisation.pk:
            continue  # "X is part of X" after the merge says nothing
        add_affiliation(
            member=member,
            organisation=organisation,
            role=affiliation.role,
            start_on=affiliation.start_on,
            end_on=affiliation.end_on,
            needs_review=affiliation.needs_review,
        )
        moved_affiliations += 1
    _attribute(target, by)

    if not target.description and source.description:
        target.description = source.description
    if not target.wikidata_id and source.wikidata_id:
        target.wikidata_id = source.wikidata_id
        source.wikidata_id = ""
        source.save(update_fields=["wikidata_id"])
    target.save()
    ActorMerge.objects.create(
        source_name=source.name,
        source_slug=source.slug,
        target=target,
        merged_by=_person(by),
        statements_moved=moved_statements,
    )
    source.delete()  # aliases and affiliations cascade; they were copied above
    current.refresh_speakers([target.pk])
    return MergeResult(target, moved_statements, moved_aliases, moved_affiliations)


# --- Issues ---------------------------------------------------------------------------------


def create_issue(
    *,
    name: str,
    description: str = "",
    keywords: Sequence[str] = (),
    parent: Issue | None = None,
    slug: str = "",
) -> Issue:
    """A new issue; the slug is derived from the name when not given."""
    issue = Issue(
        name=name.strip(),
        slug=slug or unique_slug(Issue, name),
        description=description,
        keywords=[k.strip() for k in keywords if k.strip()],
        parent=parent,
    )
    issue.full_clean()
    issue.save()
    return issue


# --- Statements -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StanceInput:
    issue: Issue
    position: str
    confidence: float = 1.0
    note: str = ""


def check_span(*, article: Article | None, text: str, start: int | None, end: int | None) -> None:
    """Raise unless [start, end) is inside the article's text and holds exactly ``text``."""
    if start is None and end is None:
        return
    if start is None or end is None:
        raise ValidationError({"start": "Give both ends of the span, or neither."})
    if article is None:
        raise ValidationError({"article": "A span needs the article it points into."})
    if not 0 <= start < end <= len(article.text):
        raise ValidationError(
            {
                "end": f"The span {start}–{end} lies outside the text of article {article.pk} "
                f"({len(article.text)} characters)."
            }
        )
    if article.text[start:end] != text:
        raise ValidationError(
            {
                "text": f"The text does not match article {article.pk} at {start}–{end}: the "
                f"article has {article.text[start:end][:80]!r} there."
            }
        )


def _check_choice(field: str, value: str, choices: type[Position] | type[StatementKind]) -> None:
    if value not in choices.values:
        raise ValidationError(
            {field: f"Unknown {field} {value!r}; use one of {', '.join(choices.values)}."}
        )


@transaction.atomic
def record_statement(
    *,
    speaker: Actor,
    text: str,
    kind: str,
    article: Article | None = None,
    start: int | None = None,
    end: int | None = None,
    speaker_start: int | None = None,
    speaker_end: int | None = None,
    speaker_affiliation: Actor | None = None,
    said_on: dt.date | None = None,
    said_on_precision: str = DatePrecision.DAY,
    via: str = "",
    confidence: float = 1.0,
    extractor: str = "",
    created_by: User = None,
    review_status: str = ReviewStatus.PENDING,
    stances: Iterable[StanceInput] = (),
    is_demo: bool = False,
    note: str = "",
) -> Statement:
    """Save a statement with its stances after checking its evidence span."""
    if not text.strip():
        raise ValidationError({"text": "A statement needs its words."})
    _check_choice("kind", kind, StatementKind)
    check_span(article=article, text=text, start=start, end=end)
    if not extractor and _person(created_by) is None:
        raise ValidationError(
            {"extractor": "Say what produced the statement: an extractor name or a person."}
        )
    now = timezone.now()
    statement = Statement(
        speaker=speaker,
        speaker_affiliation=speaker_affiliation,
        article=article,
        text=text,
        kind=kind,
        start=start,
        end=end,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        said_on=said_on,
        said_on_precision=said_on_precision,
        via=via,
        confidence=confidence,
        extractor=extractor,
        created_by=_person(created_by),
        review_status=review_status,
        reviewed_by=_person(created_by) if review_status != ReviewStatus.PENDING else None,
        reviewed_at=now if review_status != ReviewStatus.PENDING else None,
        is_demo=is_demo,
        note=note,
    )
    statement.full_clean(exclude=["article"])
    _attribute(statement, created_by)
    statement._change_reason = f"recorded by {extractor}" if extractor else "entered by hand"  # type: ignore[attr-defined]
    statement.save()
    for stance in stances:
        set_stance(
            statement=statement,
            issue=stance.issue,
            position=stance.position,
            confidence=stance.confidence,
            note=stance.note,
        )
    return statement


@transaction.atomic
def set_stance(
    *,
    statement: Statement,
    issue: Issue,
    position: str,
    confidence: float = 1.0,
    note: str = "",
    by: User = None,
) -> Stance:
    """Record the position a statement takes on an issue; one per statement and issue."""
    _check_choice("position", position, Position)
    if not 0 <= confidence <= 1:
        raise ValidationError({"confidence": f"Confidence {confidence} is not between 0 and 1."})
    if statement.review_status == ReviewStatus.REJECTED:
        raise ValidationError(
            {"statement": f"Statement {statement.pk} was rejected; restore it before editing."}
        )
    stance = Stance.objects.filter(statement=statement, issue=issue).first() or Stance(
        statement=statement, issue=issue
    )
    stance.position, stance.confidence, stance.note = position, confidence, note
    _attribute(stance, by)
    stance.save()
    current.refresh([(statement.speaker_id, issue.pk)])
    return stance


@transaction.atomic
def review_statements(
    *, statements: Iterable[Statement] | Sequence[int], status: str, by: User
) -> int:
    """Approve, reject or reopen statements; returns how many changed status."""
    if status not in ReviewStatus.values:
        raise ValidationError({"status": f"Unknown review status {status!r}."})
    ids = [s if isinstance(s, int) else s.pk for s in statements]
    changed_ids: list[int] = []
    # Row by row, so each change lands in the history with who made it.
    for statement in (
        Statement.objects.select_for_update().filter(pk__in=ids).exclude(review_status=status)
    ):
        statement.review_status = status
        reviewed = status != ReviewStatus.PENDING
        statement.reviewed_by = _person(by) if reviewed else None
        statement.reviewed_at = timezone.now() if reviewed else None
        statement._change_reason = f"review: {status}"  # type: ignore[attr-defined]
        _attribute(statement, by)
        statement.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "updated_at"])
        changed_ids.append(statement.pk)
    current.refresh_statements(changed_ids)
    return len(changed_ids)


def save_statement_edit(*, statement: Statement, by: User) -> Statement:
    """Save a curator's correction of a statement, checking its span against the article."""
    check_span(
        article=statement.article, text=statement.text, start=statement.start, end=statement.end
    )
    if statement.pk is None and not statement.extractor:
        statement.created_by = _person(by)
    _attribute(statement, by)
    former_speakers = list(
        Statement.objects.filter(pk=statement.pk).values_list("speaker_id", flat=True)
    )
    try:
        with transaction.atomic():
            statement.save()
            current.refresh_statements([statement.pk], also_speakers=former_speakers)
    except IntegrityError as error:
        raise ValidationError(f"Statement {statement.pk} breaks a rule: {error}") from error
    return statement
