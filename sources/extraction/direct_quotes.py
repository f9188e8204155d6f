"""The direct-quotation pass: each quotation's speaker, from the attribution after it, before it,
a label ("Name: “...”"), the sentence before, or the previous speaker's turn.

Finding the quotation marks themselves is :mod:`sources.extraction.quotes`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from sources.extraction.clauses import content_start
from sources.extraction.cues import Cue
from sources.extraction.document import Doc, Found
from sources.extraction.names import ORG_WORDS, Resolved
from sources.extraction.quotes import Quote
from sources.extraction.recording import StatementRecorder
from sources.extraction.recording import _coordinated_after as _joined

_SCARE_MAX_WORDS = 4

# "AFP quoted Erdogan as saying" / "Erdogan was quoted by AFP as saying": who was quoted.
_QUOTED_AS = re.compile(
    r"[\s,]*(?:[^,.;“”\"]{1,60}?\s+quoted\s+(?!by\b)(?P<speaker>[^,.;“”\"]{1,80}?)|"
    r"(?P<passive>[^,.;“”\"]{1,80}?)\s+(?:was|were)\s+quoted(?:\s+by\s+[^,.;“”\"]{1,60}?)?)"
    r"\s+as\s+saying\b"
)

# "..., a government statement said": the statement relays its author's words.
_STATEMENT_SAID = re.compile(
    r"[\s,]*(?:a|an|the)\s+(?:[\w’'.\-]+\s+){0,3}statement\s+(?:said|says|added|noted)\b"
)

# "Trump's threat to seize the island “...”": a possessor's noun of saying, then the quote.
_POSSESSED = re.compile(
    r"['’]s\s+(?:threat|threats|promise|pledge|vow|call|demand|warning|claim|claims|remarks|"
    r"comments|words)\b[^.,;“”\"]{0,80}$"
)

# A one-word quotation carries the speaker's claim as the complement of a copula ("said his
# country was “perplexed”") or as what a censure verb condemns ("denouncing its “failure”"); after
# "as", "so-called" or an article before its noun it is only a quoted term.
_CLAIM_WORD_BEFORE = re.compile(
    r"(?:\b(?:is|was|are|were|be|been|remains?|remained)\s+(?:an?\s+)?|"
    r"\b(?:denounc|condemn|criticis|criticiz|decr[iy]|slamm?)\w*\s+(?:its|their|his|her|"
    r"[\w\-]+[’']s)\s+)$",
    re.IGNORECASE,
)

# "Joint Statement by the Foreign Ministers of ...:" / "German Foreign Minister Johann Wadephul:"
_LABEL = re.compile(r"\s*(joint statement by\s+)?([^:“”\"\n]{2,160}?):\s*$", re.IGNORECASE)


class DirectQuotes(StatementRecorder):
    """The direct-quotation pass of :class:`~sources.extraction.engine.Engine`."""

    def _direct_quotes(self, doc: Doc) -> None:
        """Each quotation of two words or more, with the speaker its attribution names (or the
        previous speaker's, for a quotation that goes on from theirs)."""
        last_speaker: tuple[Resolved, int] | None = None
        for qi, q in enumerate(doc.quotes):
            inside = doc.body[q.start : q.end]
            n_words = len(inside.split())
            if n_words < 2 and not _claim_word(doc, q.open_mark):
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
            got = _possessed_words(doc, sent.start, q.open_mark) if fragment else None
            if got is None and not (fragment and _closes_sentence(doc, q, close, after_end)):
                got = self._attribution_after(doc, close + 1, after_end)
            how = "after"
            if got is None or _relay_after(doc, close + 1, after_end):
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
                        Found(
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
            f = Found(
                actor, q.start, q.end, "direct", s_start, s_end, speaker_conf=conf, quote_conf=0.9
            )
            f.date_text = doc.body[sent.start : q.open_mark] + " " + doc.body[close + 1 : after_end]
            for start, end in _paragraph_parts(doc, q):
                self._add(doc, replace(f, start=start, end=end))
            self._relayed_inside(doc, q, f)
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
                        Found(
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

    def _relayed_inside(self, doc: Doc, q: Quote, f: Found) -> None:
        """'“Cambodia and Thailand reiterated their commitment to X,” the ministry said': a
        quotation's sentence whose subject is another named actor with a verb of speech or
        position relays that actor's position, the quotation's speaker being the ``via``."""
        for m in re.finditer(r"(?:^|[.!?]\s+)(?=[A-Z])", doc.body[q.start : q.end]):
            at = q.start + m.end()
            hit = doc.mention_by_start.get(at)
            if hit is None and doc.body[at : at + 4] == "The ":
                hit = doc.mention_by_start.get(at + 4)
                at += 4
            if hit is None or self._own_side(hit[1], f.speaker):
                continue  # "“China urges ...,” the ministry said": its own state, no relay
            holders = [(hit[1], at, hit[0]), *_joined(doc, at)]
            pos = holders[-1][2]
            k = bisect.bisect_left(doc.tok_starts, pos)
            cue = self.cues.match(doc.folded, k, doc.toks[k].text) if k < len(doc.toks) else None
            if cue is None or not cue.is_finite or doc.is_noun(k):
                continue
            stop = re.search(r"[.!?](?:\s|$)", doc.body[doc.toks[k].end : q.end])
            end = doc.toks[k].end + stop.start() if stop else q.end
            spans = self._relayed_verbs(doc, cue, k, end)
            for actor, s_start, s_end in holders:
                for start, stop_at, verb in spans:
                    self._add(
                        doc,
                        Found(
                            actor,
                            start,
                            stop_at,
                            "reported",
                            s_start,
                            s_end,
                            via=f.speaker.name,
                            cue=verb,
                            speaker_conf=0.6,
                            quote_conf=0.6,
                        ),
                    )

    def _own_side(self, actor: Resolved, speaker: Resolved) -> bool:
        """Whether ``actor`` is the speaker or the state the speaker belongs to."""
        return actor.name in (
            speaker.name,
            speaker.affiliation,
            self.index.state_of(speaker.name),
        )

    def _relayed_verbs(self, doc: Doc, cue: Cue, k: int, end: int) -> list[tuple[int, int, str]]:
        """The spans of the verb at token ``k`` and of a second verb joined by "and"."""
        start = content_start(doc, cue, k, end)
        for m in re.finditer(r"\s+and\s+", doc.body[start:end]):
            j = bisect.bisect_left(doc.tok_starts, start + m.end())
            second = self.cues.match(doc.folded, j, doc.toks[j].text)
            if second is not None and second.is_finite:
                tail = content_start(doc, second, j, end)
                return [
                    (start, start + m.start(), " ".join(cue.words)),
                    (tail, end, " ".join(second.words)),
                ]
        return [(start, end, " ".join(cue.words))]

    def _label_speaker(
        self, doc: Doc, para_start: int, open_mark: int
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
        self, doc: Doc, start: int, end: int
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
        # Far enough for a long name and its apposition: '”, the Bureau National
        # Interprofessionnel du Cognac, a French industry group, said'.
        for i in range(lo, min(hi, lo + _ATTRIBUTION_REACH)):
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
        self, doc: Doc, sent_start: int, open_mark: int
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
        self, doc: Doc, lo: int, hi: int
    ) -> tuple[Resolved, int, int, float] | None:
        j = lo
        while j < hi and j - lo < 10 and doc.body[doc.toks[j].end : doc.toks[j].end + 1] != ",":
            j += 1
        return self._speaker_ending(doc, lo, min(hi, j + 1), -1)


_ATTRIBUTION_REACH = 20


def _possessed_words(
    doc: Doc, sent_start: int, open_mark: int
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


def _claim_word(doc: Doc, open_mark: int) -> bool:
    """Whether a one-word quotation opening at ``open_mark`` states a claim (not a term)."""
    return _CLAIM_WORD_BEFORE.search(doc.body, max(0, open_mark - 60), open_mark) is not None


def _closes_sentence(doc: Doc, q: Quote, close: int, after_end: int) -> bool:
    """'... said foreign support must end, “including X’s aid.” Rwanda has denied ...': the
    quotation ends its sentence and the next one has a subject of its own."""
    inside = doc.body[q.start : q.end].rstrip()
    after = doc.body[close + 1 : after_end].lstrip()
    return inside.endswith((".", "!", "?")) and after[:1].isupper()


def _relay_after(doc: Doc, start: int, end: int) -> bool:
    """'..., Reporteri reports.' / '..., a government statement said.': an outlet or a
    statement passes the quotation on."""
    return (
        re.match(r"[\s,]*(?:[\w’'.\-]+\s+){1,4}report(?:s|ed)\b", doc.body[start:end]) is not None
        or _STATEMENT_SAID.match(doc.body, start, end) is not None
    )


def _paragraph_parts(doc: Doc, q: Quote) -> list[tuple[int, int]]:
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
