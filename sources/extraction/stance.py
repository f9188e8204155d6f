"""The speaker's position on the issue: support, oppose, conditional or neutral.

Stance is not sentiment: "we categorically oppose the deployment" opposes the deployment, "will
not tolerate NATO troops" opposes them, "expressed readiness to take part" supports. Negation
flips a cue; a condition ("only if", "unless and until", "on the table") makes it conditional;
words of the issue itself say what the statement is about, not which way it leans.

What a word of disapproval is aimed at decides which way it leans on the issue: decrying violence
backs an issue that asks for calm and opposes one about a use of force; decrying the wrongdoing an
allegation names backs the allegation; decrying what an issue asks to change backs the change.
Talk about the talking ("discussed", "exchanged views on"), a forecast ("seems inevitable"), a
choice left to others ("their prerogative") and no comment at all are neutral.
"""

from __future__ import annotations

import json
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from importlib import resources

from sources.extraction.issues import content_stems, stem
from sources.extraction.text import word_set
from sources.extraction.types import Stance

_CONDITIONAL = re.compile(
    r"\b(only if|unless|on the table|provided that|on condition|conditional on|"
    # "as long as" sets a term, but "for as long as it takes" is a pledge.
    r"(?<!for )as long as(?! (?:it takes|necessary|needed|required|possible))|"
    r"subject to|if and only if|in exchange for|in return for|key condition|preconditions?|"
    r"prerequisites?|depend(?:s|ed|ing)? (?:on|upon)|dependent on|conditioned on|"
    r"contingent (?:on|upon)|hinges? on|"
    r"closely (?:related|linked|tied) to|linkage between|"
    r"only after|not until|not before|"
    # "did not support an operation without a credible plan", "no deal without guarantees".
    r"(?:not|never|no|n[’']t|cannot) (?:[\w’'\-]+ ){0,8}?without "
    r"(?!delay\b|further\b|hesitation\b)|"
    # "will not approve the bid until Stockholm acts", "would not agree to a truce while they
    # occupy homes" (not "will not rest until": a pledge).
    r"(?:not|never|n[’']t|cannot) (?!rest\b|stop\b|give up\b)(?:[\w’']+ ){1,6}?(?:until|while)\b|"
    # "can only conclude the deal if Iran drops its demands": "only" a few words before the "if".
    r"only (?:[\w’']+ ){0,8}?(?:if|when|once)\b|"
    # Terms before the step: "Russia must first withdraw", "as soon as conditions permit", "if
    # and when", "in the event that" (not "as soon as possible": that is urgency).
    r"(?:must|should|needs? to|has to|have to) first|"
    r"as soon as (?!possible|practicable|feasible)|if and when|in the event (?:that|of)|"
    r"conditions (?:allow|permit|are met|are right)|"
    # A step promised for later, "once" something happens: "will sign the treaty once Armenia
    # amends its constitution" (not "once again", "once a year").
    r"(?:will|would|can|could|shall|ready to|prepared to|possible)\b[^.;]{0,60}?\bonce\s+"
    r"(?!again\b|more\b|and\b|upon\b|a\s+(?:year|month|week|day)\b|in\s+a\b)|"
    r"should (?:russia|china|iran|they|it|the)\b|no other [\w\s]{1,40} than|"
    # What any deal must contain: "ensure that any deal also include steps to ...".
    r"any (?:future |final |eventual |new )?(?:deal|agreement|accord|settlement|ceasefire|truce)"
    r"\b[^.;]{0,60}?\b(?:must|should|has to|have to|needs? to|would need to|includes?|"
    r"address(?:es)?|guarantees?)\b|"
    r"if (?:the )?[\w\s]{1,30} [“\"]?(?:remain(?:s|ed)?|continu(?:es|ed)|refus(?:es|ed)|"
    r"fail(?:s|ed)?) |"
    r"if (?:they|it|russia|china|iran|the other side) (?:continue|escalate|attempt|fail|refuse))",
    re.IGNORECASE,
)
# A statement that opens with "until" or "once" holds its position until then: "Until the United
# States changes its behavior, ...", "Once the troops leave, talks can start". Not one that ends
# with it ("pauses until the group is defeated"), nor "once again".
_OPENS_WITH_UNTIL = re.compile(
    r"\W*(?:and\s+)?(?:until|once(?!\s+(?:again|more|and\s+for\s+all)\b))\b", re.IGNORECASE
)
# An exception to a refusal makes it conditional ("refused a ceasefire unless the West halted
# aid"); terms of the refused deal do not ("rejected a pact ... in return for recognition").
_EXCEPTION = re.compile(r"\b(?:unless|until|only if|as long as|provided that)\b", re.IGNORECASE)
_LEAD_CONDITION = re.compile(
    r"(should|if|unless|once(?!\s+(?:again|more|and\s+for\s+all)\b)|in case)\b", re.IGNORECASE
)
# "urged the US not to send", "called on X to stop": asking someone not to do something.
_URGE_NOT = re.compile(
    r"\b(urg\w*|call\w* on|ask\w*|demand\w*|warn\w*)\b[^.;]{0,60}?\bnot to\b", re.IGNORECASE
)
# "urged the Philippines to stop infringing", "called on X to cease its provocations".
# "insisted Iran completely give up enrichment": the demand may be a bare subjunctive.
_URGE_STOP = re.compile(
    r"\b(urg\w*|call\w* (?:on|upon)|ask\w*|demand\w*|warn\w*|insist\w*|requir\w*)\b[^.;]{0,80}?"
    r"\b(?:to|must|should|would|\w+ly) (?:\w+ly )?"
    r"(?P<verb>stop|cease|halt|end|refrain from|abandon|withdraw|drop|scrap|give up)\b"
    r"(?P<object>[^.;]{0,60})",
    re.IGNORECASE,
)
# A list of demands: "urged the US to abide by the principle, stop all official exchanges with
# Taiwan and not send wrong signals". Each item to be stopped (or not done) is what it is against.
_DEMAND = re.compile(r"\b(?:urg\w*|call\w* (?:on|upon)|ask\w*|demand\w*)\b", re.IGNORECASE)
# Asking for something done, by a noun as often as by a verb: "called for the suspension of".
_ASKED_FOR = re.compile(
    r"\b(?:urg\w*|call\w* (?:on|upon|for)|ask\w*|demand\w*|insist\w*)\b", re.IGNORECASE
)
# One item of the demand: "to stop X", ", cease X", "and not (to) give X".
_STOP_ITEM = re.compile(
    r"(?:\bto|\bmust|\bshould|,|\band)\s+(?:\w+ly\s+)?(?:stop|cease|halt|refrain from|"
    r"abandon|give up|not (?:to )?(?!only\b|just\b|least\b|be\b)[a-z]+)\s+"
    r"[“”\"]?([^.;,“”\"]{3,60}?)(?=\s+and\s+not\b|[.;,“”\"]|$)",
    re.IGNORECASE,
)


# A capitalised word inside a sentence is part of a name: the United States, the Rapid Support
# Forces, the Council for Peace. Its words are no cue.
_INNER_CAPITALISED = re.compile(r"(?<=[\w,;:’'”)\]] )[A-Z][a-z]+(?:-[A-Za-z]+)?")


def _without_named_cues(quote: str) -> str:
    def blank(m: re.Match[str]) -> str:
        word = m.group(0).lower()
        cue = _is(word, _OPPOSE) or _backs(word) or word in _WEAK_SUPPORT
        return "X" if cue else m.group(0)

    return _INNER_CAPITALISED.sub(blank, quote)


