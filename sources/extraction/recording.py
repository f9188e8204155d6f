"""Recording what the passes find: :meth:`StatementRecorder._add` trims a statement, splits off
a trailing participle clause ("..., saying X") and drops duplicates; subjects joined by "and"
(or posts, or "both sides") each get the statement (:meth:`StatementRecorder._coordinated`,
:meth:`StatementRecorder._share`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from sources.extraction.document import Doc, Found
from sources.extraction.names import TITLE_WORDS, Resolved
from sources.extraction.speakers import PARTY_HEADS, PEOPLE_HEADS, ROLE_HEADS
from sources.extraction.subjects import SubjectFinder
from sources.extraction.text import trim_span, word_set

# A participle of speech after the content says a second thing: "..., saying (that) X".
_SAYING = re.compile(
    r",[”\"]?\s+(?:while\s+)?(saying|adding|insisting|stressing|noting|arguing|explaining|clarifying|stating|"
    r"asserting|emphasi[sz]ing|underlining|underscoring|reiterating|maintaining)\s+(?:that\s+)?"
)

# The first of two posts joined as a subject: "The Minister and the Deputy Secretary".
_ROLE_PAIR = re.compile(r"(?P<role>(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*)\s+and\s+(?:the\s+)?$")

# Participles that take a stand against something after the content: "..., dismissing X".
_REJECTING = word_set(
    """dismissing rejecting condemning denouncing accusing criticising criticizing blaming
    slamming decrying"""
)

# Participles that warn someone of a second thing after a position: "voiced concern, warning
# (Kabul) that X" is two statements, the position and X.
_WARNING = word_set("warning cautioning telling reminding assuring")

# Fewer words before "..., saying that X" only lead up to X.
_PREFACE_WORDS = 6

# A participle clause after a comma starts the writer's gloss or the next attribution, not more of
# the reported content: "..., adding that ...", "..., signalling that ...", "..., according to him".
_TRAILING_CLAUSE = re.compile(
    r",[”\"]?\s+(?:while\s+)?(?:(?!(?:including|according|regarding|concerning|during|following|excluding|"
    r"notwithstanding|involving|pending|nothing|something|anything|everything)\b)[a-z]+ing\b|"
    r"according to\b)"
)

# A few words of place or time after the verb are no content: "told reporters in Beijing".
_ADJUNCT_ONLY = re.compile(
    r"(?:in|at|on|during|after|before|from|via|to|with)\s+[\w’'.\-]+(?:\s+[\w’'.\-]+){0,2}[.,]?",
    re.IGNORECASE,
)

_THAT = re.compile(r"(?:\s+[\w’'\-]+){0,6}?\s+that\b")

_TRAILING_MIN = 20  # characters of content before a cut: never leave a stub


class StatementRecorder(SubjectFinder):
    """Adding statements to the document, and sharing them among coordinated speakers."""

    def _add(self, doc: Doc, f: Found) -> None:
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
            and more[1] not in _WARNING
            and len(doc.body[start:end].split()) < _PREFACE_WORDS
        ):
            return  # "accused the West of arrogance, emphasizing that X": the preface to X
        if end - start < 3 or (
            len(doc.body[start:end].split()) < 2 and not _whole_quotation(doc, f, start)
        ):
            return
        if f.kind == "reported" and _ADJUNCT_ONLY.fullmatch(doc.body, start, end):
            return  # "Zhao told reporters in Beijing": where it was said, not what
        if f.kind == "reported" and _quoted_clause(doc, start, end):
            return  # 'expressed the hope “that ...”': the direct quotation is the statement
        for other in doc.found_at.get(start, ()):
            if other.speaker.name == f.speaker.name and other.end == end:
                return
        f.start, f.end = start, end
        f.paragraph = doc.para_index(start)
        doc.note_new_actor(f.speaker)
        doc.found.append(f)
        doc.found_at.setdefault(start, []).append(f)

    def _clause_end(self, doc: Doc, start: int, end: int) -> tuple[int, tuple[int, str] | None]:
        """Where reported content ends: before a trailing participle clause outside quotes.

        When the participle is one of speech ("..., saying that X", "..., insisting X"), X is a
        second statement: its start and cue come back too.
        """
        for m in _TRAILING_CLAUSE.finditer(doc.body, start + _TRAILING_MIN, end):
            # The comma may close a quotation: '... "one way or the other," insisting that'.
            if doc.in_quote(m.end() - 1) is not None:
                continue
            word = m.group().lstrip(',”" \t\n').removeprefix("while").split()[0]
            cut = trim_span(doc.body, start, m.start())[1]
            said = _SAYING.match(doc.body, m.start())
            if said is not None and said.end() < end:
                return cut, (said.end(), said.group(1))
            rest = doc.body[m.end() : end]
            cue = self.cues.match([word], 0)
            that = _THAT.match(rest)
            if cue is not None and cue.type == "speech" and that is not None:
                if word in _WARNING:
                    # "called on X to act, warning (Kabul) that Y": Y is a second statement.
                    return cut, (m.end() + that.end(), word)
                # "..., emphasizing once again that X": X is reported speech too.
                continue
            if word in _REJECTING and rest.strip():
                # "..., dismissing the move by the coup leaders": a second position, verb and all.
                return cut, (m.end() - len(word), word)
            return cut, None
        return end, None

    def _coordinated(
        self, doc: Doc, start: int, sent_start: int
    ) -> list[tuple[Resolved, int, int]]:
        """Actors joined to the subject at ``start`` by "and" or commas, nearest first."""
        out: list[tuple[Resolved, int, int]] = _coordinated_after(doc, start)
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
            doc.folded[head] in PEOPLE_HEADS or doc.folded[head] in PARTY_HEADS
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
            pos = _before_titles(doc, pos, sent_start)
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

    def _share(self, doc: Doc, partners: list[Found], f: Found, known: int) -> list[Found]:
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

    def _role_and(self, doc: Doc, start: int, sent_start: int) -> list[tuple[Resolved, int, int]]:
        """The person a post names right before "and" at ``start``: "the Deputy Secretary and"."""
        m = _ROLE_PAIR.search(doc.body, max(sent_start, start - 60), start)
        if m is None:
            return []
        lo, hi = doc.toks_between(m.start("role"), m.end("role"))
        if lo > 0 and doc.folded[lo - 1] in ("the", "a", "an"):
            lo -= 1  # "..., the Minister and": the determiner goes with the post
        return self._post_holder(doc, lo, hi)

    def _post_holder(self, doc: Doc, lo: int, hi: int) -> list[tuple[Resolved, int, int]]:
        """The person holding the post that ends [lo, hi), as a coordinated speaker."""
        if hi > lo and doc.folded[hi - 1] in ROLE_HEADS:
            got = self._role_speaker(doc, lo, hi)
            if got is not None and got[0].kind == "person":
                return [(got[0], got[1], got[2])]
        return []


def _whole_quotation(doc: Doc, f: Found, start: int) -> bool:
    """A direct statement that is a whole quotation: the direct-quotation pass has already
    kept only the one-word quotations that carry a claim."""
    q = doc.in_quote(start)
    return f.kind == "direct" and q is not None and q.start == start


def _quoted_clause(doc: Doc, start: int, end: int) -> bool:
    """A content clause wholly inside quotation marks after a few words of lead-in."""
    m = re.match(r"(?:[\w’']+\s+){0,4}[“\"]that\b", doc.body[start:end])
    if m is None:
        return False
    q = doc.in_quote(start + m.end() - 3)
    return q is not None and q.end >= end - 2


def _before_titles(doc: Doc, pos: int, sent_start: int) -> int:
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


def _coordinated_after(doc: Doc, start: int) -> list[tuple[Resolved, int, int]]:
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
