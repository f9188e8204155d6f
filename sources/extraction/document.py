"""The document the passes share: the text's tokens, sentences, actor mentions and quotations,
built once by :func:`prepare`, and the statements found so far (:class:`Found`).

Also the look-ups that need nothing but the document: which paragraph, sentence or transcript
turn a position is in, who "we" is there, whether a cue word is used as a noun.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from sources.extraction.cues import CueLexicon
from sources.extraction.names import (
    NOT_NAME_START,
    NOT_NAMES,
    PERSON_TITLES,
    TITLE_WORDS,
    ActorIndex,
    Resolved,
)
from sources.extraction.official import OfficialInfo, Turn, detect
from sources.extraction.quotes import Quote, find_quotes
from sources.extraction.text import Span, Token, paragraphs, sentences, tokens, word_set
from sources.extraction.types import NewActor, StatementKind

# How far after people spoke together "They" still means them (characters).
_JOINT_REACH = 600

# What follows a plural noun, not a verb of speech: "Arab states have", "the claims are".
_VERB_AFTER_PLURAL = word_set("have had are were will would could should must can may including")

# A cue word after these is a noun ("amid reports", "the statement"), not a verb.
_NOUN_BEFORE = word_set(
    """a an the amid of his her their its these those such media news press our my your
    this that whose in by for with without"""
)

# "You know, Tony, Turkey has ...", "Thank you, Mara.": a name addressed, not a speaker.
_ADDRESS_BEFORE = re.compile(
    r"\b(?:you know|thank you(?: very much| so much)?|thanks|well|yes|no|look|okay|dear|hello|"
    r"good to see you(?: too)?|congratulations)\s*,\s*$",
    re.IGNORECASE,
)


@dataclass
class Found:
    """A statement a pass found, with its speaker and span; ``Engine._finish`` turns it into an
    :class:`~sources.extraction.types.ExtractedStatement`."""

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
class Doc:
    """One text as the passes see it, and what they have found in it so far."""

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
    found: list[Found] = field(default_factory=list)
    # The same statements by where they start: _add's duplicate check looks only there.
    found_at: dict[int, list[Found]] = field(default_factory=dict)
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


def prepare(body: str, header: dict[str, str], index: ActorIndex, cues: CueLexicon) -> Doc:
    """The document for ``body``: tokens, actor mentions, quotations, official-text structure,
    sentences and the names titles introduce, before any pass runs."""
    paras = paragraphs(body)
    toks = tokens(body)
    folded = [_strip_possessive(t.lower) for t in toks]
    mentions: list[tuple[int, int, Resolved]] = []
    i = 0
    while i < len(toks):
        hit = index.match_at(toks, folded, i)
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
    official = detect(body, paras, index, header)
    doc = Doc(
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
    _titled_names(doc, index, cues)
    return doc


def _introduced(doc: Doc, i: int, cues: CueLexicon) -> bool:
    """'John Kirby, the White House spokesman,' / 'John Kirby said': a full name at work."""
    toks = doc.toks
    if not toks[i].text[:1].isupper() or doc.folded[i] in NOT_NAMES | NOT_NAME_START:
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
    cue = cues.match(doc.folded, j, toks[j].text)
    return cue is not None and cue.type == "speech" and not cue.is_participle


def _titled_names(doc: Doc, index: ActorIndex, cues: CueLexicon) -> None:
    """Names after a title ("Foreign Minister Jean Dupont"), known before any pass runs, so
    a later "Dupont said" finds its full name."""
    toks, folded = doc.toks, doc.folded
    for i in range(0, len(toks) - 1):
        titled = i > 0 and folded[i - 1] in PERSON_TITLES and toks[i - 1].text[:1].isupper()
        if not titled and not _introduced(doc, i, cues):
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
        if index.resolve_name(name) is not None:
            continue
        surname = folded[j - 1]
        if surname not in doc.surnames:
            actor = Resolved(name, "person", True, how="new")
            doc.surnames[surname] = actor
            doc.persons.append((toks[i].start, actor))
    doc.persons.sort(key=lambda p: p[0])


def _is_vocative(body: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is addressed: after "You know," and before a comma."""
    return body[end : end + 1] in (",", ".", "!", "?") and bool(
        _ADDRESS_BEFORE.search(body, max(0, start - 40), start)
    )


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") and len(word) > 3 else word