def carries_position(sentence: str) -> bool:
    """Whether a sentence holds a word that takes a side (support or oppose), names aside."""
    words = _WORD.findall(_without_named_cues(sentence).lower())
    return any(_is(w, _OPPOSE) or _backs(w) for w in words)


def demanded_stops(quote: str) -> list[str]:
    """What the speaker demands someone stop or not do, item by item.

    "Stop infringing on our sovereignty" asks to stop a harm to the sovereignty, not the
    sovereignty itself: such items are left out.
    """
    demand = _DEMAND.search(quote)
    if demand is None:
        return []
    out = []
    for m in _STOP_ITEM.finditer(quote, demand.end()):
        words = _WORD.findall(m.group(1).lower())
        if any(w.startswith(_HARM) for w in words[:2]):
            continue
        out.append(m.group(1).strip())
    return out


@dataclass(frozen=True)
class _Words:
    """A word list from the lexicon: whole words, and beginnings written with a trailing "*"."""

    whole: frozenset[str]
    beginnings: tuple[str, ...]

    @classmethod
    def of(cls, entries: list[str]) -> _Words:
        return cls(
            frozenset(e for e in entries if not e.endswith("*")),
            tuple(e[:-1] for e in entries if e.endswith("*")),
        )

    def has(self, word: str) -> bool:
        return word in self.whole or word.startswith(self.beginnings)


def _lexicon(name: str) -> _Words:
    raw = json.loads(resources.files(__package__).joinpath("cues.json").read_text("utf-8"))
    entries: list[str] = raw["stance"][name]
    return _Words.of(entries)


# An issue asking for peace, restraint or protection ("Whether the parties should de-escalate",
# "humanitarian access must be restored") is backed by decrying the harm it would stop: "condemns
# the attacks on peacekeepers", "the movements are provocative". An issue about a use of force
# ("the ground operation", "missile tests") is opposed by the same words.
_PROTECTIVE = _lexicon("protective")
_HARMFUL_ISSUE = _lexicon("harmful_issue")
_HARM_DONE = _lexicon("harm_done")
_MORE_SUPPORT = _lexicon("support")
_MORE_OPPOSE = _lexicon("oppose")
# What a "Whether X should ..." question asks comes after its modal; X is only who is asked.
_ASKS = re.compile(r"\b(?:should|must|would)\s", re.IGNORECASE)


def _issue_leaning(topic: str) -> str:
    """Whether the issue asks for peace, restraint or protection ("protective") or is about a
    use of force ("forceful"): the first word of either kind in what the question asks decides."""
    core = re.split(r"[(;:]", topic, maxsplit=1)[0]
    if _is_claim(core):
        return ""  # "Chagossians were consulted in the negotiations" asks for nothing
    asked = _ASKS.split(core, maxsplit=1)[-1]
    for word in _WORD.findall(asked.lower()):
        if _PROTECTIVE.has(word):
            return "protective"
        if _HARMFUL_ISSUE.has(word):
            return "forceful"
    return ""


def _protective_issue(topic: str) -> bool:
    return _issue_leaning(topic) == "protective"


def _calls_for_calm(words: list[str], i: int, topic_words: AbstractSet[str]) -> bool:
    """Whether a call at ``i`` asks for restraint ("called on all parties to exercise restraint
    and avoid escalation"): against an issue about a use of force."""
    if not words[i].startswith(("call", "urg", "appeal")):
        return False
    # "calling on both Ethiopia and Eritrea to immediately de-escalate": past whom it calls on.
    target = words[i + 1 : i + 1 + _SUBJECT_SPAN]
    return any(_PROTECTIVE.has(w) and stem(w) not in topic_words for w in target)


_CHANGE = _lexicon("change")
# A feeling caused by something is the speaker's own: "alarmed by the operation", "encouraged by
# the progress". Other participles with "by" gloss someone else's act ("the plan backed by").
_FEELING = _lexicon("feeling")


def _changed_object(topic: str) -> frozenset[str]:
    """What an issue asks to change or end ("Reforming the composition of the Council", "Whether
    the Taliban should lift their restrictions"): the stems of its object, or none."""
    core = re.split(r"[(;:]", topic, maxsplit=1)[0]
    parts = _ASKS.split(core, maxsplit=1)
    words = [w for w in _WORD.findall(parts[-1].lower()) if w not in _MANNER]
    if len(parts) == 2 and words[:1] == ["be"] and len(words) > 1 and _CHANGE.has(words[1]):
        # "Whether the Council should be reformed": what is changed is the subject.
        subject = re.sub(r"\bwhether\b", "", parts[0], flags=re.IGNORECASE)
        return frozenset(content_stems(subject))
    if not words or not _CHANGE.has(words[0]):
        return frozenset()
    return frozenset(content_stems(" ".join(words[1:]))) - {stem(words[0])}


# Words between a modal and its verb: "should immediately end", "must not be".
_MANNER = word_set("immediately fully completely urgently quickly also finally")


def _decries_an_end(
    words: list[str], i: int, topic_words: AbstractSet[str], changed: AbstractSet[str]
) -> bool:
    """Whether the opposing word at ``i`` decries an act that ends what the issue is about:
    "disappointment at the decision to tear up the agreement", "called the decision to stop
    the negotiations unacceptable" back keeping the agreement and going on with the talks.
    Not when the issue itself asks for an ending or a change."""
    if changed or words[i].startswith(_DENIAL):
        return False
    start = max(0, i - _SUBJECT_SPAN)
    for j in range(start, min(len(words), i + 1 + _OBJECT_SPAN)):
        if j == i or not (words[j] in _END or words[j].startswith(_UNDOING)):
            continue
        ended = words[j + 1 : j + 1 + _OBJECT_SPAN]
        if any(len(w) > 2 and stem(w) in topic_words for w in ended):
            return True
    return False


def _decries_what_is_changed(words: list[str], i: int, changed: AbstractSet[str]) -> bool:
    """Whether the opposing word at ``i`` is aimed at what the issue asks to change ("the
    composition is an unacceptable echo of the past" backs reforming it), not at the change
    itself ("rejected the reform") nor at a claim ("unfounded")."""
    if not changed or words[i].startswith(_DENIAL):
        return False
    if any(_CHANGE.has(w) for w in words[i + 1 : i + 1 + _OBJECT_SPAN]):
        return False
    start = max(0, i - _SUBJECT_SPAN)
    for j in range(start, min(len(words), i + 1 + _OBJECT_SPAN)):
        if j == i or len(words[j]) <= 2 or stem(words[j]) not in changed:
            continue
        # "lifting the embargo now would be premature" judges the change, not the embargo.
        return not any(_CHANGE.has(w) for w in words[max(0, j - 3) : j])
    return False


# "Concerns" that are interests, not worries: "the priority concern", "Rwanda's security
# concerns", "the interests and concerns of both", "their concerns were addressed".
_CONCERN_KINDS = word_set(
    "priority principal main key primary top chief core legitimate security central paramount "
    "overriding interests"
)
_CONCERN_MET = ("address", "met", "meet", "accommodat", "taken", "heard", "resolv")


def _concern_as_interest(words: list[str], i: int) -> bool:
    before = words[max(0, i - 2) : i]
    if (before and before[-1] in _CONCERN_KINDS) or before[:1] == ["interests"]:
        return True
    return any(w.startswith(_CONCERN_MET) for w in words[i + 1 : i + 1 + _OBJECT_SPAN + 5])


