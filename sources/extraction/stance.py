"""The speaker's position on the issue: support, oppose, conditional or neutral.

Stance is not sentiment: "we categorically oppose the deployment" opposes the deployment, "will
not tolerate NATO troops" opposes them, "expressed readiness to take part" supports. Negation
flips a cue; a condition ("only if", "unless and until", "on the table") makes it conditional.
"""

from __future__ import annotations

import re

from sources.extraction.text import word_set
from sources.extraction.types import Stance

_CONDITIONAL = re.compile(
    r"\b(only if|unless|on the table|provided that|as long as|on condition|conditional on|"
    r"subject to|if and only if|in exchange for|in return for|key condition|preconditions?|"
    r"prerequisites?|depends? on|dependent on|conditioned on|closely (?:related|linked|tied) to|"
    r"only after|not until|should (?:russia|china|iran|they|it|the)\b|no other [\w\s]{1,40} than|"
    r"if (?:the )?[\w\s]{1,30} (?:remains?|continues?|refuses?|fails?) |"
    r"if (?:they|it|russia|china|iran|the other side) (?:continue|escalate|attempt|fail|refuse))",
    re.IGNORECASE,
)
_LEAD_CONDITION = re.compile(r"(should|if|unless|once|in case)\b", re.IGNORECASE)
_NEGATION = frozenset(
    [
        "not",
        "no",
        "never",
        "neither",
        "nor",
        "cannot",
        "can't",
        "won't",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "without",
        "hardly",
        "n't",
        "refuse",
        "refused",
        "refuses",
    ]
)
_OPPOSE = frozenset(
    [
        "oppose",
        "opposes",
        "opposed",
        "opposing",
        "opposition",
        "against",
        "reject",
        "rejects",
        "rejected",
        "rejecting",
        "condemn",
        "condemns",
        "condemned",
        "condemning",
        "unacceptable",
        "threat",
        "threaten",
        "threatens",
        "threatening",
        "non-starter",
        "warn",
        "warns",
        "warned",
        "warning",
        "deny",
        "denies",
        "denied",
        "illegal",
        "unlawful",
        "illegitimate",
        "violate",
        "violates",
        "violation",
        "violations",
        "provocative",
        "coerce",
        "coercion",
        "intimidate",
        "aggression",
        "disregarding",
        "denounce",
        "denounced",
        "dismiss",
        "dismissed",
        "veto",
        "vetoed",
        "criticize",
        "criticized",
        "criticised",
        "criticise",
        "accuse",
        "accused",
        "arrogance",
        "escalate",
        "escalation",
        "deplore",
        "deplored",
        "decry",
        "no",
        "basis",
        "ruled",
        "oppose",
        "tolerate_not",
        "dangerous",
        "destabilizing",
        "destabilising",
        "reckless",
        "concern",
        "concerned",
        "concerns",
        "alarm",
        "alarmed",
        "regret",
        "unjustifiable",
        "undermine",
        "undermines",
        "sow",
        "divisions",
        "failure",
    ]
)
_SUPPORT = frozenset(
    [
        "support",
        "supports",
        "supported",
        "supporting",
        "welcome",
        "welcomes",
        "welcomed",
        "welcoming",
        "committed",
        "commit",
        "commits",
        "recommit",
        "pledge",
        "pledges",
        "pledged",
        "ready",
        "readiness",
        "steadfast",
        "resolute",
        "united",
        "call",
        "calls",
        "urge",
        "urges",
        "urged",
        "need",
        "needs",
        "needed",
        "essential",
        "vital",
        "critical",
        "key",
        "important",
        "must",
        "should",
        "endorse",
        "endorsed",
        "back",
        "backs",
        "backed",
        "praise",
        "praised",
        "commend",
        "commends",
        "commended",
        "encourage",
        "encourages",
        "encouraged",
        "appreciate",
        "appreciation",
        "reaffirm",
        "reaffirms",
        "determination",
        "determined",
        "promote",
        "promotes",
        "advance",
        "advancing",
        "advancing",
        "strengthen",
        "strengthening",
        "continue",
        "continues",
        "will",
        "agree",
        "agreed",
        "agrees",
        "constructive",
        "professional",
        "substantive",
        "prevail",
        "defend",
        "defending",
        "impose",
        "imposing",
        "invoke",
        "uphold",
        "abide",
    ]
)
_NEUTRAL_CUES = frozenset(
    [
        "discussed",
        "discuss",
        "discusses",
        "reflected",
        "reflect",
        "laid",
        "lay",
        "following",
        "follow",
        "noted",
        "note",
        "assessment",
        "predicted",
        "prediction",
        "convinced",
    ]
)
_WORD = re.compile(r"[a-z’'\-]+")
# Asking someone to stop or end something opposes it.
_STOP = word_set(
    """stop stops halt cease refrain abandon withdraw end ends ending scrap revoke reverse
    suspend suspending suspended terminate terminating nonstarter nonnegotiable"""
)
_CRITIC = ("accus", "critici", "condemn", "failure", "fail", "blame", "denounc", "slam")
_REFUSAL = ("reject", "refus", "reluctan", "ignor", "deny", "denial", "challeng", "obstruct")
# Words of an assessment or a progress report, not of a position.
_ASSESSMENT = word_set(
    """progress promising nothing little announce announced soon looked assessment expect
    expects expected likely unlikely"""
)
_TOLERATE = frozenset({"tolerate", "accept", "allow", "permit", "support", "back", "agree"})


_OBSERVER = re.compile(
    r"\b(analyst|researcher|expert|professor|fellow|scholar|commentator|journalist|anchor|"
    r"host|economist|historian|observer)\b",
    re.IGNORECASE,
)


def classify(
    quote: str, cue: str = "", topic: str = "", speaker_role: str = "", lead: str = ""
) -> tuple[Stance, float]:
    """The stance the words take on the issue ``topic`` describes, with a 0..1 confidence.

    Words of the issue itself are the topic, not a position: "ceasefire" or "end to the war"
    in a statement on a ceasefire issue say what it is about, not which way it leans.
    """
    if speaker_role and _OBSERVER.search(speaker_role):
        # Analysts and journalists assess; they are not parties taking a position.
        return "neutral", 0.55
    text = (cue + " " + quote).lower()
    if lead and _LEAD_CONDITION.match(lead.strip()):
        return "conditional", 0.55  # "Should Russia attempt ..., Germany will take action"
    topic_words = set(_WORD.findall(topic.lower()))
    if _CONDITIONAL.search(text):
        return "conditional", 0.6
    words = _WORD.findall(text)
    oppose = support = 0.0
    for i, word in enumerate(words):
        window = words[max(0, i - 3) : i]
        negated = any(w in _NEGATION or w.endswith("n't") for w in window)
        if word in _TOLERATE and negated:
            oppose += 1.5
            continue
        if word in topic_words and word not in _TOLERATE:
            if negated:
                oppose += 0.5
            continue
        if word in _OPPOSE or word in _STOP:
            if negated:
                support += 0.5
            else:
                oppose += 1.0
        elif word in _SUPPORT:
            if negated:
                oppose += 0.7
            else:
                support += (
                    0.6 if word in ("will", "continue", "continues", "must", "should") else 1.0
                )
    # Criticising a refusal backs what was refused: "accused Russia of rejecting the
    # ceasefire", "any attempt to deny the principle will end in failure".
    critic = any(w.startswith(_CRITIC) for w in words)
    refusal = any(w.startswith(_REFUSAL) for w in words)
    if critic and refusal:
        return "support", 0.5
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
    return "support", round(min(0.9, 0.5 + 0.1 * (support - oppose)), 3)
