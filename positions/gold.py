"""Importing hand-labelled data in the corpus's gold format (``NAME.txt`` + ``NAME.gold.json``).

This is how a team imports labelled articles, and how the demo data is loaded. The format is
described in ``positions/fixtures/demo/README.md``. Loading is idempotent: actors, issues and
articles are found again by name, slug and URL or text, and a statement already present (same
article, speaker and span) is not added twice.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import capfirst

from positions import services
from positions.models import (
    Actor,
    ActorKind,
    DatePrecision,
    Issue,
    ReviewStatus,
    Statement,
    StatementKind,
)
from sources import dedupe
from sources.extraction import corpus
from sources.models import Article, ArticleStatus, SourceKind

GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True)
class GoldArticle:
    """A corpus text file: its header fields and its body."""

    path: Path
    header: dict[str, str]
    body: str


@dataclass(frozen=True)
class GoldFile:
    path: Path
    article: GoldArticle | None
    issues: dict[str, str]
    actors: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    is_demo: bool = False


@dataclass
class LoadReport:
    actors_created: int = 0
    issues_created: int = 0
    articles_created: int = 0
    statements_created: int = 0
    statements_skipped: int = 0
    problems: list[str] = field(default_factory=list)


def read_corpus_text(path: Path) -> GoldArticle:
    """Split a corpus file into its ``key: value`` header and its body (after the first blank
    line); offsets in the gold file count from the start of the body."""
    parsed = corpus.parse_text(path.read_text(encoding="utf-8"))
    if not parsed.header:
        raise ValidationError(
            f"{path}: no header of 'key: value' lines followed by a blank line before the body."
        )
    return GoldArticle(path=path, header=parsed.header, body=parsed.body)


def gold_path_for(path: Path) -> Path:
    """``NAME.gold.json`` for ``NAME.txt`` (or the gold path itself)."""
    if path.name.endswith(GOLD_SUFFIX):
        return path
    return path.with_name(path.stem + GOLD_SUFFIX)


def read_gold(path: Path) -> GoldFile:
    """Read a gold file and, when present beside it, its article text."""
    gold_path = gold_path_for(path)
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError(f"{gold_path}: no such gold file.") from None
    except json.JSONDecodeError as error:
        raise ValidationError(f"{gold_path}: not valid JSON ({error}).") from None
    text_name = data.get("article") or gold_path.name.removesuffix(GOLD_SUFFIX) + ".txt"
    text_path = gold_path.with_name(text_name)
    return GoldFile(
        path=gold_path,
        article=read_corpus_text(text_path) if text_path.exists() else None,
        issues=dict(data.get("issues", {})),
        actors=list(data.get("actors", [])),
        statements=list(data.get("statements", [])),
        is_demo=bool(data.get("demo", False)),
    )


# --- Entities -------------------------------------------------------------------------------


def _find_actor(name: str) -> Actor | None:
    matches = list(Actor.objects.named(name))
    exact = [a for a in matches if a.name == name]
    return (exact or matches or [None])[0]


def _placeholder(name: str, report: LoadReport) -> Actor:
    """An actor named only as someone's affiliation: kept, and marked for a curator."""
    actor = _find_actor(name)
    if actor is None:
        actor = services.create_actor(
            name=name, kind=ActorKind.ORGANISATION, needs_review=True, description=""
        )
        report.actors_created += 1
    return actor


def _upsert_actor(entry: dict[str, Any], report: LoadReport) -> Actor:
    name = str(entry["name"]).strip()
    kind = str(entry.get("kind", ""))
    if kind not in ActorKind.values:
        raise ValidationError(f"Actor {name!r} has unknown kind {kind!r}.")
    actor = _find_actor(name)
    if actor is None:
        actor = services.create_actor(name=name, kind=kind)
        report.actors_created += 1
    elif actor.needs_review and actor.kind != kind:
        # It was created as a placeholder; the gold file now says what it is.
        actor.kind = kind
        actor.needs_review = False
        actor.save(update_fields=["kind", "needs_review", "updated_at"])
    for alias in entry.get("aliases", []):
        services.add_alias(actor=actor, name=alias)
    return actor


def load_entities(gold: GoldFile, report: LoadReport) -> tuple[dict[str, Actor], dict[str, Issue]]:
    """Create or find the gold file's actors (with aliases, parts and affiliations) and issues."""
    actors = {str(entry["name"]): _upsert_actor(entry, report) for entry in gold.actors}

    def actor_named(name: str) -> Actor:
        return actors.get(name) or actors.setdefault(name, _placeholder(name, report))

    for entry in gold.actors:
        actor = actors[str(entry["name"])]
        if entry.get("part_of") and actor.part_of_id is None:
            actor.part_of = actor_named(entry["part_of"])
            actor.save(update_fields=["part_of", "updated_at"])
        if entry.get("affiliation"):
            services.add_affiliation(
                member=actor,
                organisation=actor_named(entry["affiliation"]),
                role=str(entry.get("role", "")),
            )

    issues = {}
    for slug, question in gold.issues.items():
        issue = Issue.objects.filter(slug=slug).first()
        if issue is None:
            issue = services.create_issue(
                name=issue_name_from_slug(slug, question), slug=slug, description=question
            )
            report.issues_created += 1
        issues[slug] = issue
    return actors, issues


