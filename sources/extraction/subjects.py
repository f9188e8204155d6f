"""Where a speaker phrase is in a sentence: the subject left of a verb of speech (past adverbs,
dates and appositions), the one right after an inverted "said", or a main clause's subject.
"""

from __future__ import annotations

import re

from sources.extraction import dates
from sources.extraction.document import Doc
from sources.extraction.names import NAME_PARTICLES, Resolved
from sources.extraction.speakers import AUX, BODY_SPEAKERS, ROLE_HEADS, SpeakerFinder
from sources.extraction.text import word_set

# What _subject_left gives as the apposition of a relative clause's antecedent.
RELATIVE = "which"

# "NIAMEY, Niger (AP) — " / "KIGALI: ": a dateline, not the sentence's subject.
_DATELINE = re.compile(
    r"[A-Z][A-Z .'\-]+(?:,\s*[A-Z][\w .]*)?\s*(?:\([^)]{1,30}\))?\s*(?:[—–:]|-\s)\s*"
)

# What an actor reads, issues or posts, and that then says something.
DOCUMENTS = word_set("statement letter message note communique declaration post speech address")

# A relative clause opened inside a subject's apposition: names in it are not the subject.
_RELATIVE_OPEN = re.compile(r"(?:,|\s[—–])\s+(?:who|whose|which)\b")

_WHEN = word_set(
    """monday tuesday wednesday thursday friday saturday sunday week month year weekend
    morning evening night"""
)

_WHEN_LEAD = word_set("on last this late early")

INTRO = word_set(
    """in on at during after before with following earlier later meanwhile however but
    since when while speaking commenting asked as separately also yet still then"""
)

# Prepositions opening an adverbial phrase before the subject: "In Dec. 2022, ...".
_ADJUNCT_OPENERS = word_set("in on at during after before with following since when while")


class SubjectFinder(SpeakerFinder):
    """Finding the speaker phrase in a sentence, resolved by :class:`SpeakerFinder`."""

    def _subject_left(
        self, doc: Doc, sent_start: int, cue_start: int, participle: bool
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
            if doc.folded[hi - 1] in AUX or (
                doc.folded[hi - 1].endswith("ly") and not doc.toks[hi - 1].text[:1].isupper()
            ):
                hi -= 1
            elif doc.folded[hi - 1] in _WHEN and hi - 2 >= lo and doc.folded[hi - 2] in _WHEN_LEAD:
                hi -= 2  # "China's coast guard on Friday urged"
            elif doc.folded[hi - 1] in ("yesterday", "today", "tonight", "earlier"):
                hi -= 1
            elif (on := _dated_on(doc, lo, hi)) is not None:
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
            and DOCUMENTS & set(doc.folded[max(lo, hi - 7) : hi])
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

    def _name_after_apposition(
        self, doc: Doc, sent_start: int, commas: list[int], segment_end: int
    ) -> tuple[Resolved, int, int, float, str] | None:
        """'Vice President of Venezuela, Delcy Rodríguez, informed': the post comes first and
        the name, a run of capitalised words, right before the verb."""
        if not commas or doc.body[segment_end : segment_end + 1] != ",":
            return None
        clo, chi = doc.toks_between(sent_start + commas[-1] + 1, segment_end)
        run = doc.toks[clo:chi]
        if len(run) < 2 or not all(t.text[:1].isupper() or t.text in NAME_PARTICLES for t in run):
            return None
        got = self._speaker_ending(doc, clo, chi, sent_start)
        if got is None or got[0].kind != "person":
            return None
        apposition = doc.body[sent_start : sent_start + commas[-1]].strip(" ,—–(")
        doc.roles.setdefault(got[0].name, apposition)
        return (*got, apposition)

    def _relative_antecedent(
        self, doc: Doc, sent_start: int, pronoun_start: int
    ) -> tuple[Resolved, int, int, float, str] | None:
        """'Somalia, which views Somaliland as its own': the actor the relative clause is on."""
        m = re.search(r"\S(?=\s*,\s*$)", doc.body[sent_start:pronoun_start])
        if m is None:
            return None
        end = sent_start + m.end()
        hit = doc.mention_by_end.get(end)
        if hit is None or doc.in_quote(hit[0]):
            return None
        return hit[1], hit[0], end, 0.65, RELATIVE

    def _apposition_name(
        self, doc: Doc, pos: int, limit: int
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
        self, doc: Doc, sent_start: int, lo: int, hi: int
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
        if lo < hi and (doc.folded[lo] in INTRO or doc.folded[lo].endswith("ly")):
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
        self, doc: Doc, sent_start: int, p: int, hi: int
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
        while k < hi and k - p < 4 and doc.folded[k] not in ROLE_HEADS | BODY_SPEAKERS:
            k += 1
        if k < hi and doc.folded[k] in ROLE_HEADS | BODY_SPEAKERS:
            role = self._role_speaker(doc, max(0, p - 1), k + 1)
            if role is not None:
                return (*role, "")
        return None

    def _subject_right(
        self, doc: Doc, cue_end: int, limit: int
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
            while k < hi and k - lo < 5 and doc.folded[k] not in ROLE_HEADS:
                k += 1
            if k < hi and doc.folded[k] in ROLE_HEADS:
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


def _dated_on(doc: Doc, lo: int, hi: int) -> int | None:
    """Where "on June 6" / "on 6 June" ending token range [lo, hi) starts, if it does."""
    words = doc.folded[max(lo, hi - 3) : hi]
    if len(words) == 3 and words[0] == "on":
        day, month = (words[1], words[2]) if words[1].isdigit() else (words[2], words[1])
        if day.isdigit() and month in dates.MONTHS:
            return hi - 3
    return None