def _names_harm(text: str) -> bool:
    return any(_HARM_DONE.has(w) for w in _WORD.findall(text.lower()))


# Worry about a situation backs the issue that would calm it.
_WORRY = ("concern", "alarm", "worr", "disturb", "troubl", "dismay", "disappoint")


def _decries_harm(words: list[str], i: int, topic_words: AbstractSet[str]) -> bool:
    """Whether the opposing word at ``i`` is aimed at violence, escalation or obstruction: it is
    such a word ("provocative"), or harm is its object ("condemns the attacks") or its subject
    ("restrictions by the militia are unacceptable"), and no protective word of the issue is."""
    if _HARM_DONE.has(words[i]):
        # "threatened to attack any foreign force" is a threat of one's own, not a decrying.
        return words[i + 1 : i + 2] != ["to"]
    target = words[i + 1 : i + 1 + _OBJECT_SPAN]
    if any(_PROTECTIVE.has(w) and stem(w) in topic_words for w in target):
        return False
    if words[i].startswith(_WORRY):
        return True  # "concerned by recent developments along the border": the situation
    subject = words[max(0, i - _SUBJECT_SPAN) : i]
    return any(_HARM_DONE.has(w) for w in target + subject)


# Stopping these backs a ceasefire, a pause or a truce; stopping anything else opposes it.
_VIOLENCE = word_set(
    """war wars fighting hostilities violence attacks attack strikes strike bombing bombings
    shelling killing killings aggression bloodshed escalation offensive"""
)
_STOPPING = ("ceasefire", "cease", "pause", "halt", "truce", "moratori", "end", "stop", "cessat")
# Harm done to the issue's object: decrying it backs the object ("a threat to the maritime
# order", "violations of China's sovereignty", "undermining the dialogue").
_HARM = (
    "threat", "violat", "undermin", "infring", "obstruct", "sabotag", "block", "jeopardi",
    "erod", "erosion", "attack", "disregard", "flout", "breach", "encroach", "damag", "harm",
    "interfer", "complicat",
)  # fmt: skip
# Turning the issue's object down: the speaker's own refusal opposes it, a third party's
# refusal reported by the speaker is held against that party ("Putin rejected the ceasefire").
_REJECT = ("reject", "refus", "scuttl", "torpedo", "spurn", "rebuff")
_FIRST_PERSON = word_set("we i our us my me")
_SPEAKER_PRONOUNS = word_set("he she it they his her its their")
# Ending the issue's object: asking for "the complete cessation of Western military support"
# opposes that support, even when it is put as a condition. Not when the issue is itself about
# stopping something (a ceasefire, a suspension of aid): there the same words back it.
_ENDING = ("cessat", "halt", "terminat", "suspen", "withdraw", "cancel", "scrap", "dismantl",
           "expel", "expuls",
           "abandon", "aboli", "renounc", "stop")  # fmt: skip
_END = word_set("end ends ended ending")
_ISSUE_STOPS = _ENDING + ("ceasefire", "cease", "pause", "truce", "moratori", "end")
# Acts that end or undo something: decrying them backs what they end.
_UNDOING = _ENDING + ("tear", "tore", "torn", "revers", "freez", "froze", "derail", "torpedo",
                      "undermin", "sabotag", "collaps", "break", "broke", "quit",
                      "exit", "prevent", "block", "abrogat")  # fmt: skip
_OBJECT_SPAN = 7
_SUBJECT_SPAN = 10
_BE = word_set("is are was were been being")
_DISMISSAL = re.compile(
    r"\b(means nothing|meaningless|null and void|out of (?:all )?logic|"
    r"no legal (?:basis|effect|force|standing|validity|value|weight)|"
    # Ruled out as a whole: "it has no place in the modern world", "cannot be reconciled with
    # the law", "no one has the power to give away".
    r"ha(?:s|ve|d) no place|cannot be reconciled|can ?not be reconciled|incompatible with|"
    r"no one has the (?:power|right)|"
    r"has no basis|have no basis|a farce|a sham|dead on arrival|"
    # A flat no: "annexation won't happen", "is out of the question", "we are not for sale".
    r"(?:won[’']t|will not|will never|is not going to|isn[’']t going to) happen|"
    r"out of the question|not for sale|"
    # Closed for good: "the topic of reparations is closed", "the matter is settled".
    r"(?:matter|issue|question|topic|chapter|case)\b[^.;]{0,60}?\b(?:is|was|remains|has been) "
    r"(?:closed|settled)|"
    # "There is no justification for them" (but "no justification to exclude it" backs it).
    r"no (?:\w+ )?justification (?:for|whatsoever)|"
    r"(?:is|are|was|were) (?:not|no longer) on the agenda|(?:is|are|was|were) off the agenda|"
    r"no (?:chance|possibility|prospect)s? (?:of|for) (?:us|we|our|russia|china|it|them|any)\b|"
    r"without (?:the |any |our )?(?:\w+ )?(?:permission|consent|authori[sz]ation|approval))\b",
    re.IGNORECASE,
)
_NEGATION = word_set(
    """not no never neither nor cannot can't won't don't doesn't didn't isn't aren't wasn't
    without hardly n't"""
)
# Word beginnings, so every form counts: "reject", "rejects", "rejected", "rejecting".
_OPPOSE = (
    "oppos", "against", "reject", "condemn", "unacceptab", "threat", "non-starter", "nonstarter",
    "warn", "den", "illegal", "unlawful", "illegitim", "violat", "provocat", "provok", "coerc",
    "intimidat", "aggress", "disregard", "denounc", "dismiss", "veto", "critici", "accus",
    "arrogan", "escalat", "deplor", "decry", "decri", "dangerous", "destabili", "reckless",
    "concern",
    "alarm", "regret", "unjustifi", "undermin", "infring", "interfer", "protest", "sanction",
    "retaliat", "countermeasure", "refus", "halt", "stop", "cease", "refrain", "abandon",
    "withdraw", "scrap", "revok", "revers", "suspend", "terminat", "nonnegotiab", "blame",
    "slam", "lambast", "obstruct", "sabotag", "hostil", "wrong", "damag", "harm", "absurd",
    "baseless", "groundless", "unfounded", "fabricat", "nonsense", "deceptio", "deceit",
    "hypocri", "ridiculous", "preposterous", "torpedo",
)  # fmt: skip
_SUPPORT = (
    "support", "welcom", "commit", "recommit", "pledg", "ready", "readiness", "steadfast",
    "resolute", "united", "call", "urg", "need", "essential", "vital", "critical", "key",
    "important", "endors", "back", "praise", "commend", "encourag", "appreciat", "reaffirm",
    "determin", "promot", "advanc", "strengthen", "agree", "constructive", "professional",
    "substantive", "prevail", "defend", "uphold", "abide", "hail", "applaud", "favou", "favor",
    "advocat", "embrac", "grateful", "thank", "opportunit", "progress", "positive", "hope",
    "prepared", "willing", "interested",
    # Words of approval that a "not" turns into a rejection: "cannot be considered democratic",
    # "will not recognise the result", "is not legitimate".
    "legitim", "credib", "democratic", "fair", "transparen", "acceptab", "recogni", "valid",
)  # fmt: skip
# Dismissing a claim as a whole: the words of the claim do not count for the speaker.
_VERDICT = ("absurd", "baseless", "groundless", "unfounded", "fabricat", "nonsense", "deceptio",
            "deceit", "hypocri", "ridiculous", "preposterous")  # fmt: skip
