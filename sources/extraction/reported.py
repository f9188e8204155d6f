"""The reported-speech pass: sentences around cues of speech or position ("X said Y", "Y, X
said", "according to X, Y", "X urged Y"), with their second clauses, relative clauses and
participles, and nouns of saying ("China's claims that Y").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from sources.extraction.clauses import PREPOSITION_NEXT, ClauseRules
from sources.extraction.cues import Cue
from sources.extraction.document import Doc, Found
from sources.extraction.names import TITLE_WORDS, Resolved
from sources.extraction.official_passes import PLEASANTRY
from sources.extraction.subjects import DOCUMENTS, INTRO, RELATIVE
from sources.extraction.text import Span, sentences, word_set

# Official cues that are acts of the subject's own, whoever the subject is.
_COMMITTING = word_set("commits commit pledges pledge plans plan intends intend affirms affirm")


_FIRST_PERSON_APPOSITION = re.compile(r"\s*(?:We|I)\s*,\s")

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

_ADDING = re.compile(
    r"[^,]{0,60},\s+(adding|saying|stressing|noting|warning|insisting|arguing|explaining)"
    r"\s+(?:that\s+)?"
)


_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic")

# How many words into relayed content its own speaker's verb may come.
_INNER_REACH = 30


# Whom a speaker told, when no "that" follows: "told reporters the talks had stalled".
_ADDRESSEE = re.compile(
    r"\s+(?:(?:the|state|local|foreign)\s+)?(?:reporters|journalists|lawmakers|legislators|"
    r"parliament|delegates|press|media|television|radio|audience)\s+"
)

# Where a second clause may start with its own speaker: "..., but X said", "...; X said",
# "..., after X urged".
_NEXT_CLAUSE = re.compile(
    r"(?:,|;)\s+(?:and|but|while|whereas)\s+|;\s+|,\s+(?P<when>after|as|when|before|since)\s+"
    r"|,\s+(?P<with>with)\s+"
    r"|,\s+(?:just\s+|shortly\s+|only\s+)?(?:(?:a|an|one|two|three|hours|days|weeks|day|week)\s+)"
    r"{1,2}(?P<lag>after|before)\s+"
)

_POST_BEFORE = re.compile(r"(?:the\s+)?[\w’'.\- ]{1,50},\s*")

_LEAD_IN = re.compile(r"(?:\s+[\w.’'\-]+){0,6}?\s*(?:,\s*)?(?:\bthat\b|:)\s*")

_ADJECTIVAL = word_set("committed determined prepared concerned convinced united")

_ADJUNCT = re.compile(
    r"(in|on|at|during|after|before|while|when|from|to|of|last|this|today|yesterday|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|earlier|later)\b",
    re.IGNORECASE,
)

# A clause of its own in a sentence's tail: "said on Tuesday that ...", "said in Kyiv the talks
# had stalled".
_OWN_CLAUSE = re.compile(r"\bthat\b|\b(?:is|are|was|were|will|would|has|have|had)\b", re.IGNORECASE)

# The longest attribution that may close a sentence after its verb of speech, in characters
# ("..., Wang said at a regular press briefing in Beijing on Tuesday."): fourteen words.
_LONGEST_TAIL = 200

# "spoke today with President X to": a call or meeting whose purpose follows.
_MET_WITH = re.compile(
    r"\b(?:spoke|speaks|met|meets|talked|talks|conferred|confers|held talks|called)\b"
    r"[^.;:]{0,200}?\bwith\b[^.;:]{0,200}?\bto\s+$",
    re.IGNORECASE,
)


class ReportedSpeech(ClauseRules):
    """The reported-speech pass of :class:`~sources.extraction.engine.Engine`."""

    def _reported(self, doc: Doc) -> None:
        """Every sentence outside transcript labels and skipped paragraphs, for reported speech
        and nouns of saying."""
        for pi, para in enumerate(doc.paras):
            if pi in doc.official.skip_paragraphs:
                continue
            para_start = para.start
            if pi in doc.official.turns:
                para_start = doc.official.turns[pi].label_end
            for sent in sentences(doc.body, para_start, para.end):
                self._reported_sentence(doc, sent, pi)
                self._noun_content(doc, sent)
                self._held_by_relative(doc, sent)
        _quotes_inside_reports(doc)

    def _noun_content(self, doc: Doc, sent: Span) -> None:
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
            if _relay_claim(doc, start, actor):
                continue
            self._add(
                doc,
                Found(
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

    def _demonym(self, words: str, actor: Resolved) -> bool:
        """Whether a speaker's mention is an adjective of nationality ("Moroccan", "Chinese"):
        a word before a cue then makes the cue a noun ("Moroccan support for ...")."""
        folded = words.casefold()
        if " " in folded or len(folded) < 5 or folded == actor.name.casefold():
            return False
        if folded in self.index.demonyms:
            return True
        # An alias that extends the state's name: "Moroccan" of Morocco, "Israeli" of Israel.
        return (
            actor.kind == "state"
            and folded[:4] == actor.name.casefold()[:4]
            and folded.endswith(_DEMONYM_ENDINGS)
        )

    def _without_titles(self, lead: str) -> str:
        """The words before a speaker's name, without the titles that go with it: "..., Foreign
        Minister" of "..., Foreign Minister Sergey Lavrov said"."""
        words = lead.split(" ")
        while len(words) > 1 and words[-1][:1].isupper():
            folded = words[-1].casefold().strip(".")
            if folded not in TITLE_WORDS and folded not in self.index.demonyms:
                break
            words.pop()
        return " ".join(words).rstrip()

    def _trailing(self, doc: Doc, sent: Span, lo: int, hi: int) -> bool:
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
            acting = _acting_tail(tail)
            # Quotation marks in the speaker's own participle clause ('..., accusing its
            # neighbour of "hostile actions"') do not make the tail a quotation's attribution.
            own = tail[: tail.find(",")] if acting else tail
            # "..., Morawiecki has said in response to Kyiv's criticism of ...": a long tail
            # that is an adjunct, with no clause of its own, still closes the sentence.
            adjunct = _ADJUNCT.match(tail) is not None and not _OWN_CLAUSE.search(tail)
            if any(mark in own for mark in '“"«') or (
                len(tail.split()) > 14 and not relayed and not acting and not adjunct
            ):
                continue
            told = doc.folded[i] in ("told", "tells", "tell") and len(tail.split()) <= 6
            if tail and not (tail[0] in ",.;!?" or _ADJUNCT.match(tail) or told):
                continue  # "Rubio told CBS News on Sunday." names whom he told
            left = self._subject_left(doc, sent.start, tok.start, False)
            if left is None:
                continue
            actor, s_start, s_end, conf, _ = left
            lead = self._without_titles(doc.body[sent.start : s_start].rstrip())
            if doc.folded[lo] in INTRO and len(lead.split()) < 12:
                return False  # "In a plea published in ..., Bazoum said": an opening phrase
            if not lead.endswith((",", ",”", ',"')) or len(lead.split()) < 4:
                return False
            relay = cue.lemma == "report" or doc.folded[i - 1] in DOCUMENTS
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
            f = Found(
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
                        Found(
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

    def _relayed(self, doc: Doc, part: Span, relayer: Resolved) -> bool:
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

    def _quoted_as_saying(
        self, doc: Doc, sent_start: int, cue_start: int
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

    def _has_inner_attribution(
        self, doc: Doc, start: int, end: int, *, relayed: bool = False
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

    def _purpose_of_meeting(
        self, doc: Doc, sent_start: int, i: int
    ) -> tuple[Resolved, int, int, float, str] | None:
        """'Secretary Blinken spoke today with President X to reiterate ...': what a call or a
        meeting was for is said by the one who called or met."""
        if i == 0 or doc.folded[i - 1] != "to":
            return None
        m = _MET_WITH.search(doc.body[sent_start : doc.toks[i].start])
        if m is None:
            return None
        return self._subject_left(doc, sent_start, sent_start + m.start(), False)

    def _reported_sentence(self, doc: Doc, sent: Span, para_i: int) -> None:
        """The statements of one sentence: each cue (left to right) with its speaker and the
        words it governs, then the clauses that follow."""
        if doc.body[sent.start : sent.end].rstrip("”\"’' ").endswith("?") and not doc.in_quote(
            sent.end - 2
        ):
            return  # a question asks; it states no position
        lo, hi = doc.toks_between(sent.start, sent.end)
        if self._trailing(doc, sent, lo, hi):
            return
        self._opening_participle(doc, sent, lo, hi)
        covered_until = -1
        last: Found | None = None
        partners: list[Found] = []  # the same statement for subjects joined to last's
        i = lo
        official_here = para_i in doc.official.own_paragraphs
        if official_here and PLEASANTRY.match(doc.body[sent.start : sent.end]):
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
                official_cue = _official_cue(doc, i, hi)
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
            if cue is not None and cue.lemma == "call" and not _calls_it(doc, i, n, hi):
                i += n  # "called a meeting", "called him": no verdict on anything
                continue
            if cue is not None and _is_passive(doc, i, lo):
                i += n  # "the bill was rejected": not the subject's own position
                continue
            if cue is not None and cue.type == "speech" and _unsaid(doc, i, lo):
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
                    f = Found(
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
                and not _mention_just_before(doc, i, lo)
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
            if doc.body[s_end : tok.start] == " " and self._demonym(doc.body[s_start:s_end], actor):
                i += n  # "cited what he called Moroccan support for ...": an adjective, a noun
                continue
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
                        Found(
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
            elif PREPOSITION_NEXT.match(doc.body, cue_end):
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
            f = Found(
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
            main = self._after_relative(doc, f, sent) if _apposition == RELATIVE else None
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
        self, doc: Doc, f: Found, sent: Span, para_i: int, *, speakers_only: bool = False
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
                # "..., with Beijing calling the move X": the clause's verb is a participle.
                with_subject = m.group("with") is not None and cue.is_participle
                if cue.type != "speech" and not cue.is_finite and not with_subject:
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

    def _assessed(self, doc: Doc, i: int, actor: Resolved) -> bool:
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

    def _according(self, doc: Doc, sent: Span, i: int, hi: int, para_i: int) -> bool:
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
            if j >= hi:
                return False  # "... according to" and nothing after it
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
                Found(
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
        self, doc: Doc, sent: Span, i: int, cue: Cue | None, cue_end: int
    ) -> Found | None:
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
            return Found(
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
                f = Found(
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


def _quotes_inside_reports(doc: Doc) -> None:
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


def _acting_tail(tail: str) -> bool:
    """'Tuesday, responding to an agreement ...': a short adjunct, then the speaker's own
    participle clause."""
    comma = tail.find(",")
    return (
        comma >= 0
        and len(tail[:comma].split()) <= 6
        and re.match(r",\s+[a-z]+ing\b", tail[comma:]) is not None
    )


def _mention_just_before(doc: Doc, i: int, lo: int) -> bool:
    """'with Hamas insisting on ...': an actor right before a participle is its subject."""
    return i > lo and doc.toks[i - 1].end in doc.mention_by_end


def _unsaid(doc: Doc, i: int, lo: int) -> bool:
    """A speech verb said not to have been used: "did not say", "declined to comment"."""
    before = doc.folded[max(lo, i - 3) : i]
    if before[-2:] in (["declined", "to"], ["refused", "to"]):
        return True
    return any(w in ("not", "never", "n't") or w.endswith("n't") for w in before[-2:])


def _is_passive(doc: Doc, i: int, lo: int) -> bool:
    word = doc.folded[i]
    if word in _ADJECTIVAL or not (word.endswith("ed") or word in ("said", "told", "made")):
        return False
    k = i - 1
    while k >= lo and doc.folded[k].endswith("ly"):
        k -= 1
    return k >= lo and doc.folded[k] in ("was", "were", "been", "being", "is", "are", "be")


def _calls_it(doc: Doc, i: int, n: int, hi: int) -> bool:
    """'called the decision “unacceptable”': a quoted verdict a few words after "called";
    'what Russia calls a “special military operation”' only names a thing."""
    if "what" in doc.folded[max(0, i - 4) : i]:
        return False
    k = i + n
    for j in range(k, min(hi, k + 12)):
        if doc.in_quote(doc.toks[j].start):
            return j > k
    return False


def _official_cue(doc: Doc, i: int, hi: int) -> bool:
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


def _relay_claim(doc: Doc, start: int, holder: Resolved) -> bool:
    """'Wang repeated China's claims that Y': the verb gave Y to Wang, but Y is the claim's
    holder's, relayed by Wang. Hands over the statement; says if there was one."""
    for f in doc.found_at.get(start, ()):
        if f.kind == "reported" and f.speaker.name != holder.name:
            f.via = f.via or f.speaker.name
            f.speaker = holder
            return True
    return False
