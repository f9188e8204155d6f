"""Matching a statement to the registry's issues by their keywords, names and descriptions."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from sources.extraction.text import word_set
from sources.extraction.types import IssueRecord

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "there",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "whether",
        "how",
        "any",
        "all",
        "some",
        "such",
        "not",
        "no",
        "nor",
        "but",
        "if",
        "so",
        "than",
        "then",
        "into",
        "over",
        "under",
        "about",
        "against",
        "between",
        "through",
        "during",
        "before",
        "after",
        "above",
        "below",
        "up",
        "down",
        "out",
        "off",
        "again",
        "further",
        "once",
        "also",
        "only",
        "own",
        "same",
        "very",
        "can",
        "will",
        "would",
        "should",
        "could",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "done",
        "doing",
        "has",
        "have",
        "had",
        "having",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "me",
        "my",
        "our",
        "ours",
        "your",
        "his",
        "her",
        "them",
        "us",
        "per",
        "via",
        "e.g.",
        "i.e",
        "should",
        "new",
        "whether",
        "other",
        "more",
        "most",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "ten",
        "war",
    ]
)


# Words that start compounds with their own meaning: "peacekeeping" is not "peace".
_COMPOUND_HEADS = ("peacekeep", "ceasefire", "counter", "anti", "non", "over", "under", "post")


def stem(word: str) -> str:
    """A crude stem so "sanctions", "sanctioning" and "sanctioned" meet.

    Longer words keep their first five letters: "democracy" and "democratic", "intervene" and
    "intervention" meet (at the price of a few false friends, which IDF weighting softens).
    """
    if len(word) >= 6 and not word.startswith(_COMPOUND_HEADS):
        return word[:5]
    for suffix in (
        "ations",
        "ation",
        "ments",
        "ment",
        "ings",
        "ing",
        "ies",
        "ied",
        "es",
        "ed",
        "s",
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            return base
    return word


@lru_cache(maxsize=2048)
def content_stems(text: str) -> tuple[str, ...]:
    """The stems of a text's content words (cached: paragraphs are asked about repeatedly)."""
    out = []
    for m in _WORD.finditer(text.lower().replace("’", "'")):
        word = m.group(0)
        for part in (word, *word.split("-")) if "-" in word else (word,):
            if part not in STOPWORDS and len(part) > 1:
                out.append(stem(part))
    return tuple(out)


# Characters from which a text about a place names it somewhere (a few paragraphs).
NAMES_ITS_PLACES = 1000
_CAPITALISED = re.compile(r"\b[A-Z][\w’'\-]+")
# Capitalised words that name no place, actor or thing of their own.
_NOT_PROPER = word_set(
    """whether the a an this that these those should must its their his her if and or of in on
    to for with by at from as whose which who what when where how not no any all new"""
)


def _named_in(issue: IssueRecord) -> frozenset[str]:
    """The capitalised words of an issue's name and description, but for sentence openers."""
    text = f"{issue.name}. {issue.description}. {' '.join(issue.keywords)}"
    return frozenset(
        _proper_stem(w) for w in _CAPITALISED.findall(text) if w.casefold() not in _NOT_PROPER
    )


def _proper_stem(word: str) -> str:
    """ "Sudan’s", "Sudanese" and "SUDAN" meet as "sudan"."""
    folded = word.casefold().replace("’", "'")
    return stem(folded[:-2] if folded.endswith("'s") else folded)


# The quote counts fully, its paragraph half. Neighbouring paragraphs speak of other issues as
# often as of this one: they count only when the quote and its paragraph name no issue, but then
# fully. A statement whose own paragraph names nothing ("We will respond firmly") is almost
# always on the issue the paragraphs around it discuss, not on no issue at all.
CONTEXT_WEIGHT = 0.5
WIDER_WEIGHT = 1.0
# The slug is the issue's name in a few words: its words say more than the description's.
SLUG_WEIGHT = 1.3
# A quote that scores twice the threshold on its own, 10% ahead of the next issue, decides.
QUOTE_DECIDES = 2.0
QUOTE_MARGIN = 0.1
# A speaker tends to stay on one issue: their previous issue wins a near tie.
PRIOR_SHARE = 0.85