_WEAK_SUPPORT = word_set("will continue continues must should")
# "deny" and "den..." would catch "denuclearisation"; these words are not opposition.
_NOT_OPPOSE = word_set(
    """denuclearization denuclearisation denmark dense density sanctioned-free warning-free
    calls called calling ceasefire ceasefires cease-fire cease-fires"""
)
# Words that begin like a word of support but are none: "technocratic professionals".
_NOT_SUPPORT = word_set(
    """professionals background backgrounds backdrop backlash backtrack backtracked hopeless
    hopelessly keys"""
)
# "must not be accepted", "will not be tolerated", "is not allowed".
_TOLERATED = ("tolerat", "accepted", "allowed", "permitted", "bound")
_TOLERATE = word_set("tolerate accept allow permit support back agree")
_NEUTRAL_CUES = word_set(
    """discussed discuss discusses reflected reflect laid lay following follow
    assessment predicted prediction convinced"""
)
_CRITIC = ("accus", "critici", "condemn", "failure", "fail", "blame", "denounc", "slam")
_REFUSAL = ("reject", "refus", "reluctan", "ignor", "deny", "denial", "challeng", "obstruct")
# Words of an assessment or a progress report, not of a position. A statement still to be
# announced is one ("will announce it soon"); an announced decision is a position taken.
_ASSESSMENT = word_set(
    """progress promising nothing little announce soon looked assessment expect
    expects expected likely unlikely"""
)
# Talk about the talking: a statement still to come ("will announce it soon", "the position that
# will be presented"), or weighing what was said rather than the issue ("what is important is
# what was said at the meeting", "many statements for the media"). Such a line takes no side.
_PROCESS = re.compile(
    r"\b(?:will|would|to|soon)\s+(?:be\s+)?(?:\w+ly\s+)?(?:announc|present|publish|issu|releas|"
    r"unveil|disclos)\w*|"
    r"\bwhat\s+(?:\w+\s+){0,4}?(?:said|says|say|saying|talk\w*|discuss\w*)\b|"
    r"\bstatements?\s+(?:for|to)\s+the\s+(?:media|press)\b|"
    # Abstaining takes no side; a matter raised is only talked about.
    r"\babstain\w*|\babstention|\b(?:was|were|been)\s+raised\b|"
    r"\braised\s+the\s+(?:issue|question|matter|topic|subject)\b|"
    # Watching and keeping in touch: "closely monitoring the situation", "in contact with both".
    r"\b(?:monitoring|following|watching)\s+(?:the\s+)?(?:situation|developments|events)\b|"
    r"\b(?:in|maintain\w*|keep\w*|stay\w*)\s+(?:close\s+|regular\s+|constant\s+)?"
    r"(?:contact|touch)\s+with\b|"
    # A progress report on the talking: "talks on a pause were continuing".
    r"\b(?:talks|negotiations|discussions|consultations|contacts)\s+(?:[\w’'\-]+\s+){0,6}?"
    r"(?:were|are|is|was|remain)\s+(?:still\s+)?(?:continuing|ongoing|under\s*way)\b",
    re.IGNORECASE,
)
# No position given: "there is no statement about this", "declined to comment", "did not tell us
# anything new", "it is too early to say". Whatever else the words say, they take no side.
_NO_POSITION = re.compile(
    r"\bno\s+(?:comments?|statements?)\s+(?:about|on|from|yet)\b|"
    r"\bnot\s+(?:made|issued|given)\s+any\s+(?:statements?|comments?)\b|"
    r"\bdeclin\w*\s+to\s+comment\b|\bnothing\s+(?:new\s+)?to\s+(?:add|say|report)\b|"
    r"\btoo\s+(?:early|soon)\s+to\s+(?:say|tell|judge)\b|"
    r"\bn(?:o|’|')t\s+tell\s+us\s+anything\b|"
    r"\b(?:has|have|had|did)\s+not\s+(?:yet\s+)?(?:commented|comment|responded|respond)\b",
    re.IGNORECASE,
)
# Granting a point, not taking a side: "I fully understand that people take offence", "it is
# true, however, that the community is divided".
_CONCESSION = re.compile(
    r"\b(?:I|we)\s+(?:\w+ly\s+|can\s+)?(?:understand|acknowledge|respect)\s+that\b|"
    r"\bit\s+is\s+true\b",
    re.IGNORECASE,
)
# A forecast, not a position: "war seems inevitable", "the threats don't appear to be working",
# "interference is unlikely to change the situation". Not with the speaker's own "we" or "I".
_FORECAST = re.compile(
    r"\b(?:seems?|seemed|appears?\s+to|appeared\s+to|(?:is|are|was|were)\s+(?:\w+ly\s+)?"
    r"(?:un)?likely\s+to|inevitable|remains\s+to\s+be\s+seen)\b",
    re.IGNORECASE,
)


# A step promised on terms: "will release the detainees if Armenia hands over the maps". Not "even
# if", "as if", "if necessary": those set no terms.
_PROMISE_IF = re.compile(
    r"\b(?:will|would|shall|could|can|ready to|prepared to|willing to)\s+(?!not\b|never\b)"
    r"(?P<step>(?:[\w’'\-]+\s+){1,8}?)(?<!even )(?<!as )if\s+(?!necessary|needed|possible|so\b|"
    r"any\b|required)",
    re.IGNORECASE,
)


def _promised_on_terms(quote: str, topic_words: AbstractSet[str]) -> bool:
    m = _PROMISE_IF.search(quote)
    return m is not None and _names_issue(_WORD.findall(m.group("step").lower()), topic_words)


def _talks_about_talking(quote: str, topic_words: AbstractSet[str]) -> bool:
    """Talk about the talking, unless its verb is the issue's own ("will release the detainees"
    is no statement to come when the issue is their release)."""
    m = _PROCESS.search(quote)
    return m is not None and not _names_issue(_WORD.findall(m.group(0).lower())[-1:], topic_words)


# An expectation put on someone is a demand; having no choice but to act justifies the act.
_DEMANDS = re.compile(
    r"\bexpect(?:s|ed|ing)?\s+(?:[\w’'\-]+\s+){1,5}?to\s+(?!be\b)\w+|"
    r"\bno\s+(?:other\s+)?(?:choice|option|alternative)\s+but\s+to\b",
    re.IGNORECASE,
)
# A decision still pending: "has not yet handed its response", "is still studying it".
_PENDING = re.compile(
    r"\b(?:not\s+yet|has\s+yet\s+to|have\s+yet\s+to|"
    # Finding out first: "was still verifying the reports", "is assessing the damage".
    r"(?:is|was|are|were)\s+(?:still\s+)?(?:verifying|checking|assessing|investigating|"
    r"clarifying|gathering\s+information)|"
    r"still\s+(?:studying|reviewing|"
    r"considering|examining|assessing|weighing|looking\s+into|being\s+(?:discussed|considered|"
    r"studied|examined|reviewed|negotiated|worked\s+out))|under\s+(?:discussion|consideration|review)|"
    # A decision still to be weighed: "will consider the question after the elections", "will
    # review its operations".
    r"(?:will|would|shall)\s+(?:\w+ly\s+)?(?:consider|study|examine|review|assess|evaluate|"
    r"look\s+into)|"
    # Waiting before deciding: "awaiting the results before taking a position".
    r"await(?:s|ed|ing)?|before\s+taking\s+(?:a|any)\s+(?:position|decision|stance)|"
    r"(?:has|have)\s+not\s+(?:yet\s+)?taken\s+(?:a|any)\s+(?:position|decision|stance))\b",
    re.IGNORECASE,
)
# Warning that something would backfire: "pressure would only encourage it to expand",
# "the move would only fuel extremism".
_BACKFIRES = re.compile(
    r"\b(?:will|would|could|can|may)\s+only\s+(?:\w+\s+)?(?:fuel|encourage|motivate|worsen|"
    r"allow|enable|reward|benefit|"
    r"aggravate|escalate|inflame|embolden|deepen|complicate|harm|damage|undermine|"
    r"prolong|provoke)\w*",
    re.IGNORECASE,
)
# Leaving the choice to someone else: "this was up to Guterres".
# "it is the government's prerogative to decide", "it is for the voters to decide", "a sovereign
# decision of the parliament".
_UP_TO = re.compile(
    r"\b(?:is|was|are|were|be)\s+(?:entirely\s+|solely\s+)?up\s+to\b|\bprerogative\b|"
    r"\b(?:is|was|are|were|be)\s+for\s+(?:[\w’'\-]+\s+){1,5}?to\s+decide\b|"
    r"\bsovereign\s+(?:decision|choice)\b|\bright\s+to\s+decide\b|"
    r"\bdecide\s+(?:their|its|his|her)\s+own\b|\bdecide\s+for\s+themselves\b",
    re.IGNORECASE,
)
# "proposed a substantive dialogue instead of another summit": what comes after is turned down.
_INSTEAD = re.compile(r"\b(?:instead of|rather than|in place of)\b", re.IGNORECASE)


