"""The passes for official texts (press statements, readouts, transcripts): each transcript
turn's words, the author's unquoted sentences, leading participles ("Reaffirming ..., the
Ministers ...") and positions named as an actor's own.

How a text is recognised as official (byline, turns, own paragraphs) is in
:mod:`sources.extraction.official`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from sources.extraction import dates, stance
from sources.extraction.document import Doc, Found
from sources.extraction.names import Resolved
from sources.extraction.recording import StatementRecorder
from sources.extraction.text import Span, sentences, word_set

FIRST_PERSON = frozenset(["we", "our", "ours", "us", "i", "my", "me"])

# Subjects a regular past form follows as a verb: "they agreed", "he also noted".
_PAST_SUBJECTS = word_set("he she they it who which also jointly both together then")

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

# An interviewer's sentence about themselves, the guest or others' words, or thanks.
_NOT_ASSERTED = re.compile(
    r"\b(?:i|we|i[’']m|we[’']ve|we[’']re|i[’']ve|you are|you[’']re|your|thanks?|said|says|told)\b",
    re.IGNORECASE,
)

# A speaker announcing the shape of their speech: "I will make three points."
_SPEECH_FRAME = re.compile(
    r"(?:let me|allow me to|(?:i|we)(?:\s+[\w’']+){0,5}?)\s+"
    r"(?:make|raise|offer|share|highlight|focus on|address)\s+(?:[\w\-]+\s+){0,2}"
    r"(?:points?|remarks?|observations?|issues?|messages?|comments?)[.:]?$",
    re.IGNORECASE,
)
# A sentence of courtesy in a speech: "Thank you very much.", "Much appreciated, Madam
# President." It carries no position (a long one may: "We thank Qatar for mediating ...").
_COURTESY = re.compile(r"(?:much appreciated|many thanks|i thank you|we thank you)\b", re.I)
_COURTESY_WORDS = 16

# Participles that work as prepositions: "Regarding economic stabilization, ...".
_PREPOSITION_ING = word_set("regarding concerning considering following including according")

_LEADING_PARTICIPLE = re.compile(
    r"(?:(?:While|After|Before|In|By|Also)\s+)?(?P<verb>[A-Za-z]+ing)\b(?P<rest>[^,;:“”\"]{3,200}),\s"
)

_PERFECT = word_set("has have had")

# Words that make a sentence a prediction or a denial: "will", "would", "no", "never".
_JUDGING = word_set("will would cannot can't won't no not never")

_OBJECT_OPENERS = word_set("the a an his her their its with talks")

# A sentence opening on what the one before said: "This includes ...", "It also ...".
_ANAPHOR = re.compile(r"(?:This|These|That|Those|It|Such)\b")

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

PLEASANTRY = re.compile(
    r"^(thanks?|thank you|good (morning|afternoon|evening)|hello|gracias|merci|danke|obrigado|"
    r"(it'?s |it’s )?(nice|good|great) to (see|meet)|welcome)\b",
    re.I,
)

# A transcriber's note standing for words: "(In Spanish.)", "(Laughter.)", "[inaudible]".
_LEADING_NOTE = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]\s*(?=\S)")

# A speaker addressing someone before their words: "Mr. President, ...", "Tony, ...".
_VOCATIVE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Madam|Mister)\.?\s+)?[A-Z][\w.]*,\s*")

_STAGE_DIRECTION = re.compile(r"^\s*[(\[][^()\[\]]{1,40}[)\]]\.?\s*$")


class OfficialPasses(StatementRecorder):
    """The official-text passes of :class:`~sources.extraction.engine.Engine`."""

    def _official_turns(self, doc: Doc) -> None:
        """In a transcript, each turn's paragraphs are its speaker's own words (an
        interviewer's only where they take a position)."""
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
                    if sent.endswith("?") or PLEASANTRY.match(sent) or len(sent.split()) < 6:
                        continue
                    # An interviewer's own judgement is theirs ("The threats don't appear to
                    # be working"); what they report others said is found by the reported-speech
                    # pass, and what they say of themselves is no position.
                    if stance.carries_position(sent) and not _NOT_ASSERTED.search(sent):
                        f = Found(turn.speaker, s.start, s.end, "direct", speaker_conf=0.6)
                        self._add(doc, replace(f, quote_conf=0.6))
                continue
            if PLEASANTRY.match(text.strip()) and len(text.split()) < 12:
                continue
            if _STAGE_DIRECTION.match(text):
                continue
            # Prepared remarks (no one asks questions) take one statement per position; an
            # answer in an interview goes on as one.
            prepared = not any(t.is_interviewer for t in doc.official.turns.values())
            pieces = _turn_passages(doc, start, para.end) if prepared else [Span(start, para.end)]
            for piece in pieces:
                f = Found(
                    turn.speaker, piece.start, piece.end, "direct", via=turn.via, speaker_conf=0.85
                )
                self._add(doc, replace(f, quote_conf=0.85))

    def _official_sentences(self, doc: Doc) -> None:
        """In an official text's own paragraphs, the unquoted sentences that declare something
        are its author's (the principal's) statements, as are a joint statement's release line."""
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
                    Found(actor, start, end, "reported", s, e, speaker_conf=0.75, quote_conf=0.6),
                )
        for pi in sorted(info.own_paragraphs):
            para = doc.paras[pi]
            if (
                doc.body[para.start : para.end].rstrip().endswith(":")
                and len(doc.body[para.start : para.end].split()) < 25
            ):
                continue
            current: Found | None = None
            after_other = False
            official: Found | None = None
            for sent in sentences(doc.body, para.start, para.end):
                # "As my Foreign Secretary has said, X": the author relays X and says it too.
                relayed = _covered(doc, sent, relayer=principal.name)
                # "It spreads the lie that X despite reports from the Secretary-General stating
                # the opposite": in a speech, words reported deep inside the author's sentence
                # leave the sentence the author's.
                embedded = principal.kind == "person" and _only_embedded(doc, sent, principal)
                other = _covered(doc, sent) and not embedded or _reports_speech(doc, sent)
                if other and not relayed or doc.in_quote(sent.start + 1):
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
                courtesy = PLEASANTRY.match(text.strip()) or _COURTESY.match(text.strip())
                if courtesy and hi - lo < _COURTESY_WORDS:
                    current = None  # "Thank you very much, Madam President."
                    continue
                # "the US" in capitals is the country, not "us".
                first_person = any(
                    doc.folded[k] in FIRST_PERSON and doc.toks[k].text != "US"
                    for k in range(lo, hi)
                )
                if not first_person and self._narrates_author(doc, lo, hi, principal):
                    current = None  # "Foreign Secretary X gave a statement to ...": the release
                    continue
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
                # with it, unless it opens on a name ("Taiwan is a capable member ...") or is a
                # long prediction or denial, a judgement of its own ("The only outcome will be
                # a deeper crisis"), not opening on what the one before said ("It will include
                # ..."); elsewhere it is a statement of its own.
                long_own = (
                    hi - lo >= 12
                    and any(w in _JUDGING for w in words)
                    and not _ANAPHOR.match(doc.body, sent.start)
                )
                opens_anew = current is None or _starts_with_actor(doc, lo, hi) or long_own
                declares = opens_anew and not follows_other and self._declares(doc, sent, lo, hi)
                home = _home_subject(doc, lo, hi, principal)
                if home is not None and (evaluative or declares):
                    # "The UK is actively considering next steps": the author's state speaks.
                    state, verb = home
                    f = Found(state, verb, sent.end, "reported", speaker_conf=0.7)
                    self._add(doc, replace(f, quote_conf=0.6))
                    current = None
                elif first_person or evaluative or declares:
                    speaker = principal if first_person else voice
                    via = info.via if principal.kind != "person" or info.via else ""
                    if speaker is not principal:
                        via = ""
                    current = Found(
                        speaker,
                        sent.start,
                        sent.end,
                        "direct",
                        via=via,
                        speaker_conf=0.75,
                        quote_conf=0.6,
                    )
                    self._add(doc, current)
                elif current is not None and not _starts_with_actor(doc, lo, hi):
                    current.end = sent.end

    def _leading_participles(self, doc: Doc) -> None:
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

    def _possessed_positions(self, doc: Doc, *, relayed: bool) -> None:
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
            f = Found(actor, start, end, "reported", s_start, s_end, speaker_conf=0.6)
            self._add(doc, replace(f, quote_conf=0.55, via=relayer.name if relayer else ""))

    def _relayer(self, doc: Doc, sent: Span, pos: int) -> Resolved | None:
        """Who, in 'The Secretary conveyed President X's ...', passes on X's position."""
        m = _RELAYED.search(doc.body, sent.start, pos)
        if m is None:
            return None
        got = self._subject_left(doc, sent.start, m.start(), False)
        return got[0] if got is not None else None

    def _position_noun(self, doc: Doc, lo: int, hi: int) -> int | None:
        """The position noun after a possessive, past at most two modifiers ("five-point")."""
        for k in range(lo, min(hi, lo + 3)):
            if doc.folded[k] in self.cues.position_nouns:
                return k
            if not doc.toks[k].text[:1].islower():
                return None  # a name: "Serbia's Foreign Minister"
        return None

    def _partner_said(self, doc: Doc, sent: Span, principal: Resolved) -> bool:
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

    def _official_said(self, doc: Doc, sent: Span, principal: Resolved) -> Found | None:
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

    def _narrates_author(self, doc: Doc, lo: int, hi: int, principal: Resolved) -> bool:
        """Whether the sentence tells in the past what the author, or in a readout one of the
        issuer's officials, named as its subject, did ("Foreign Secretary X gave a statement to
        the House ...", "Following the launches, Deputy Secretary X held a call ..."): the
        release's narration."""
        # The subject opens the sentence or its main clause, after an opening phrase.
        comma = doc.body.find(", ", doc.toks[lo].start, doc.toks[hi - 1].end) if lo < hi else -1
        openings = [lo] if comma < 0 else [lo, bisect.bisect_left(doc.tok_starts, comma)]
        for first in openings:
            for k in range(first, min(hi, first + 6)):
                hit = doc.mention_by_start.get(doc.toks[k].start)
                if hit is None or not self._author_side(hit[1], principal):
                    continue
                verb = bisect.bisect_left(doc.tok_starts, hit[0])
                if verb < hi and doc.folded[verb] in self.cues.past | self.cues.event:
                    return True
        return False

    def _author_side(self, actor: Resolved, principal: Resolved) -> bool:
        """The author, or in a readout one of the issuer's own officials."""
        if actor.name == principal.name:
            return True
        return (
            principal.kind != "person"
            and actor.kind == "person"
            and (self._same_side(actor, principal))
        )

    def _declares(self, doc: Doc, sent: Span, lo: int, hi: int) -> bool:
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

    def _simple_past(self, doc: Doc, k: int, lo: int) -> bool:
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


