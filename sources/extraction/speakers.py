"""Who a noun phrase names as a speaker: a known actor, a pronoun's antecedent, a post's holder
("the Secretary"), "both sides", or a new name.

:class:`SpeakerFinder` is the base of the engine's passes; its heart is
:meth:`SpeakerFinder._speaker_ending`, the actor named by the phrase ending a token range.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from sources.extraction.cues import CueLexicon
from sources.extraction.document import Doc
from sources.extraction.names import (
    GROUP_HEADS,
    NAME_PARTICLES,
    NOT_NAME_START,
    NOT_NAMES,
    ORG_WORDS,
    PERSON_TITLES,
    PRONOUNS,
    SPOKESPEOPLE,
    TITLE_WORDS,
    ActorIndex,
    Resolved,
)
from sources.extraction.text import fold_char_text, word_set

AUX = frozenset(
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

# Documents whose author, after "from" or "by", speaks through them.
_AUTHORED = word_set("statement letter message note communique declaration readout release")

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

ROLE_HEADS = frozenset(
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

BODY_SPEAKERS = frozenset(
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

# Words that make a post another post: "Vice President", "Secretary General".
_RANK_WORDS = word_set("vice deputy assistant under general prime")

# Plural heads that stand for the people who met: "the leaders", "both ministers".
PEOPLE_HEADS = word_set("leaders presidents ministers counterparts secretaries diplomats envoys")

# Lower-case words of rank between "the two" and the people: "the two top diplomats".
_RANKS = word_set("top senior chief foreign")

# ... and for the parties that met: "the two sides", "both countries".
PARTY_HEADS = word_set("sides countries nations governments parties")

_ENTOURAGE = word_set("team delegation colleagues counterpart counterparts aides staff")

_POSSESSIVE = word_set("his her their its")

# "both sides", "the two leaders": the pair just named.
_PAIR_NOUNS = word_set("sides parties leaders ministers men women presidents")

# What joins a pair: "X and Y", "X met with Russian Foreign Minister Y".
_PAIRED = re.compile(r"\s+(?:and|(?:[a-z]+\s+){1,3}?with)\s+(?:the\s+)?")

# Counted or vague sources stay anonymous: "two Israeli officials", "several diplomats".
_COUNTED = word_set("two three four five six several some many numerous various")


class SpeakerFinder:
    """Speaker resolution, shared by every pass."""

    # Set by Engine.__init__.
    index: ActorIndex
    cues: CueLexicon

    def _last_person(self, doc: Doc, pos: int) -> Resolved | None:
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

    def _next_to_cue(self, doc: Doc, start: int, end: int) -> bool:
        i = bisect.bisect_left(doc.tok_starts, start)
        j = bisect.bisect_left(doc.tok_starts, end)
        for k in (i - 1, j, j + 1):
            if k == j + 1 and j < len(doc.toks) and doc.folded[j] not in AUX:
                continue  # "get Bazoum killed, said Barnett": the verb two words on is another's
            if 0 <= k < len(doc.toks):
                between = doc.body[min(end, doc.toks[k].start) : max(start, doc.toks[k].end)]
                if any(mark in between for mark in ".!?"):
                    continue  # "... Ana Brnabic. He stressed": another sentence's verb
                cue = self.cues.match(doc.folded, k, doc.toks[k].text)
                if cue is not None and cue.type == "speech":
                    return True
        return False

    def _post_of(
        self, doc: Doc, head: int, state: Resolved, end: int
    ) -> tuple[Resolved, int, int, float] | None:
        """The one person holding the post ``head`` names for ``state``, those named first."""
        word = doc.folded[head]
        if word not in ROLE_HEADS:
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

    def _speaker_ending(
        self, doc: Doc, lo: int, hi: int, sent_start: int
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
                if (
                    doc.folded[k] in ("from", "by")
                    and k - 1 >= lo
                    and doc.folded[k - 1] in _AUTHORED
                ):
                    # "a statement from the Foreign Ministry said": the document's author.
                    return actor, start, last.end, 0.8
                if (
                    doc.folded[k] in ("for", "from", "of", "at")
                    and k - 1 >= lo
                    and doc.folded[k - 1] in SPOKESPEOPLE
                    and "," not in doc.body[doc.toks[lo].start : doc.toks[k - 1].start]
                ):
                    # "A spokesperson for China's Ministry of Commerce said": the body (but
                    # "Kamalvandi, a spokesman for the agency, said" is the named person).
                    return actor, start, last.end, 0.75
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
        sides = _both_sides(doc, lo, hi)
        if sides is not None:
            return sides
        if word == "they" and doc.joint_before(last.start):
            return doc.joint[0], last.start, last.end, 0.65
        if word in ("it", "they") and (hi - 1 == lo or doc.folded[hi - 2] in ("and", "but")):
            body = _last_body(doc, last.start, plural=word == "they")
            if body is not None:
                return body, last.start, last.end, 0.6
            return None
        if word in ("we", "i"):
            principal = doc.principal_at(last.start)
            if principal is not None:
                return principal, last.start, last.end, 0.8
            return None
        if word in GROUP_HEADS and hi - 1 > lo:
            group = _last_group(doc, last.start)
            if group is not None:
                return group, doc.toks[max(lo, hi - 3)].start, last.end, 0.55
            return None
        if word in ROLE_HEADS or word in BODY_SPEAKERS:
            return self._role_speaker(doc, lo, hi)
        if word in _BODY_HEADS and hi - 1 > lo and doc.folded[hi - 2] in ("the", "this"):
            body = _named_body(doc, word, last.start)
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

    def _role_speaker(self, doc: Doc, lo: int, hi: int) -> tuple[Resolved, int, int, float] | None:
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
            has_det = k >= lo and doc.folded[k] == "the" and doc.folded[j - 2] in ROLE_HEADS
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
        if head in BODY_SPEAKERS or (head in ("official", "officials")):
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
            if head in BODY_SPEAKERS or head == "official":
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

    def _named_spokesperson(self, doc: Doc, phrase: str, start: int) -> Resolved | None:
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
        self, doc: Doc, lo: int, hi: int, sent_start: int
    ) -> tuple[Resolved, int, int, float] | None:
        j = hi
        while j > lo:
            t = doc.toks[j - 1]
            particle = t.text in NAME_PARTICLES and j < hi and j - 1 > lo
            if not (t.text[:1].isupper() or particle):
                break
            if j < hi and doc.toks[j].start - t.end > 1:
                break
            j -= 1
        while j < hi and doc.folded[j] in NOT_NAME_START:
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
            if doc.folded[j + m] in PERSON_TITLES:
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
        if last in PRONOUNS:
            return None  # "Last Sunday I travelled": a pronoun after capitalised time words
        if len(name_toks) == 1:
            if last in doc.surnames:
                return doc.surnames[last], name_toks[0].start, name_toks[-1].end, 0.75
            next_is_cue = hi < len(doc.toks) and (
                (cue := self.cues.match(doc.folded, hi, doc.toks[hi].text)) is not None
                and cue.type == "speech"
                and not doc.is_noun(hi)
            )
            if not role and not (next_is_cue and doc.folded[j] not in NOT_NAMES):
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


def _role_head(words: list[str]) -> list[str]:
    """The head noun of a post: "secretary of state" -> secretary, "secretary general" ->
    general (a hyphenated "secretary-general" stays whole)."""
    for k, word in enumerate(words):
        if word in ("of", "for", "to") and k > 0:
            return [words[k - 1]]
    return words[-1:]


def _last_body(doc: Doc, pos: int, *, plural: bool) -> Resolved | None:
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


def _both_sides(doc: Doc, lo: int, hi: int) -> tuple[Resolved, int, int, float] | None:
    """Who 'both sides', 'the two leaders' or 'The leaders' ending [lo, hi) are, all of them
    speaking: the first returned, the others as coordinated speakers (``doc.joint``).

    First the pair last named as "X and Y" (:func:`_two_sides`); else, for a plural head
    after "the", "both" or "two", the people or parties the sentence before said met
    (:func:`_met`).
    """
    last = doc.toks[hi - 1]
    word = doc.folded[hi - 1]
    pair_at = _pair_phrase(doc, lo, hi)
    if pair_at is not None:
        sides = _two_sides(doc, pair_at)
        if sides is not None:
            doc.joint, doc.joint_at = sides, pair_at
            return sides[0], pair_at, last.end, 0.6
    counted = _counted_parties(doc, lo, hi)
    if counted is not None:
        doc.joint, doc.joint_at = counted, last.start
        return counted[0], doc.toks[max(lo, hi - 3)].start, last.end, 0.6
    # Only "the/both/the two ...": "30 nations" are not the ones who met; parties only in
    # official texts (in the news "both sides" are as often the belligerents).
    together = word in PEOPLE_HEADS or word in PARTY_HEADS and doc.official.is_official
    if together and _definite_plural(doc, lo, hi) and _last_group(doc, last.start) is None:
        # "The leaders discussed ...", "Both ministers agreed ...", "The two sides
        # reaffirmed ...": the people or parties the readout said met.
        people = _met(doc, last.start, persons=word in PEOPLE_HEADS)
        if people:
            doc.joint, doc.joint_at = people, last.start
            return people[0], doc.toks[max(lo, hi - 3)].start, last.end, 0.6
    return None


_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6}
_STATE_HEADS = word_set("nations countries states governments")


def _counted_parties(doc: Doc, lo: int, hi: int) -> list[Resolved] | None:
    """'the three Sahel nations', 'the leaders of the four countries': the states listed just
    before, when a recent sentence names exactly that many."""
    if doc.folded[hi - 1] not in _STATE_HEADS:
        return None
    k = hi - 2
    while k >= lo and doc.toks[k].text[:1].isupper():
        k -= 1  # "Sahel", "Baltic"
    if k - 1 < lo or doc.folded[k] not in _COUNTS or doc.folded[k - 1] != "the":
        return None
    count = _COUNTS[doc.folded[k]]
    pos = doc.toks[k].start
    si = bisect.bisect_right(doc.sent_starts, pos) - 1
    for s in range(si, max(-1, si - 4), -1):
        start, end = doc.sent_starts[s], min(doc.sent_ends[s], pos)
        states = _named_between(doc, start, end, lambda actor: actor.kind == "state")
        if len(states) == count:
            return states
    return None


def _pair_phrase(doc: Doc, lo: int, hi: int) -> int | None:
    """Where 'both sides' / 'the two leaders' / 'the two' ending [lo, hi) starts."""
    word = doc.folded[hi - 1]
    if word == "two" and hi - 2 >= lo and doc.folded[hi - 2] == "the":
        return doc.toks[hi - 2].start
    if word in _PAIR_NOUNS and hi - 2 >= lo and doc.folded[hi - 2] in ("both", "two"):
        k = hi - 3 if hi - 3 >= lo and doc.folded[hi - 3] == "the" else hi - 2
        return doc.toks[k].start
    return None


def _two_sides(doc: Doc, pos: int) -> list[Resolved] | None:
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


def _definite_plural(doc: Doc, lo: int, hi: int) -> bool:
    """'the leaders', 'both sides', 'The two Prime Ministers': a plural head after 'the',
    'both' or 'two', past any title words."""
    k = hi - 2
    while (
        k >= lo
        and doc.folded[k] not in ("the", "both")
        and (doc.toks[k].text[:1].isupper() or doc.folded[k] in _RANKS)
    ):
        k -= 1  # "The two Prime Ministers", "the two top diplomats"
    return k >= lo and doc.folded[k] in ("the", "both", "two")


def _met(doc: Doc, pos: int, *, persons: bool = True) -> list[Resolved]:
    """The people (else states and bodies) named together in the last sentence before
    ``pos`` that names two or more ("President X spoke today with Prime Minister Y",
    "The United States and India held ..."), in order."""
    k = bisect.bisect_right(doc.sent_starts, pos) - 1
    # This sentence first, up to the phrase: "X talked to Y, during which the two ...".
    for s in range(k, max(-1, k - 6), -1):
        lo, hi = doc.sent_starts[s], min(doc.sent_ends[s], pos)
        named = _named_between(
            doc, lo, hi, lambda a: (a.kind == "person") == persons and a.kind != "group"
        )
        if len(named) >= 2:
            return named
    return []


def _named_between(doc: Doc, lo: int, hi: int, keep: Callable[[Resolved], bool]) -> list[Resolved]:
    """The distinct actors mentioned from ``lo`` to ``hi`` that ``keep`` accepts, in order."""
    named: list[Resolved] = []
    for at, _end, actor in doc.mentions:
        if lo <= at < hi and keep(actor) and all(a.name != actor.name for a in named):
            named.append(actor)
    return named


def _last_group(doc: Doc, pos: int) -> Resolved | None:
    for _start, end, actor in reversed(doc.mentions):
        if end <= pos and actor.kind == "group":
            return actor
    return None


def _named_body(doc: Doc, head: str, pos: int) -> Resolved | None:
    """'The panel said': the body named just before whose name has that word ("a panel of
    UN experts urged ... The panel said ... The experts also criticised")."""
    for start, _end, actor in reversed(doc.mentions):
        named = head in fold_char_text(actor.name).split()
        if start < pos and actor.kind in ("organisation", "group") and named:
            return actor
    return None