def _backs_instead(quote: str, topic: str) -> Stance | None:
    parts = _INSTEAD.split(quote, maxsplit=1)
    if len(parts) != 2:
        return None
    # The issue's own proposition, not the alternative its question weighs it against.
    issue_words = _issue_words(_ALTERNATIVE.split(topic, maxsplit=1)[0])
    before = set(content_stems(parts[0])) & issue_words
    after = set(content_stems(parts[1])) & issue_words
    if after and not before:
        return "oppose"
    if before and not after:
        return "support"
    return None


# What was talked about, not which way: "discussed the humanitarian support for Afghanistan",
# "exchanged views on", "continued their discussion of", "reviewed", "took stock of", "briefed the
# ministers on", "shared perspectives on", "took note of".
_TALKED_ABOUT = re.compile(
    # Who talked may open the line: "The two ministers exchanged views on", "We discussed".
    r"\s*(?:(?:the|both|two|three|all|their|our|we|they|he|she|foreign|leaders|ministers|sides|"
    r"parties|delegations|presidents|officials|counterparts|envoys|[A-Z][\w’'\-]*)\s+){0,4}?"
    r"(?i:(?:\w+ly\s+)?(?:discuss(?:ed|es|ing)?\b|exchang\w*\s+(?:views|ideas|opinions|assessments)|"
    r"continu\w*\s+(?:their|the|our|a)\s+(?:discussion|conversation|consultation|exchange)|"
    r"review(?:ed|s)?\s|took\s+stock|tak\w*\s+stock|touch\w*\s+(?:up)?on|"
    r"(?:talk|spok|speak)\w*\s+about|consult\w*\s+(?:on|about)|"
    r"(?:was\s+|were\s+)?briefed\s|brief\w*\s+(?:\w+\s+){0,4}?on\s|updat\w*\s+(?:\w+\s+){0,4}?on\s|"
    r"received\s+a\s+briefing|shared\s+(?:their\s+|our\s+)?(?:views|perspectives|assessments)|"
    r"compared\s+notes|took\s+note\s+of))",
)
# Disagreement acknowledged, not a side taken: "a good-faith difference of opinion", "the two
# sides have narrowed their differences".
_DIFFERENCES = re.compile(
    r"\bdifferences? of (?:opinion|view)|\bnarrow\w* (?:\w+ ){0,2}differences\b|"
    r"\baddress\w* (?:the |their |our )?differences\b",
    re.IGNORECASE,
)
# Even-handed blame takes no side: "criticized both Putin and Zelensky".
_BOTH_SIDES = re.compile(
    r"\b(?:critici|blam|accus|condemn|rebuk|fault)\w*\s+(?:both|all sides|each side)\b", re.I
)
# Cues too weak to outweigh talk about the talking: they say it matters, not which way.
_BARE_WEIGHT = word_set("will continue continues must should important")
_OBSERVER = re.compile(
    r"\b(analyst|researcher|expert|professor|fellow|scholar|commentator|journalist|anchor|"
    r"host|economist|historian|observer)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z’'\-]+")
# Someone else's unwillingness, held against them: "They are not ready to end this war", "Moscow
# is unwilling to negotiate". Not "we": the speaker's own unwillingness opposes.
_OTHER = r"\b(?:they|he|she|(?!We\b|Our\b)[A-Z][a-z]+)\s+"
_UNWILLING_OTHER = re.compile(
    _OTHER + r"(?:are|is|was|were|seems?|remains?|has|have)?\s*(?:not|n[o’']t|never|no longer|"
    r"hardly)\s+(?:\w+ly\s+)?(?:ready|willing|prepared|interested)\b|"
    + _OTHER
    + r"(?:are|is|was|were|seems?|remains?)\s+unwilling\b"
)


# A word of approval with a negating prefix disapproves: "unconstructive", "undemocratic",
# "disagree", "non-credible", "invalid", "uncalled-for".
_NEGATING_PREFIXES = ("non-", "non", "un", "dis", "il", "in")


def _negated_approval(word: str) -> bool:
    for prefix in _NEGATING_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and _backs(rest):
            return True
    return False


def _is(word: str, prefixes: tuple[str, ...]) -> bool:
    if prefixes is _OPPOSE and (_MORE_OPPOSE.has(word) or _negated_approval(word)):
        return True
    return word.startswith(prefixes) and word not in _NOT_OPPOSE


def _backs(word: str) -> bool:
    return (word.startswith(_SUPPORT) or _MORE_SUPPORT.has(word)) and word not in _NOT_SUPPORT


# A yes-no question asks about its participle: "Has the disengagement been completed?",
# "Are the duties justified?". Elsewhere participles only gloss ("the plan backed by X").
_YES_NO = re.compile(r"\s*(?:has|have|is|are|was|were|does|do|did)\s", re.IGNORECASE)


def _topic_terms(topic: str) -> list[str]:
    keep_participles = _YES_NO.match(topic) is not None
    return [w for w in _WORD.findall(topic.lower()) if keep_participles or not w.endswith("ed")]


def _issue_words(topic: str) -> frozenset[str]:
    """The stems of the issue's own words: they say what a statement is about, not its lean."""
    return frozenset(content_stems(" ".join(_topic_terms(topic))))


def _names_issue(words: list[str], topic_words: AbstractSet[str]) -> bool:
    return any(stem(w) in topic_words for w in words if len(w) > 2)


_COPULA = word_set("is are was were be constitutes constitute represents represent remains")
# Words that lead a noun phrase: after them a harm word is a noun ("the threat of war").
_NOUN_LEADS = word_set(
    "a an the this that these those any such no of and or to its their our his her"
)


def _is_verb_form(word: str, previous: str = "") -> bool:
    """Whether a harm word acts: "undermines", "has violated", "is threatening" do; "threat",
    "violations", "attacks" and "numerous violated ceasefires" only name."""
    if word.endswith("ed"):
        return previous in ("has", "have", "had")
    if word.endswith("ing"):
        return previous in _BE or previous in ("has", "have", "had", "keeps", "continues")
    return word.endswith("s") and not word.endswith(("ts", "ks", "ons", "ches", "ss"))


