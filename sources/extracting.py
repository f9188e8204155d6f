"""The bridge from ingestion to extraction: run the engine on a stored article and save what it
proposes through ``positions`` services.

Ingestion calls :func:`extract_article` (through the Celery task ``sources.tasks.extract_article``)
for each newly stored article; ``manage.py reextract`` calls :func:`reextract_article` when a
newer engine should look again. Unknown speakers become actors marked for review; statements
are saved pending, or approved at or above ``settings.EXTRACTION_AUTO_APPROVE_CONFIDENCE``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from positions import services
from positions.models import Actor, Issue, ReviewStatus, Statement
from sources.extraction import ENGINE_VERSION, Engine, ExtractedStatement
from sources.models import Article, ArticleStatus
from sources.registry import registry_snapshot

logger = logging.getLogger(__name__)


@dataclass
class ExtractionReport:
    """What one run changed for one article."""

    article_id: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: int = 0
    new_actors: list[str] = field(default_factory=list)


def _engine() -> Engine:
    return Engine(registry_snapshot(), model=settings.SPACY_MODEL, classify_new_actors=True)


def extract_article(article_id: int) -> ExtractionReport | None:
    """Propose statements for a stored article once; running it twice adds nothing."""
    article = Article.objects.filter(id=article_id, extracted_at__isnull=True).first()
    if article is None or not article.text.strip():
        return None  # gone, already extracted, or nothing to read yet
    engine = _engine()
    with transaction.atomic():
        claimed = Article.objects.filter(id=article_id, extracted_at__isnull=True).update(
            extracted_at=timezone.now(), status=ArticleStatus.EXTRACTED
        )
        if not claimed:
            return None
        report = ExtractionReport(article_id)
        _save_all(engine, article, report, keep=[])
    logger.info("Article %s: %s statements proposed.", article_id, len(report.added))
    return report


def _machine_pending(article: Article) -> list[Statement]:
    """The machine's statements no curator has touched: approved, rejected or edited ones stay."""
    pending = Statement.objects.filter(
        article=article,
        review_status=ReviewStatus.PENDING,
        extractor__startswith=ENGINE_VERSION.split("/")[0],
        reviewed_by__isnull=True,
        created_by__isnull=True,
    )
    return [s for s in pending if not s.history.filter(history_user__isnull=False).exists()]


def reextract_article(article_id: int) -> ExtractionReport | None:
    """Run the current engine again: replace the machine's untouched pending statements."""
    article = Article.objects.filter(id=article_id).first()
    if article is None or not article.text.strip():
        return None
    engine = _engine()
    report = ExtractionReport(article_id)
    with transaction.atomic():
        replaceable = _machine_pending(article)
        for statement in replaceable:
            report.removed.append(_describe(statement.speaker.name, statement.text))
            statement.delete()
        keep = list(Statement.objects.filter(article=article).select_related("speaker"))
        report.kept = len(keep)
        _save_all(engine, article, report, keep=keep)
        Article.objects.filter(id=article_id).update(
            extracted_at=timezone.now(), status=ArticleStatus.EXTRACTED
        )
    return report


def _describe(speaker: str, text: str) -> str:
    excerpt = text if len(text) <= 70 else text[:67] + "…"
    return f"{speaker}: “{excerpt}”"


def _save_all(
    engine: Engine, article: Article, report: ExtractionReport, keep: list[Statement]
) -> None:
    header = {"title": article.title}
    if article.outlet_id:
        header["outlet"] = article.outlet.name if article.outlet else ""
    published_on = article.published_at.date() if article.published_at else None
    result = engine.extract(article.text, published_on=published_on, header=header)
    actors: dict[str, Actor] = {}
    for proposed in result.statements:
        if any(_same(kept, proposed) for kept in keep):
            continue  # a curator already has this one
        speaker = _actor(proposed.speaker, proposed.speaker_kind, actors, report)
        affiliation = (
            _actor(proposed.speaker_affiliation, "state", actors, report, create=False)
            if proposed.speaker_affiliation
            else None
        )
        if speaker.needs_review and affiliation is not None and speaker.pk != affiliation.pk:
            services.add_affiliation(
                member=speaker,
                organisation=affiliation,
                role=proposed.speaker_role[:300],
                needs_review=True,
            )
        stances = []
        issue = Issue.objects.filter(slug=proposed.issue).first() if proposed.issue else None
        if issue is not None and proposed.stance is not None:
            stances.append(
                services.StanceInput(
                    issue=issue,
                    position=proposed.stance,
                    confidence=proposed.confidences.get("stance", 0.5),
                )
            )
        approved = proposed.confidence >= settings.EXTRACTION_AUTO_APPROVE_CONFIDENCE
        services.record_statement(
            speaker=speaker,
            speaker_affiliation=affiliation
            if affiliation and affiliation.pk != speaker.pk
            else None,
            text=proposed.quote,
            kind=proposed.kind,
            article=article,
            start=proposed.start,
            end=proposed.end,
            speaker_start=proposed.speaker_start,
            speaker_end=proposed.speaker_end,
            said_on=proposed.said_on,
            said_on_precision=proposed.said_on_precision,
            via=proposed.via[:200],
            confidence=proposed.confidence,
            extractor=ENGINE_VERSION,
            review_status=ReviewStatus.APPROVED if approved else ReviewStatus.PENDING,
            stances=stances,
        )
        report.added.append(_describe(speaker.name, proposed.quote))


def _same(kept: Statement, proposed: ExtractedStatement) -> bool:
    if kept.speaker.name != proposed.speaker or kept.start is None or kept.end is None:
        return False
    overlap = min(kept.end, proposed.end) - max(kept.start, proposed.start)
    return overlap >= 0.5 * min(kept.end - kept.start, proposed.end - proposed.start)


def _actor(
    name: str,
    kind: str,
    cache: dict[str, Actor],
    report: ExtractionReport,
    *,
    create: bool = True,
) -> Actor:
    """The registry actor of that name or alias; an unknown one is created for review.

    Only an exact name or alias matches: a look-alike is never merged silently.
    """
    if name in cache:
        return cache[name]
    actor = Actor.objects.named(name).first()
    if actor is None:
        if not create:
            kind = "organisation" if kind not in ("state", "organisation", "group") else kind
        actor = services.create_actor(name=name, kind=kind, needs_review=True)
        report.new_actors.append(name)
    cache[name] = actor
    return actor