def issue_name_from_slug(slug: str, question: str) -> str:
    """A readable name from a slug, spelling each word as the question does where it is
    capitalised there, and initials of capitalised names as capitals: "prc-scs-claims" with
    "the PRC's claims in the South China Sea" gives "PRC SCS claims"."""
    words = re.findall(r"\w+", question)
    spelled = {w.lower(): w for w in reversed(words) if w[:1].isupper()}
    for size in (2, 3, 4):  # "South China Sea" -> "scs"
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            if all(w[:1].isupper() for w in run):
                initials = "".join(w[0] for w in run)
                spelled.setdefault(initials.lower(), initials.upper())
    return capfirst(" ".join(spelled.get(part, part) for part in slug.split("-") if part))


# --- Statements -----------------------------------------------------------------------------


def _parse_said_on(value: str | None, default: dt.date | None) -> tuple[dt.date | None, str]:
    if not value:
        return default, DatePrecision.DAY
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return dt.date(int(parts[0]), 1, 1), DatePrecision.YEAR
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1), DatePrecision.MONTH
        return dt.date.fromisoformat(value), DatePrecision.DAY
    except ValueError:
        raise ValidationError(f"said_on {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD.") from None


def _store_article(gold: GoldFile) -> tuple[Article, bool]:
    """The gold file's article, found again by URL or by its text, or stored now.

    Not through ``ingestion.store_article``: a labelled article keeps its body verbatim (the
    gold offsets count in it) and must not be queued for machine extraction.
    """
    from sources import ingestion, queries  # the reading stack, only when articles are stored

    assert gold.article is not None
    header, body = gold.article.header, gold.article.body
    url = header.get("url", "")
    digest = dedupe.content_hash(body)
    existing = Article.objects.filter(Q(content_hash=digest) | (Q(url=url) & ~Q(url=""))).first()
    if existing is not None:
        return existing, False
    outlet_name = header.get("outlet", "")
    outlet = queries.outlet_for(url=url, name=outlet_name) or ingestion.new_outlet(
        name=outlet_name, url=url
    )
    date = header.get("date", "")
    published_at = (
        dt.datetime.combine(dt.date.fromisoformat(date), dt.time(12), tzinfo=dt.UTC)
        if date
        else None
    )
    article = Article.objects.create(
        outlet=outlet,
        source_kind=SourceKind.GOLD,
        url=url,
        source_ref=gold.article.path.name,
        title=header.get("title", ""),
        published_at=published_at,
        text=body,
        language="en",
        content_hash=digest,
        license=header.get("license", ""),
        status=ArticleStatus.EXTRACTED,
    )
    return article, True


@transaction.atomic
def load_gold_file(path: Path, *, statements: bool = True, is_demo: bool = False) -> LoadReport:
    """Load one gold file: its entities, and unless ``statements`` is false, its article and
    statements as approved statements."""
    report = LoadReport()
    gold = read_gold(path)
    actors, issues = load_entities(gold, report)
    if not statements or not gold.statements:
        return report
    if gold.article is None:
        raise ValidationError(f"{gold.path}: the article text beside it is missing.")
    article, created = _store_article(gold)
    report.articles_created += int(created)
    published_on = article.published_at.date() if article.published_at else None
    extractor = f"gold:{gold.path.name}"
    for number, entry in enumerate(gold.statements, start=1):
        where = f"{gold.path.name}, statement {number}"
        quote = str(entry["quote"])
        start = article.text.find(quote)
        if start < 0:
            raise ValidationError(
                f"{where}: the quote is not in the article's text: {quote[:60]!r}"
            )
        speaker = actors.get(entry["speaker"]) or _find_actor(entry["speaker"])
        if speaker is None:
            raise ValidationError(f"{where}: unknown speaker {entry['speaker']!r}.")
        if Statement.objects.filter(
            article=article, speaker=speaker, start=start, end=start + len(quote)
        ).exists():
            report.statements_skipped += 1
            continue
        affiliation_name = entry.get("speaker_affiliation")
        said_on, precision = _parse_said_on(entry.get("said_on"), published_on)
        stances = []
        if entry.get("issue"):
            if entry["issue"] not in issues:
                raise ValidationError(f"{where}: issue {entry['issue']!r} is not in 'issues'.")
            stances.append(
                services.StanceInput(issue=issues[entry["issue"]], position=entry["stance"])
            )
        services.record_statement(
            speaker=speaker,
            speaker_affiliation=(actors.get(affiliation_name) or _find_actor(affiliation_name))
            if affiliation_name
            else None,
            text=quote,
            kind=entry.get("kind", StatementKind.REPORTED),
            article=article,
            start=start,
            end=start + len(quote),
            said_on=said_on,
            said_on_precision=precision,
            via=str(entry.get("via") or ""),
            confidence=1.0,
            extractor=extractor,
            review_status=ReviewStatus.APPROVED,
            stances=stances,
            is_demo=is_demo or gold.is_demo,
            note=str(entry.get("note") or ""),
        )
        report.statements_created += 1
    return report


def gold_files_in(paths: Iterable[Path]) -> list[Path]:
    """The gold files named, or found in the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.glob(f"*{GOLD_SUFFIX}")))
        else:
            found.append(gold_path_for(path))
    return found