# "without preconditions", "without being subject to": a condition ruled out is none.
_NO_CONDITION_BEFORE = re.compile(r"\b(?:without|no|not|free of)\s+(?:any\s+|being\s+)?$", re.I)


def _condition_in(text: str) -> bool:
    return any(
        not _NO_CONDITION_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
        for m in _CONDITIONAL.finditer(text)
    )


def _negated_stems(text: str) -> frozenset[str]:
    """The stems a "no"/"not" governs in the issue's own words: "no different from"."""
    words = _WORD.findall(text.lower())
    return frozenset(
        stem(w)
        for i, w in enumerate(words)
        if any(v in _NEGATION or v.endswith("n't") for v in words[max(0, i - 2) : i])
    )


def _objects_of_opposition(words: list[str]) -> set[int]:
    """Words of support that an opposing word takes as its object: "regretted US support",
    "rejected calls for", "condemned the backing of". They are what is opposed."""
    out: set[int] = set()
    for i, word in enumerate(words):
        if not _is(word, _OPPOSE) or word in _NEGATION:
            continue
        for j in range(i + 1, min(len(words), i + 6)):
            if _backs(words[j]) and words[j] not in _WEAK_SUPPORT:
                out.add(j)
                break
    return out


# "accused Eritrea of seeking to benefit from turmoil", "blamed Canada for interference".
_ACCUSED_OF = re.compile(
    r"\b(?:accus\w*|blam\w*|charg\w*)\s+(?:[\w’'\-]+\s+){0,5}?(?:of|for)\s+(?P<what>[^.;]{3,120})",
    re.IGNORECASE,
)


# An issue that is itself an allegation: "The allegation that the government was involved in
# the killing", "Eritrea is seeking to exploit turmoil in Tigray".
_ALLEGING = ("alleg", "accus", "exploit", "meddl", "involv", "responsib", "hostil", "interfer",
             "aggress", "threat", "violat", "destabil", "provok", "provocat", "blam",
             "intransig")  # fmt: skip
_CLAIM_VERB = re.compile(r"\b(?:is|are|was|were|remains?|has been|have been)\b", re.IGNORECASE)


# Words that condemn whatever they name: a speaker who calls the act by them takes the charge up.
_CHARGES = ("aggress", "illegal", "unlawful", "illegitim", "violat", "provocat", "provok", "coerc",
            "intimidat", "reckless", "repress", "atrocit", "genocid")  # fmt: skip

# "Some progress has been made, but it is not yet complete": what follows "but" is the point.
_CONTRASTS = word_set("but however")
_CONTRAST_WEIGHT = 2.0


def _contrast_at(words: list[str]) -> int | None:
    """The last "but" or "however" that turns the sentence ("not only ... but also" does not)."""
    for i in range(len(words) - 1, 0, -1):
        if words[i] in _CONTRASTS and words[i + 1 : i + 2] != ["also"]:
            return i
    return None


def _is_claim(core: str) -> bool:
    """An issue put as a statement of fact ("X was involved in", "Y is respecting the truce"),
    not as a question or a demand."""
    return not re.search(r"\b(?:whether|should)\b", core, re.IGNORECASE) and bool(
        _CLAIM_VERB.search(core)
    )


def _is_allegation(topic: str) -> bool:
    core = re.split(r"[(;:]", topic, maxsplit=1)[0]
    if not _is_claim(core):
        return False
    return any(w.startswith(_ALLEGING) for w in _WORD.findall(core.lower()))


# Words that deny an allegation rather than decry what it alleges.
_DENIAL = _VERDICT + ("deny", "deni", "reject", "refut", "dismiss", "rebuff", "false", "untrue",
                      "slander", "smear")  # fmt: skip
_MISCONDUCT = _lexicon("misconduct")


def _alleges_misconduct(topic: str) -> bool:
    """An allegation of wrongdoing ("X was involved in the killing", "X's intransigence is to
    blame"): decrying the wrongdoing it names backs it, unless the words deny it."""
    core = _WORD.findall(re.split(r"[(;:]", topic, maxsplit=1)[0].lower())
    return _is_allegation(topic) and any(_HARM_DONE.has(w) or _MISCONDUCT.has(w) for w in core)


def _decries_alleged(words: list[str], i: int, topic_words: AbstractSet[str]) -> bool:
    if words[i].startswith(_DENIAL):
        return False
    # The wrongdoing itself must be named ("the killing", "intransigence"), not only whom or
    # where it concerns.
    near = words[max(0, i - 2 * _OBJECT_SPAN) : i] + words[i + 1 : i + 1 + _OBJECT_SPAN]
    return any(
        (_HARM_DONE.has(w) or _MISCONDUCT.has(w) or w.startswith("involv"))
        and stem(w) in topic_words
        for w in near
    )


def _accuses_of_issue(quote: str, topic_words: AbstractSet[str]) -> bool:
    """Accusing someone of what the issue itself alleges backs the allegation."""
    m = _ACCUSED_OF.search(quote)
    if m is None:
        return False
    return _issue_hits(_WORD.findall(m.group("what").lower()), topic_words) >= 2


def _issue_hits(words: list[str], topic_words: AbstractSet[str]) -> int:
    return len({stem(w) for w in words if len(w) > 2} & topic_words)


_THREATEN = word_set("threaten threatens threatened threatening vow vows vowed vowing")


def _object_stance(
    words: list[str], topic_words: AbstractSet[str], *, reported: bool = False
) -> Stance | None:
    """The stance read from what a harm or refusal word acts on, when that is the issue.

    In reported speech a pronoun that opens the clause is the speaker: "Tatar said he had
    rejected the proposal" is Tatar's own refusal.
    """
    if not topic_words:
        return None
    own = _FIRST_PERSON | (_SPEAKER_PRONOUNS if reported else frozenset())
    for i, word in enumerate(words):
        if stem(word) in topic_words:
            continue
        obj = words[i + 1 : i + 1 + _OBJECT_SPAN]
        # The victim follows the harm ("a threat to X") unless it is passive ("X under threat",
        # "X was violated"): then it comes before, where an agent stands otherwise.
        before = words[max(0, i - 4) : i]
        passive = "under" in before[-3:] or (
            word.endswith("ed") and bool(before) and before[-1] in _BE
        )
        if word in _THREATEN and obj[:1] == ["to"] and _names_issue(obj, topic_words):
            return "oppose"  # "threatened to attack any peacekeepers": a threat of one's own
        if word.startswith(_HARM) and not passive:
            # "A undermines B" is against A and for B: whichever names more of the issue. A noun
            # ("a threat to B", "attacks on B") names only its victim.
            previous = before[-1] if before else ""
            acts = _is_verb_form(word, previous) and previous not in _NOUN_LEADS
            # "X is a violation of Y", "X constitutes a threat to Y": X is the agent.
            named = before[-2:-1] and before[-2] in _COPULA and before[-1] in ("a", "an")
            agent = (
                _issue_hits(words[max(0, i - 2 - _OBJECT_SPAN) : i], topic_words)
                if acts or named
                else 0
            )
            victim = _issue_hits(obj, topic_words)
            if agent > victim:
                return "oppose"
            if victim:
                return "support"
        if word.startswith(_HARM) and passive and _names_issue(before, topic_words):
            return "support"
        if not _names_issue(obj, topic_words):
            continue
        if word.startswith(_REJECT):
            before = words[max(0, i - 6) : i]
            third_party = i > 0 and not any(w in own for w in before)
            if word in ("rejection", "refusal") and not any(w.startswith(_CRITIC) for w in words):
                # "underscored the United States' rejection of the claims": a position the
                # speaker states as theirs, unless it is decried.
                third_party = False
            return "support" if third_party else "oppose"
    return None