@dataclass
class IssueMatcher:
    """Weights each issue's words by how specific they are among the issues."""

    issues: tuple[IssueRecord, ...]
    weights: list[dict[str, float]] = field(default_factory=list)
    threshold: float = 1.6

    @classmethod
    def build(
        cls, issues: tuple[IssueRecord, ...], names: frozenset[str] = frozenset()
    ) -> IssueMatcher:
        """``names``: stems of actor names, weak evidence (Russia is in every Russia story)."""
        matcher = cls(issues)
        docs: list[dict[str, float]] = []
        for issue in issues:
            words: dict[str, float] = {}
            for s in content_stems(issue.name + " " + issue.description):
                words[s] = max(words.get(s, 0.0), 1.0)
            for s in content_stems(issue.slug.replace("-", " ")):
                words[s] = max(words.get(s, 0.0), SLUG_WEIGHT)
            for keyword in issue.keywords:
                for s in content_stems(keyword):
                    words[s] = max(words.get(s, 0.0), 2.0)
            docs.append(words)
        n = len(docs)
        for words in docs:
            weighted = {}
            for s, w in words.items():
                df = sum(1 for d in docs if s in d)
                weighted[s] = w * (1.0 + math.log((n + 1) / df)) * (0.35 if s in names else 1.0)
            matcher.weights.append(weighted)
        return matcher

    def within(self, text: str) -> IssueMatcher:
        """The issues this text can be about: those whose names and descriptions name nothing
        (no capitalised word but their first), or name something the text names too.

        An article on Gaza is not about "peace talks in Ukraine", however many words of peace
        and plans they share: with a registry of many issues, a statement would otherwise get
        the best of the wrong ones. A short text (a pasted sentence) may leave its places
        unnamed, so it keeps every issue. The weights stay those of the whole registry.
        """
        if len(text) < NAMES_ITS_PLACES:
            return self
        words = {_proper_stem(w) for w in _CAPITALISED.findall(text)}
        keep = [
            k
            for k, issue in enumerate(self.issues)
            if not (named := _named_in(issue)) or named & words
        ]
        if len(keep) == len(self.issues):
            return self
        return IssueMatcher(
            tuple(self.issues[k] for k in keep),
            [self.weights[k] for k in keep],
            self.threshold,
        )

    def _scores(self, stems: set[str]) -> list[float]:
        return [sum(weights.get(s, 0.0) for s in stems) for weights in self.weights]

    def _confidence(self, best: float, second: float) -> float:
        margin = (best - second) / best
        return round(min(0.95, 0.45 + 0.1 * math.log1p(best) + 0.3 * margin), 3)

    def match(
        self, quote: str, context: str = "", wider: str = "", prior: str | None = None
    ) -> tuple[str | None, float]:
        """The best issue for the quote, with a 0..1 confidence.

        A quote whose own words clearly name one issue keeps it, whatever its paragraph says:
        "they will recognise a Palestinian state, prompting Israel to recall its envoys" is
        about recognition. Otherwise the paragraph around it (``context``) counts half: a short
        quote often names its issue only through its context. The neighbouring paragraphs
        (``wider``) count only when quote and paragraph name no issue, and then fully. ``prior``,
        the speaker's previous issue, wins near ties.
        """
        if not self.issues:
            return None, 0.0
        quote_stems = set(content_stems(quote))
        slugs = [i.slug for i in self.issues]
        quote_scores = self._scores(quote_stems)
        own = sorted(zip(quote_scores, slugs, strict=True), reverse=True)
        own_best, own_second = own[0][0], own[1][0] if len(own) > 1 else 0.0
        prior_close = prior is not None and any(
            slug == prior and score >= PRIOR_SHARE * own_best for score, slug in own[1:]
        )
        if (
            own_best >= QUOTE_DECIDES * self.threshold
            and own_best - own_second >= QUOTE_MARGIN * own_best
            and not prior_close
        ):
            return own[0][1], self._confidence(own_best, own_second)
        context_stems = set(content_stems(context)) - quote_stems
        wider_stems = set(content_stems(wider)) - quote_stems - context_stems
        near = [
            q + CONTEXT_WEIGHT * c
            for q, c in zip(quote_scores, self._scores(context_stems), strict=True)
        ]
        if max(near) >= self.threshold:
            totals = near
        else:
            far = self._scores(wider_stems)
            totals = [n + WIDER_WEIGHT * f for n, f in zip(near, far, strict=True)]
        scores = sorted(zip(totals, slugs, strict=True), reverse=True)
        best, slug = scores[0]
        second = scores[1][0] if len(scores) > 1 else 0.0
        if prior is not None and prior != slug:
            prior_score = next(t for t, sl in scores if sl == prior)
            if prior_score >= self.threshold and prior_score >= PRIOR_SHARE * best:
                best, slug, second = prior_score, prior, best
        if best < self.threshold:
            return None, 0.5
        return slug, self._confidence(best, second)
