"""The lexicon of speech and position cues, as data curators can extend without a code change."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Literal

CueType = Literal["speech", "position"]

_IRREGULAR_SKIP = frozenset({"be", "have"})


def _inflect(verb: str) -> set[str]:
    """Regular English inflections of a verb, a little generous (extra forms do no harm)."""
    forms = {verb}
    vowels = "aeiou"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(verb + "es")
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in vowels:
        forms.add(verb[:-1] + "ies")
    else:
        forms.add(verb + "s")
    if verb.endswith("e"):
        forms.add(verb + "d")
        if not verb.endswith("ee"):
            forms.add(verb[:-1] + "ing")
        else:
            forms.add(verb + "ing")
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in vowels:
        forms.add(verb[:-1] + "ied")
        forms.add(verb + "ing")
    else:
        forms.add(verb + "ed")
        forms.add(verb + "ing")
        if (
            len(verb) >= 3
            and verb[-1] not in vowels + "wxy"
            and verb[-2] in vowels
            and verb[-3] not in vowels
        ):
            forms.add(verb + verb[-1] + "ed")
            forms.add(verb + verb[-1] + "ing")
    return forms


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    lemma: str
    type: CueType
    is_participle: bool  # "stating", "saying": attaches to the clause's subject
    is_finite: bool


@dataclass
class CueLexicon:
    """Cues by their first word; longest phrases first so "call for" beats "call"."""

    by_first: dict[str, list[Cue]] = field(default_factory=dict)
    according: list[tuple[str, ...]] = field(default_factory=list)
    # Nouns that introduce content: "allegations from X that ...", "X's claims that ...".
    nouns: frozenset[str] = frozenset()
    # Verb forms that narrate an event rather than state a position: simple-past forms, and
    # verbs of meeting and travel ("met", "held talks").
    past: frozenset[str] = frozenset()
    event: frozenset[str] = frozenset()
    # Nouns naming a position its possessor took: "Serbia's availability to find a solution".
    position_nouns: frozenset[str] = frozenset()

    @classmethod
    def default(cls, extra: Mapping[str, Iterable[str]] | None = None) -> CueLexicon:
        """The packaged lexicon, plus ``extra`` entries ({"speech": [...], "position": [...]})."""
        if not extra:
            return _packaged()
        return cls.build(extra)

    @classmethod
    def build(cls, extra: Mapping[str, Iterable[str]] | None = None) -> CueLexicon:
        raw = json.loads(resources.files(__package__).joinpath("cues.json").read_text("utf-8"))
        lexicon = cls()
        forms: dict[str, list[str]] = raw.get("forms", {})
        cue_type: CueType
        for cue_type in ("speech", "position"):
            phrases: list[str] = list(raw.get(cue_type, []))
            if extra:
                phrases.extend(extra.get(cue_type, []))
            for phrase in phrases:
                lexicon.add(phrase, cue_type, forms)
        lexicon.nouns = frozenset(w.lower() for w in raw.get("nouns", []))
        lexicon.past = frozenset(raw.get("past", []))
        lexicon.event = frozenset(raw.get("event", []))
        lexicon.position_nouns = frozenset(raw.get("position_nouns", []))
        for phrase in raw.get("according", []):
            lexicon.according.append(tuple(phrase.lower().split()))
        if extra:
            for phrase in extra.get("according", []):
                lexicon.according.append(tuple(phrase.lower().split()))
        return lexicon

    def add(self, phrase: str, cue_type: CueType, forms: Mapping[str, list[str]]) -> None:
        words = phrase.lower().split()
        if not words or words[0] in _IRREGULAR_SKIP:
            return
        head, rest = words[0], tuple(words[1:])
        head_forms = set(forms.get(head, [])) | _inflect(head)
        for form in head_forms:
            cue = Cue(
                words=(form, *rest),
                lemma=phrase.lower(),
                type=cue_type,
                is_participle=form.endswith("ing"),
                is_finite=not form.endswith("ing") and form != head or form in {"said", "told"},
            )
            bucket = self.by_first.setdefault(form, [])
            if all(c.words != cue.words for c in bucket):
                bucket.append(cue)
                bucket.sort(key=lambda c: -len(c.words))

    def match(self, words: list[str], index: int, original: str = "") -> Cue | None:
        """The longest cue starting at ``words[index]`` (words already lower-cased).

        A capitalised word is a name, not a verb: "the United States" never "states".
        """
        if original[:1].isupper():
            return None
        for cue in self.by_first.get(words[index], ()):
            n = len(cue.words)
            if tuple(words[index : index + n]) == cue.words:
                return cue
        return None


@lru_cache(maxsize=1)
def _packaged() -> CueLexicon:
    """Built once: the packaged lexicon is only read, never changed, after loading."""
    return CueLexicon.build()