# "such an intervention would be a declaration of war", "the annexation is a crime": the issue
# named as the subject of a harm opposes it.
_LABELLING = word_set("is are was were be constitutes constitute amounts represents")
# "the move would only fuel instability", "recognition risks more violence": the issue named as
# what brings a harm about opposes it as much as the issue called a harm.
_CAUSING = _lexicon("causing")


def _calls_issue_harm(words: list[str], topic_words: AbstractSet[str], protective: bool) -> bool:
    """Whether the issue is the subject of a harm. In an issue asking for calm the subject must be
    what it asks for ("a ceasefire now would be a victory for terrorism"), not the harm it would
    stop ("the movements along the border are provocative")."""
    if protective:
        topic_words = {w for w in topic_words if _PROTECTIVE.has(w)}
    for i, word in enumerate(words):
        if word not in _LABELLING and not _CAUSING.has(word):
            continue
        subject = words[max(0, i - 4) : i]
        predicate = words[i + 1 : i + 5]
        if any(w in _NEGATION for w in subject[-2:] + predicate[:2]):
            continue
        harm = [w for w in predicate if _HARM_DONE.has(w) and stem(w) not in topic_words]
        if harm and (_names_issue(subject, topic_words) or _points_to_an_act(subject, protective)):
            return True
    return False


# "this move", "the decision", "such a step": the act the statement is about, mostly the issue's.
_POINTER = word_set("this that the such these")
_ACT = word_set(
    """move moves decision decisions step steps act action actions measure measures plan
    escalation policy"""
)


def _points_to_an_act(subject: list[str], protective: bool) -> bool:
    """Whether the subject points back to an act. Not in an issue asking for calm: there the
    act decried is mostly the other side's."""
    return not protective and any(
        a in _POINTER and b in _ACT for a, b in zip(subject, subject[1:], strict=False)
    )


def _ends_issue(words: list[str], topic: str) -> bool:
    """Whether the words ask for an end to what the issue is about."""
    core = _WORD.findall(re.split(r"[(;:]", topic, maxsplit=1)[0].lower())
    if any(w.startswith(_ISSUE_STOPS) for w in core):
        return False
    topic_words = _issue_words(topic)
    for i, word in enumerate(words):
        if (word in _END or word.startswith(_ENDING)) and stem(word) not in topic_words:
            obj = words[i + 1 : i + 1 + _OBJECT_SPAN]
            if _names_issue(obj, topic_words) and not any(w in _NEGATION for w in obj[:2]):
                return True
    return False


# The issue's question names the alternative it is weighed against: "a permanent end to the war
# rather than temporary pauses". Backing the alternative opposes the issue.
_ALTERNATIVE = re.compile(r"\b(?:rather than|instead of|as opposed to|versus|vs\.?)\s", re.I)
# "X is the only way (for Y) to Z": X is backed outright, Z is made to depend on X.
_ONLY_WAY = re.compile(
    r"\b(?:the|is|as) only (?:way|path|route|option|means|solution|road)\b", re.IGNORECASE
)
_POINTED = re.compile(r"\W*(?:this|that|it)\W+(?:is|was|remains)\W*", re.IGNORECASE)
# The quote completes a condition the sentence opened just before it.
_OPEN_CONDITION = re.compile(
    r"\b(?:if|unless|provided|as long as)\b[^,;.:“”\"]{0,60}[“\"]?\s*$", re.IGNORECASE
)
_FLIP: dict[Stance, Stance] = {"support": "oppose", "oppose": "support"}
# An issue's note on its labels ("; 'oppose' = against the tests") says how to label, not what
# the issue is about: its "against" or "condemning" must not pass for the issue's own words.
_GLOSS = re.compile(r"[;,(]?\s*['‘’\"]?(?:support|oppose|neutral|conditional)['‘’\"]?\s*=[^;)]*\)?")


def classify(
    quote: str,
    cue: str = "",
    topic: str = "",
    speaker_role: str = "",
    lead: str = "",
    before: str = "",
    *,
    reported: bool = False,
) -> tuple[Stance, float]:
    """The stance the words take on the issue ``topic`` describes, with a 0..1 confidence.

    ``lead`` is the sentence before the speaker ("Should Russia attempt ..., Germany will");
    ``before`` the sentence before the quote ("... intervene if the leaders “remain ...").
    """
    topic = _GLOSS.sub("", topic)
    if before and _OPEN_CONDITION.search(before):
        return "conditional", 0.55
    value, confidence = _classify(quote, cue, topic, speaker_role, lead, reported)
    parts = _ALTERNATIVE.split(topic, maxsplit=1)
    if value in _FLIP and len(parts) == 2:
        proposition = set(content_stems(parts[0]))
        alternative = set(content_stems(parts[1])) - proposition
        said = set(content_stems(quote))
        # The quote backs the alternative when it names more of it than of the proposition.
        if len(said & alternative) > len(said & (proposition - alternative)):
            return _FLIP[value], round(confidence * 0.9, 3)
    return value, confidence


