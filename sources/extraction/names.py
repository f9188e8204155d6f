"""Resolving mentions to actors: registry names and aliases, transliterations, metonyms.

An unknown name never resolves to a look-alike: only an exact alias, the same name under the
transliteration key (Sergei/Sergey), or a surname the article itself introduced with a full name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from importlib import resources

from sources.extraction.text import Token, fold_char_text, name_words, translit_key, word_set
from sources.extraction.types import ActorKind, ActorRecord, Registry

TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "foreign",
        "defence",
        "defense",
        "deputy",
        "secretary",
        "general",
        "secretary-general",
        "chancellor",
        "ambassador",
        "envoy",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "spokesperson's",
        "senator",
        "sen",
        "rep",
        "representative",
        "governor",
        "mayor",
        "king",
        "queen",
        "prince",
        "crown",
        "emperor",
        "premier",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "head",
        "chief",
        "commissioner",
        "high",
        "counsellor",
        "counselor",
        "adviser",
        "advisor",
        "minister's",
        "undersecretary",
        "under",
        "assistant",
        "special",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "rt",
        "hon",
        "the",
        "former",
        "acting",
        "interim",
        "state",
        "of",
        "for",
        "and",
        "department",
        "ministry",
        "affairs",
        "national",
        "security",
        "council",
        "officer",
        "commander",
        "gen",
        "lt",
        "col",
        "admiral",
        "marshal",
        "pope",
        "sheikh",
        "emir",
        "his",
        "her",
        "majesty",
        "excellency",
        "mp",
        "mla",
        "mep",
        "dr.",
        "mr.",
        "mrs.",
        "ms.",
        "new",
        "incoming",
        "outgoing",
        "then",
        "top",
        "senior",
        "leader",
        "party",
        "opposition",
        "parliamentary",
        "speaker",
        "permanent",
        "observer",
        "delegate",
        "negotiator",
        "negotiations",
        "chief-of-staff",
        "attorney",
        "justice",
        "judge",
        "prosecutor",
    ]
)

ORG_WORDS = frozenset(
    [
        "ministry",
        "department",
        "government",
        "council",
        "union",
        "agency",
        "committee",
        "party",
        "office",
        "commission",
        "organisation",
        "organization",
        "nations",
        "bank",
        "court",
        "army",
        "forces",
        "front",
        "movement",
        "alliance",
        "coalition",
        "assembly",
        "parliament",
        "senate",
        "congress",
        "embassy",
        "mission",
        "group",
        "fund",
        "institute",
        "association",
        "federation",
        "league",
        "tribunal",
        "administration",
        "cabinet",
        "presidency",
        "navy",
        "police",
        "service",
        "services",
        "authority",
        "authorities",
        "delegation",
        "kremlin",
        "pentagon",
        "house",
        "palace",
        "bureau",
        "secretariat",
        "board",
        "corporation",
        "company",
    ]
)

# Capitalised words that start sentences but name no one.
NOT_NAMES = word_set(
    """it this that these those they he she we i there here but and so yet also however
    meanwhile officials sources critics analysts experts observers reports many some others
    both all several most few other another reporters journalists residents witnesses"""
)

# Words that may open a capitalised run without being part of a name.
NOT_NAME_START = word_set(
    """the a an this that these those while although though whereas when whenever if unless
    as since after before because once until and but or so yet also however meanwhile"""
)

# Titles before a person's name: "Foreign Minister Jean Dupont" names Jean Dupont.
PERSON_TITLES = word_set(
    """president minister secretary chancellor ambassador envoy spokesperson spokesman
    spokeswoman senator governor mayor king queen prince premier chairman chairwoman director
    commissioner general secretary-general mr mrs ms dr sir"""
)

# Who speaks for a government or body: "a spokesperson for the ministry".
SPOKESPEOPLE = word_set("spokesperson spokesman spokeswoman spokespeople spokespersons")


def names_a_spokesperson(text: str) -> bool:
    """Whether a title or role names a spokesperson ("Foreign Ministry Spokesperson X's ...")."""
    return any(word in SPOKESPEOPLE for word in re.findall(r"[a-z]+", fold_char_text(text)))


# Lower-case parts of names: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
NAME_PARTICLES = word_set("von van der den de da di du la le bin ibn al el dos das")

PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "we": "we", "i": "i"}

GROUP_HEADS = frozenset(
    [
        "countries",
        "nations",
        "states",
        "leaders",
        "members",
        "allies",
        "governments",
        "participants",
        "delegations",
        "partners",
        "signatories",
        "powers",
        "ministers",
    ]
)


@dataclass(frozen=True)
class Resolved:
    """A mention resolved to an actor, known to the registry or new."""

    name: str
    kind: ActorKind
    is_new: bool = False
    affiliation: str | None = None
    role: str = ""
    how: str = "name"  # name, alias, translit, surname, metonym, pronoun, role, group, new


@dataclass
class Mention:
    start: int
    end: int
    actor: Resolved


def _load_gazetteer() -> dict[str, dict[str, dict[str, list[str]]]]:
    raw = resources.files(__package__).joinpath("gazetteer.json").read_text("utf-8")
    data: dict[str, dict[str, dict[str, list[str]]]] = json.loads(raw)
    return data


_GAZETTEER = _load_gazetteer()


def _is_strict(alias: str) -> bool:
    """Short all-capital aliases ("US", "UN") must match in capitals, so "us" stays a pronoun."""
    letters = [ch for ch in alias if ch.isalpha()]
    return len(letters) <= 4 and all(ch.isupper() for ch in letters)


@dataclass
class _Entry:
    actor: Resolved
    strict: bool
    how: str


@dataclass
class ActorIndex:
    """All the names the registry (and the built-in metonyms) knows, for token matching."""

    registry: Registry
    by_words: dict[tuple[str, ...], list[_Entry]] = field(default_factory=dict)
    first_words: dict[str, int] = field(default_factory=dict)  # first word -> longest length
    by_translit: dict[str, Resolved] = field(default_factory=dict)
    by_name: dict[str, ActorRecord] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # "russian" -> "Russia"

    @classmethod
    def build(cls, registry: Registry) -> ActorIndex:
        index = cls(registry)
        surnames: dict[str, list[ActorRecord]] = {}
        for actor in registry.actors:
            index.by_name[actor.name.casefold()] = actor
        for actor in registry.actors:
            resolved = index.record(actor)
            index._add(actor.name, resolved, "name")
            for alias in actor.aliases:
                index._add(alias, resolved, "alias")
            if actor.kind == "person":
                words = actor.name.split()
                if len(words) >= 2:
                    surnames.setdefault(words[-1], []).append(actor)
                    # "Antony J. Blinken" and "Antony Blinken" meet.
                    plain = [w for w in words if not (len(w) <= 2 and w.endswith("."))]
                    if len(plain) != len(words):
                        index._add(" ".join(plain), resolved, "name")
                for name in (actor.name, *actor.aliases):
                    key = translit_key(name)
                    if len(key.split()) >= 2:
                        index.by_translit.setdefault(key, resolved)
        for surname, people in surnames.items():
            if len(people) == 1 and surname[0].isupper() and len(surname) > 2:
                index._add(surname, index.record(people[0]), "surname")
        for section, kind in (("states", "state"), ("organisations", "organisation")):
            for canonical, info in _GAZETTEER[section].items():
                target = index._registry_actor_for(canonical, info["aliases"])
                resolved = (
                    index.record(target)
                    if target is not None
                    else Resolved(canonical, kind, is_new=True, how="metonym")  # type: ignore[arg-type]
                )
                for alias in (canonical, *info["aliases"]):
                    index._add(alias, resolved, "metonym", weak=True)
                for demonym in info.get("demonyms", []):
                    index.demonyms.setdefault(fold_char_text(demonym), resolved.name)
        return index

    def _registry_actor_for(self, canonical: str, aliases: list[str]) -> ActorRecord | None:
        for name in (canonical, *aliases):
            for entry in self.by_words.get(name_words(name), []):
                if not entry.actor.is_new and entry.actor.kind in ("state", "organisation"):
                    return self.by_name.get(entry.actor.name.casefold())
        return None

    def record(self, actor: ActorRecord) -> Resolved:
        affiliation = actor.affiliation
        if affiliation is None and actor.part_of:
            affiliation = None
        return Resolved(actor.name, actor.kind, False, affiliation, actor.role)

    def _add(self, name: str, actor: Resolved, how: str, *, weak: bool = False) -> None:
        # Possessives are matched without their "'s" (the text's tokens are folded alike).
        words = tuple(w[:-2] if w.endswith("'s") and len(w) > 3 else w for w in name_words(name))
        if words and words[0] == "the" and len(words) > 1:
            self._add_words(words[1:], actor, how, _is_strict(name), weak)
        self._add_words(words, actor, how, _is_strict(name), weak)

    def _add_words(
        self, words: tuple[str, ...], actor: Resolved, how: str, strict: bool, weak: bool
    ) -> None:
        if not words:
            return
        if actor.how != how and how in ("surname", "alias"):
            actor = replace(actor, how=how)
        entries = self.by_words.setdefault(words, [])
        if weak and entries:
            return  # the registry's own names win over built-in metonyms
        if any(e.actor.name == actor.name for e in entries):
            return
        if not weak:
            entries[:] = [e for e in entries if e.how != "metonym"]
        entries.append(_Entry(actor, strict, how))
        self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))

    def match_at(self, toks: list[Token], folded: list[str], i: int) -> tuple[int, Resolved] | None:
        """The longest known name starting at token ``i``: (number of tokens, actor)."""
        longest = self.first_words.get(folded[i])
        if longest is None:
            return None
        for n in range(min(longest, len(toks) - i), 0, -1):
            entries = self.by_words.get(tuple(folded[i : i + n]))
            if not entries:
                continue
            usable = [
                e
                for e in entries
                if not (e.strict or e.how == "metonym") or toks[i].text[:1].isupper()
            ]
            if e_ok := [e for e in usable if not e.strict or _all_caps(toks[i : i + n])]:
                if len(e_ok) == 1:
                    return n, e_ok[0].actor
                # Ambiguous: prefer a person for a surname, otherwise give up.
                return None
        return None

    def resolve_name(self, name: str) -> Resolved | None:
        """An exact name or alias, or the same name under transliteration."""
        words = name_words(name)
        for candidate in (words, words[1:] if words[:1] == ("the",) else ()):
            entries = self.by_words.get(tuple(candidate))
            if entries and len(entries) == 1:
                return entries[0].actor
        key = translit_key(name)
        if key in self.by_translit:
            found = self.by_translit[key]
            return Resolved(
                found.name, found.kind, False, found.affiliation, found.role, "translit"
            )
        return None

    def people_with_role(self, role_word: str) -> list[Resolved]:
        out = []
        for actor in self.registry.actors:
            if actor.kind == "person" and role_word in fold_char_text(actor.role).split():
                out.append(self.record(actor))
        return out

    def state_of(self, text: str) -> str | None:
        """The state (else body) a title or affiliation names: "Russian Foreign Ministry" -> Russia.

        An organisation that is part of a state counts as that state.
        """
        toks = tuple(w[:-2] if w.endswith("'s") and len(w) > 3 else w for w in name_words(text))
        bodies: list[str] = []
        for n in (4, 3, 2, 1):
            for i in range(len(toks) - n + 1):
                words = toks[i : i + n]
                for e in self.by_words.get(words, []):
                    if e.actor.kind == "state":
                        return e.actor.name
                    if e.actor.kind == "organisation":
                        record = self.by_name.get(e.actor.name.casefold())
                        parent = record.part_of if record else None
                        parent_record = self.by_name.get(parent.casefold()) if parent else None
                        if parent_record is not None and parent_record.kind == "state":
                            return parent_record.name
                        bodies.append(e.actor.name)
                if n == 1 and words[0] in self.demonyms:
                    return self.demonyms[words[0]]
        return bodies[0] if bodies else None


def _all_caps(toks: list[Token]) -> bool:
    return all(t.text.replace(".", "").isupper() for t in toks)
