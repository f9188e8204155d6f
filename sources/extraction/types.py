"""The plain data the engine takes and returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ActorKind = Literal["person", "state", "organisation", "group"]
StatementKind = Literal["direct", "reported"]
Stance = Literal["support", "oppose", "conditional", "neutral"]
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class ActorRecord:
    """One actor of the registry snapshot."""

    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    # A person's post: "Foreign Minister" of "Russia".
    role: str = ""
    affiliation: str | None = None
    # An organisation's parent: the Russian Foreign Ministry is part of Russia.
    part_of: str | None = None


@dataclass(frozen=True)
class IssueRecord:
    """One contested question of the registry snapshot."""

    slug: str
    name: str
    description: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Registry:
    """What the engine may resolve speakers and issues against."""

    actors: tuple[ActorRecord, ...] = ()
    issues: tuple[IssueRecord, ...] = ()


@dataclass(frozen=True)
class NewActor:
    """A speaker the registry does not know: a curator confirms or merges it."""

    name: str
    kind: ActorKind
    role: str = ""
    affiliation: str | None = None


@dataclass
class ExtractedStatement:
    """A proposed statement with the evidence for each field and a confidence per field."""

    speaker: str
    quote: str
    kind: StatementKind
    start: int
    end: int
    is_new_actor: bool = False
    speaker_kind: ActorKind = "person"
    speaker_affiliation: str | None = None
    speaker_role: str = ""
    speaker_start: int | None = None
    speaker_end: int | None = None
    issue: str | None = None
    stance: Stance | None = None
    said_on: dt.date | None = None
    said_on_precision: Precision = "day"
    via: str = ""
    # Per field: "speaker", "quote", "issue", "stance", "said_on".
    confidences: dict[str, float] = field(default_factory=dict)

    @property
    def confidence(self) -> float:
        """The weakest link: a statement is only as sure as its least sure field."""
        values = [self.confidences.get(key, 0.5) for key in ("speaker", "quote")]
        if self.issue is not None:
            values.append(self.confidences.get("issue", 0.5))
            values.append(self.confidences.get("stance", 0.5))
        return round(min(values), 3)

    def said_on_text(self) -> str | None:
        """The date as the corpus writes it: YYYY-MM-DD, YYYY-MM or YYYY."""
        if self.said_on is None:
            return None
        if self.said_on_precision == "year":
            return f"{self.said_on.year:04d}"
        if self.said_on_precision == "month":
            return f"{self.said_on.year:04d}-{self.said_on.month:02d}"
        return self.said_on.isoformat()


@dataclass
class ExtractionResult:
    """Everything the engine found in one text."""

    statements: list[ExtractedStatement]
    language: str = "en"
    is_english: bool = True
    truncated: bool = False
    new_actors: list[NewActor] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
