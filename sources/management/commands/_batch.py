"""What the ingestion commands share: a progress bar on long batches and the closing summary."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TypeVar

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from sources.ingestion import IngestResult, Outcome

PROGRESS_FROM = 20  # shorter batches finish before a bar would help
T = TypeVar("T")


class BatchReport:
    """Counts outcomes; failures go to stderr at once (with their reason), the summary to stdout."""

    def __init__(self, command: BaseCommand, *, verbosity: int = 1) -> None:
        self.command = command
        self.verbosity = verbosity
        self.counts: Counter[Outcome] = Counter()
        self.copies = 0

    def progress(self, items: list[T], description: str) -> Iterator[T]:
        bar = tqdm(
            items,
            desc=description,
            unit="item",
            file=sys.stderr,
            disable=len(items) < PROGRESS_FROM or None,  # None: only on a terminal
        )
        yield from bar

    def add(self, result: IngestResult) -> None:
        self.counts[result.outcome] += 1
        if result.outcome == Outcome.NEW and result.copy_of_id:
            self.copies += 1
        if result.outcome == Outcome.FAILED:
            self.error(f"FAILED {result.source}: {result.reason}")
        elif result.outcome == Outcome.DUPLICATE and self.verbosity >= 2:
            self.out(f"duplicate {result.source}: {result.reason}")
        elif result.outcome == Outcome.NEW and self.verbosity >= 2:
            self.out(f"new {result.source}: article {result.article_id}")

    def add_all(self, results: Iterable[IngestResult]) -> None:
        for result in results:
            self.add(result)

    def fail(self, source: str, reason: str) -> None:
        self.add(IngestResult(source, Outcome.FAILED, reason=reason))

    # tqdm.write keeps a running bar intact; it needs the raw stream under Django's wrapper.
    def out(self, message: str) -> None:
        tqdm.write(message, file=getattr(self.command.stdout, "_out", self.command.stdout))

    def error(self, message: str) -> None:
        tqdm.write(message, file=getattr(self.command.stderr, "_out", self.command.stderr))

    def finish(self, what: str = "items") -> None:
        """Print the summary; exit non-zero (CommandError) when any item failed."""
        total = sum(self.counts.values())
        new = self.counts[Outcome.NEW]
        copies = ""
        if self.copies:
            copies = f" ({self.copies} linked as {'a copy' if self.copies == 1 else 'copies'})"
        queued = f", {self.counts[Outcome.QUEUED]} queued" if self.counts[Outcome.QUEUED] else ""
        self.command.stdout.write(
            f"{total} {what}: {new} new{copies}, {self.counts[Outcome.DUPLICATE]} duplicate"
            f"{queued}, {self.counts[Outcome.FAILED]} failed."
        )
        if self.counts[Outcome.FAILED]:
            raise CommandError(
                f"{self.counts[Outcome.FAILED]} of {total} {what} failed; reasons above.",
                returncode=1,
            )
