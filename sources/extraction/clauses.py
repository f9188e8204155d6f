"""Rules for the clauses around a reported statement, used by the reported-speech pass:
where a second verb's words start, relative clauses ('Russia, which views Crimea as its own,
rejected ...'), participle phrases before or after the speaker ('Expressing concern, X ...',
'..., said X, proposing Y'), and the paragraphs a closing 'said:' opens.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from sources.extraction.cues import Cue
from sources.extraction.document import Doc, Found
from sources.extraction.names import Resolved
from sources.extraction.official_passes import FIRST_PERSON
from sources.extraction.recording import StatementRecorder
from sources.extraction.text import Span

# A verb of speech followed by a preposition carries the position itself: "warned of war".
PREPOSITION_NEXT = re.compile(r"\s+(?:of|against|about)\b")

_SAID = re.compile(r"\b(?:said|says|added|told|stated)\b")

# "..., which says X", "..., who has long insisted X": a relative clause that speaks.
_RELATIVE_SPEECH = re.compile(r",\s+(?:which|who)\s+(?:\w+\s+){0,2}?(?P<verb>[a-z]+)\b")

# "..., which it described as X": the speaker's own words about what it just named.
_OBJECT_RELATIVE = re.compile(r",\s+(?:which|whom)\s+(?:it|he|she|they)\s+(?P<verb>[a-z]+)\b")


# "..., which the ministry cast as X", "..., one of which it said was Y": who holds the view.
_WHICH_SUBJECT = re.compile(r",\s+(?:one\s+of\s+)?(?:which|whom)\s+")
_RELATIVE_FILLER = frozenset({"has", "had", "have", "long", "also", "previously"})
_PRONOUNS = frozenset({"it", "he", "she", "they"})


def content_start(doc: Doc, cue: Cue, k: int, end: int) -> int:
    """Where a second verb's words start: "... and welcomed X" keeps the verb of position,
    "... but said (that) X" keeps only what was said."""
    cue_end = doc.toks[k + len(cue.words) - 1].end
    if cue.type != "speech" or PREPOSITION_NEXT.match(doc.body, cue_end):
        return doc.toks[k].start
    said = re.match(r"\s*(?:that\s+)?", doc.body[cue_end:end])
    return cue_end + (said.end() if said else 0)


class ClauseRules(StatementRecorder):
    """The clauses a reported statement's sentence goes on with: relative clauses,
    participles, a second verb's content, a 'said:' paragraph."""

    def _participle_after(self, doc: Doc, f: Found, sent: Span) -> None:
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

    def _opening_participle(self, doc: Doc, sent: Span, lo: int, hi: int) -> None:
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
            Found(
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

    def _content_start(self, doc: Doc, cue: Cue, k: int, end: int) -> int:
        return content_start(doc, cue, k, end)

    def _disagrees(self, first_cue: str, word: str) -> bool:
        """A third-person verb ("supports") cannot be coordinated with a bare one ("express")."""
        first = first_cue.split()[0] if first_cue else ""
        cue = self.cues.match([word], 0)
        bare = cue is not None and word == cue.lemma.split()[0]
        return bare and first.endswith("s") and not first.endswith("ss")

    def _after_relative(self, doc: Doc, f: Found, sent: Span) -> Found | None:
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

    def _object_relative(self, doc: Doc, f: Found, sent: Span) -> bool:
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

    def _held_by_relative(self, doc: Doc, sent: Span) -> None:
        """'... Western Sahara, which Morocco regards as its own', '..., which he noted had
        improved': the subject of an object relative clause holds the view its verb gives
        (a pronoun is the speaker the sentence already has)."""
        for m in _WHICH_SUBJECT.finditer(doc.body, sent.start, sent.end):
            if doc.in_quote(m.start()):
                continue
            lo, hi = doc.toks_between(m.end(), sent.end)
            for k in range(lo + 1, min(hi, lo + 6)):
                cue = self.cues.match(doc.folded, k, doc.toks[k].text)
                if cue is not None and cue.is_finite and not doc.is_noun(k):
                    break
            else:
                continue
            subject_end = k
            while subject_end > lo and doc.folded[subject_end - 1] in _RELATIVE_FILLER:
                subject_end -= 1
            holder = self._relative_holder(doc, sent, lo, subject_end, m.start())
            if holder is None:
                continue
            actor, s_start, s_end = holder
            end = sent.end
            for c in re.finditer(",", doc.body[doc.toks[k].end : sent.end]):
                if not doc.in_quote(doc.toks[k].end + c.start()):
                    end = doc.toks[k].end + c.start()
                    break
            start = self._content_start(doc, cue, k, end)
            if any(g.start == start for g in doc.found):
                continue
            for g in doc.found:
                if g.kind == "reported" and g.start < m.start() < g.end:
                    g.end = m.start()  # the clause before ends where the relative starts
            self._add(
                doc,
                Found(
                    actor,
                    start,
                    end,
                    "reported",
                    s_start,
                    s_end,
                    cue=" ".join(cue.words),
                    speaker_conf=0.6,
                    quote_conf=0.6,
                ),
            )

    def _relative_holder(
        self, doc: Doc, sent: Span, lo: int, hi: int, before: int
    ) -> tuple[Resolved, int, int] | None:
        """Who the subject tokens [lo, hi) of a relative clause name: a named actor, or a
        pronoun for the speaker of the sentence's statement before ``before``."""
        if hi - lo == 1 and doc.folded[lo] in _PRONOUNS:
            for g in reversed(doc.found):
                if g.speaker_start is not None and sent.start <= g.speaker_start < before:
                    return g.speaker, doc.toks[lo].start, doc.toks[lo].end
            return None
        first = lo + 1 if hi - lo > 1 and doc.folded[lo] == "the" else lo
        for at in (doc.toks[lo].start, doc.toks[first].start):
            hit = doc.mention_by_start.get(at)
            if hit is not None and hit[0] == doc.toks[hi - 1].end:
                return hit[1], at, hit[0]
        return None

    def _relative_clause(self, doc: Doc, f: Found, sent: Span) -> bool:
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
                Found(
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
        self, doc: Doc, para_i: int, actor: Resolved, s_start: int, s_end: int, conf: float
    ) -> None:
        """'Mr X said:' closing a paragraph: the next paragraph is X's own words, and so are
        the first-person paragraphs right after it (a press release's multi-paragraph quote)."""
        for k in range(para_i + 1, len(doc.paras)):
            nxt = doc.paras[k]
            text = doc.body[nxt.start : nxt.end]
            if text[:1] in '“"«' or k in doc.official.turns or k in doc.official.skip_paragraphs:
                return  # quoted: the direct-quote pass has it
            if k > para_i + 1 and not _goes_on_speaking(doc, nxt):
                return
            self._add(
                doc,
                Found(
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


def _goes_on_speaking(doc: Doc, para: Span) -> bool:
    """A paragraph in the first person that names no one else speaking and asks no
    question: more of the words a 'said:' opened."""
    lo, hi = doc.toks_between(para.start, para.end)
    text = doc.body[para.start : para.end]
    return (
        any(w in FIRST_PERSON for w in doc.folded[lo:hi])
        and not text.rstrip().endswith((":", "?"))
        and _SAID.search(text) is None
    )
