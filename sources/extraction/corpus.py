"""The corpus format: ``key: value`` header lines, a blank line, the body; gold labels beside it.

Parsing only: callers read the files and pass their text in.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from sources.extraction.types import ActorRecord, IssueRecord, Registry

_HEADER_LINE = re.compile(r"^[a-z_]{2,20}: ")


@dataclass
class CorpusText:
    header: dict[str, str]
    body: str

    @property
    def published_on(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.header.get("date", "")[:10])
        except ValueError:
            return None


def parse_text(raw: str) -> CorpusText:
    """Split a corpus-format file; text without a header is all body."""
    head, sep, body = raw.partition("\n\n")
    lines = head.split("\n")
    if sep and lines and all(_HEADER_LINE.match(line) for line in lines if line):
        header = {}
        for line in lines:
            key, _, value = line.partition(": ")
            header[key.strip()] = value.strip()
        return CorpusText(header, body)
    return CorpusText({}, raw)


@dataclass
class GoldStatement:
    speaker: str
    quote: str
    kind: str
    start: int
    end: int
    issue: str | None
    stance: str | None
    raw: dict[str, Any] = field(default_factory=dict)


def registry_from_gold(gold: dict[str, Any]) -> Registry:
    """The actors and issues a gold file lists (never its statements)."""
    actors = []
    for item in gold.get("actors", []):
        actors.append(
            ActorRecord(
                name=item["name"],
                kind=item.get("kind", "person"),
                aliases=tuple(item.get("aliases") or ()),
                role=item.get("role", "") or "",
                affiliation=item.get("affiliation"),
                part_of=item.get("part_of"),
            )
        )
    issues = []
    raw_issues = gold.get("issues", {})
    if isinstance(raw_issues, dict):
        for slug, description in raw_issues.items():
            issues.append(IssueRecord(slug=slug, name=description, description=""))
    else:
        for item in raw_issues:
            issues.append(
                IssueRecord(
                    slug=item["slug"],
                    name=item.get("name", item["slug"]),
                    description=item.get("description", ""),
                    keywords=tuple(item.get("keywords", [])),
                )
            )
    return Registry(tuple(actors), tuple(issues))


def gold_statements(gold: dict[str, Any], body: str) -> list[GoldStatement]:
    """Gold statements with offsets: the first occurrence of the quote not already taken."""
    out = []
    taken: dict[str, int] = {}
    for item in gold.get("statements", []):
        quote = item["quote"]
        start = item.get("start")
        if start is None:
            start = body.find(quote)
            if start < 0:
                continue
        out.append(
            GoldStatement(
                speaker=item["speaker"],
                quote=quote,
                kind=item.get("kind", "reported"),
                start=start,
                end=start + len(quote),
                issue=item.get("issue"),
                stance=item.get("stance"),
                raw=item,
            )
        )
        taken[quote] = start
    return out


def load_gold(raw: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(raw)
    return data