def _classify(
    quote: str, cue: str, topic: str, speaker_role: str, lead: str, reported: bool
) -> tuple[Stance, float]:
    if speaker_role and _OBSERVER.search(speaker_role):
        # Analysts and journalists assess; they are not parties taking a position.
        return "neutral", 0.55
    text = (cue + " " + _without_named_cues(quote)).lower()
    if lead and _LEAD_CONDITION.match(lead.strip()):
        return "conditional", 0.55
    rejecting = cue.lower().startswith(_REJECT) and not _EXCEPTION.search(text)
    promised = _promised_on_terms(quote, _issue_words(topic))
    if (_condition_in(text) or _OPENS_WITH_UNTIL.match(quote) or promised) and not rejecting:
        # "rejected a pact ... in return for recognition": the condition is the pact's.
        if _ends_issue(_WORD.findall(quote.lower()), topic):
            return "oppose", 0.55
        return "conditional", 0.6
    if _BACKFIRES.search(quote):
        return "oppose", 0.6
    if (_UP_TO.search(quote) and not _UP_TO.search(topic)) or _NO_POSITION.search(quote):
        return "neutral", 0.5
    if _CONCESSION.search(quote):
        return "neutral", 0.5
    if _FORECAST.search(quote) and not set(_WORD.findall(quote.lower())) & _FIRST_PERSON:
        return "neutral", 0.5
    preferred = _backs_instead(quote, topic)
    if preferred is not None:
        return preferred, 0.55
    only_way = _ONLY_WAY.search(quote)
    if only_way:
        issue_words = _issue_words(topic)
        means = len(set(content_stems(quote[: only_way.start()])) & issue_words)
        end = len(set(content_stems(quote[only_way.end() :])) & issue_words)
        # "This is the only way to end the conflict": what "this" points to is backed.
        pointed = _POINTED.fullmatch(quote[: only_way.start()])
        if means or pointed:
            return "support", 0.6
        if end:
            return "conditional", 0.55
    protective = _protective_issue(topic)
    dismissal = _DISMISSAL.search(text)
    if dismissal and protective and _names_harm(text[: dismissal.start()]):
        return "support", 0.55  # "violence has no place here" backs a call for calm
    if _URGE_NOT.search(text) or dismissal:
        return "oppose", 0.6
    urge_stop = _URGE_STOP.search(text)
    listed = [] if urge_stop else demanded_stops(text)
    topic_words = _issue_words(topic)
    if urge_stop and stem(urge_stop.group("verb").split()[0]) in topic_words:
        # The issue is itself the giving up: "call on the DPRK to abandon its programmes" backs
        # "Whether the DPRK should abandon its programmes".
        return "support", 0.6
    asked = _ASKED_FOR.search(text)
    if (
        not (urge_stop or listed)
        and asked
        and _ends_issue(_WORD.findall(text[asked.end() :]), topic)
    ):
        return "oppose", 0.55  # "called for the withdrawal of the mission", "demanded an end to"
    if urge_stop or listed:
        stopped = set(_WORD.findall(urge_stop.group("object") if urge_stop else " ".join(listed)))
        core = _WORD.findall(re.split(r"[(;:]", topic, maxsplit=1)[0].lower())
        if stopped & _VIOLENCE and any(w.startswith(_STOPPING) for w in core):
            return "support", 0.55
        if protective and any(_HARM_DONE.has(w) for w in stopped):
            return "support", 0.55  # "to stop civilian casualties" backs protecting civilians
        return "oppose", 0.6
    # Stems, so "terminating" is a word of an issue about "termination": the issue's own word
    # says what the statement is about, not which way it leans.
    # The question's nouns and verbs, not its participles: "(rejected by the award)" glosses the
    # issue, it does not name it.
    words = _WORD.findall(text)
    on_object = _object_stance(_WORD.findall(quote.lower()), topic_words, reported=reported)
    if on_object is not None and not any(w in _NEUTRAL_CUES for w in words[:4]):
        return on_object, 0.55
    # Not where the harm is what the issue alleges or what it asks to stop.
    calls_harm = _calls_issue_harm(_WORD.findall(quote.lower()), topic_words, protective)
    if calls_harm and not _is_allegation(topic):
        return "oppose", 0.55
    negated_in_topic = _negated_stems(topic)
    misconduct = _alleges_misconduct(topic)
    forceful = _issue_leaning(topic) == "forceful"
    changed = _changed_object(topic)
    objects = _objects_of_opposition(words)
    oppose = support = 0.0
    strong = False  # a cue beyond the bare weight words
    first: Stance | None = None  # the way the first cue leaned
    contrast = _contrast_at(words)
    yes_no = _YES_NO.match(topic) is not None
    for i, word in enumerate(words):
        scale = _CONTRAST_WEIGHT if contrast is not None and i > contrast else 1.0
        if first is None and (oppose or support):
            first = "oppose" if oppose > support else "support"
        window = words[max(0, i - 3) : i]
        negated = any(w in _NEGATION or w.endswith("n't") for w in window)
        if (word in _TOLERATE or word.startswith(_TOLERATED)) and negated:
            oppose += 1.5 * scale
            continue
        if stem(word) in topic_words and word not in _TOLERATE and not _backs(word):
            if negated and stem(word) in negated_in_topic:
                support += 0.5 * scale  # "is no different from his predecessor", as the issue says
            elif negated:
                # "it is not yet complete" answers "Has it been completed?" with a no.
                denied = yes_no and word.endswith(("ed", "ete", "ified"))
                oppose += (1.0 if denied else 0.5) * scale
                strong = strong or denied
            elif word.startswith(_CHARGES) and not protective:
                oppose += 0.5 * scale  # the issue's own charge, taken up: "its aggression"
            continue
        if i in objects:
            continue  # "regretted US support for the plan": what is regretted
        if word.endswith("ed") and words[i + 1 : i + 2] == ["by"] and not _FEELING.has(word):
            # A participle with its agent glosses a noun ("the area determined by the
            # tribunal", "the plan backed by Washington"): someone else's act, not the speaker's.
            continue
        if word.startswith("concern") and _concern_as_interest(words, i):
            continue
        if word == "against" and i and _HARM_DONE.has(words[i - 1]):
            continue  # "the war against Ukraine", "crimes against civilians": a victim, no stand
        if word.startswith("call") and words[i + 1 : i + 2] not in (["for"], ["on"], ["upon"]):
            continue  # "calling them absurd" names, "called for" asks
        if _is(word, _OPPOSE):
            strong = True
            if negated:
                support += 0.5 * scale
            elif protective and _decries_harm(words, i, topic_words):
                support += 1.0 * scale
            elif misconduct and _decries_alleged(words, i, topic_words):
                support += 1.0 * scale  # "any involvement in the killing is unacceptable"
            elif _decries_what_is_changed(words, i, changed) or _decries_an_end(
                words, i, topic_words, changed
            ):
                support += 1.0 * scale
            else:
                # A verdict on the whole claim ("which is pure deception") outweighs its words.
                oppose += 2.0 * scale if word.startswith(_VERDICT) else 1.0
        elif _backs(word) or word in _WEAK_SUPPORT:
            strong = strong or word not in _BARE_WEIGHT
            if negated:
                oppose += 0.7 * scale
            elif forceful and _calls_for_calm(words, i, topic_words):
                oppose += 1.0 * scale
            else:
                support += 0.6 * scale if word in _WEAK_SUPPORT else 1.0
    # The governing verb ("rejected", "welcomed") outweighs one word of its object.
    governing = cue.lower().split()[0] if cue.strip() else ""
    if _is(governing, _OPPOSE):
        if protective and _decries_harm(words, 0, topic_words):
            support += 0.5
        else:
            oppose += 0.5
    elif _backs(governing) and governing not in _BARE_WEIGHT:
        support += 0.5
    # Criticising a refusal backs what was refused: "accused Russia of rejecting the
    # ceasefire", "any attempt to deny the principle will end in failure".
    critic = any(w.startswith(_CRITIC) for w in words)
    refusal = any(w.startswith(_REFUSAL) for w in words)
    # In reported speech the unwilling side named is mostly the speaker's own: "North Korea is
    # not interested in any proposal", says Pyongyang.
    if (critic and refusal) or (not reported and _UNWILLING_OTHER.search(quote)):
        return "support", 0.5
    if _is_allegation(topic) and _accuses_of_issue(quote, topic_words):
        return "support", 0.5
    talked_about = _TALKED_ABOUT.match(text) or _TALKED_ABOUT.match(quote)
    if talked_about or _DIFFERENCES.search(quote) or _BOTH_SIDES.search(text):
        return "neutral", 0.5
    if not strong and (_talks_about_talking(quote, topic_words) or _PENDING.search(quote)):
        return "neutral", 0.5
    if _DEMANDS.search(quote):
        support += 1.0  # "expects Stockholm to hand over", "had no choice but to act"
    neutral_hits = sum(1 for w in words[:4] if w in _NEUTRAL_CUES)
    if not (oppose or support) and any(w in _ASSESSMENT for w in words):
        return "neutral", 0.45
    if neutral_hits and oppose + support < 2:
        return "neutral", 0.55
    if oppose == 0 and support == 0:
        # A statement on the issue with no sign either way mostly backs what it talks about.
        return "support", 0.35
    if oppose > support:
        return "oppose", round(min(0.9, 0.5 + 0.1 * (oppose - support)), 3)
    if oppose == support and (first or ("oppose" if oppose else None)) == "oppose":
        # A tie goes the way of the first cue, mostly the speaker's own verb: "regrets this
        # position by a member expected to uphold the law", "is alarmed at ... despite urgings".
        return "oppose", 0.5
    return "support", round(min(0.9, 0.5 + 0.1 * (support - oppose)), 3)