def _home_subject(doc: Doc, lo: int, hi: int, principal: Resolved) -> tuple[Resolved, int] | None:
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


def _starts_with_actor(doc: Doc, lo: int, hi: int) -> bool:
    return lo < hi and doc.toks[lo].start in doc.mention_by_start


def _covered(doc: Doc, sent: Span, relayer: str = "", speaker: str = "") -> bool:
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


def _turn_passages(doc: Doc, start: int, end: int) -> list[Span]:
    """A transcript turn's paragraph as its passages: a sentence that takes a position after
    a passage that took one already, or after thanks alone, opens a new statement (unquoted
    first-person words take one statement per position); any other sentence, and a short one
    ("We want to build on that"), goes on with the passage before."""
    passages: list[Span] = []
    taken = courtesy = False
    for sent in sentences(doc.body, start, end):
        text = doc.body[sent.start : sent.end].strip()
        thanks = bool(PLEASANTRY.match(_VOCATIVE.sub("", text, count=1)))
        position = (
            stance.carries_position(text)
            and not _ANAPHOR.match(text)
            and not thanks
            and len(text.split()) >= 8
        )
        if passages and not (position and (taken or courtesy)):
            passages[-1] = Span(passages[-1].start, sent.end)
            taken = taken or position
            courtesy = courtesy and thanks
            continue
        passages.append(sent)
        taken, courtesy = position, thanks
    return passages


def _reports_speech(doc: Doc, sent: Span) -> bool:
    """Whether the sentence opens on a speaker and reports what they said ("The Secretary and
    the Minister discussed X, focusing on Y"), however short the part found as their words."""
    return any(
        f.kind == "reported"
        and f.speaker_start is not None
        and sent.start <= f.speaker_start < sent.end
        and len(doc.body[sent.start : f.speaker_start].split()) <= 2
        and f.speaker_start < f.start < sent.end
        for f in doc.found
    )


def _only_embedded(doc: Doc, sent: Span, principal: Resolved) -> bool:
    """Whether every statement of another speaker found in the sentence has its speaker named
    deep inside it (after five words), after the sentence's own subject and verb."""
    others = [
        f
        for f in doc.found
        if f.start < sent.end and sent.start < f.end and f.speaker.name != principal.name
    ]
    return bool(others) and all(
        f.speaker_start is not None
        and sent.start <= f.speaker_start
        and len(doc.body[sent.start : f.speaker_start].split()) > 5
        for f in others
    )
