"""``manage.py evaluate_extraction DIR [DIR ...]``: score the engine against gold-labelled files.

Each ``NAME.gold.json`` is compared with the engine's output for ``NAME.txt``, run against the
gold file's own actors and issues. A match: same speaker, quote spans overlapping by at least
half of the shorter one.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sources.extraction import Engine
from sources.extraction.corpus import gold_statements, load_gold, parse_text, registry_from_gold
from sources.extraction.evaluation import Differences, Scores, Spanned, differences, score


class Command(BaseCommand):
    # Reads files and prints: the project's system checks (URLs, API settings) don't concern it.
    requires_system_checks: list[str] = []
    help = "Print precision, recall and F1 for statements, speaker/issue/stance accuracy, speed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dirs", nargs="+", type=Path)
        parser.add_argument("--quiet", action="store_true", help="Only the totals.")
        parser.add_argument(
            "--errors",
            action="store_true",
            help="Under each article, list missed and spurious statements and wrong fields.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        golds = sorted(p for d in options["dirs"] for p in Path(d).glob("*.gold.json"))
        if not golds:
            raise CommandError("No *.gold.json files in those folders; check the paths.")
        total = Scores()
        seconds = 0.0
        articles = 0
        for gold_path in golds:
            text_path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")
            if not text_path.exists():
                self.stderr.write(f"{gold_path.name}: no {text_path.name} beside it; skipped.")
                continue
            article = parse_text(text_path.read_text("utf-8"))
            gold = load_gold(gold_path.read_text("utf-8"))
            started = time.perf_counter()
            engine = Engine(registry_from_gold(gold), model=settings.SPACY_MODEL)
            result = engine.extract(
                article.body, published_on=article.published_on, header=article.header
            )
            seconds += time.perf_counter() - started
            articles += 1
            expected = gold_statements(gold, article.body)
            scores = score(result.statements, expected)
            total.add(scores)
            if not options["quiet"]:
                self.stdout.write(
                    f"{text_path.name[:48]:48} P {scores.precision:.2f}  R {scores.recall:.2f}  "
                    f"F1 {scores.f1:.2f}  ({scores.true_positives}/{scores.predicted} "
                    f"predicted, {scores.gold} gold)"
                )
            if options["errors"]:
                self._write_differences(differences(result.statements, expected))
        t = total
        self.stdout.write(
            f"statements: precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}  "
            f"({t.true_positives} matched, {t.predicted} predicted, {t.gold} gold)"
        )
        self.stdout.write(f"speaker accuracy: {t.speaker_accuracy:.3f}")
        self.stdout.write(f"issue accuracy (matched): {t.issue_accuracy:.3f}")
        self.stdout.write(
            f"stance accuracy (matched): {t.stance_accuracy:.3f}  macro-F1 {t.stance_macro_f1:.3f}"
        )
        rate = articles / seconds if seconds else float("inf")
        self.stdout.write(f"speed: {articles} articles in {seconds:.2f}s = {rate:.1f} articles/s")

    def _write_differences(self, found: Differences) -> None:
        def show(statement: Spanned) -> str:
            quote = getattr(statement, "quote", "")
            quote = quote if len(quote) <= 110 else quote[:107] + "..."
            return f"{statement.speaker} [{statement.start}:{statement.end}] {quote!r}"

        for statement in found.missed:
            self.stdout.write(f"    missed    {show(statement)}")
        for statement in found.spurious:
            self.stdout.write(f"    spurious  {show(statement)}")
        for gold, predicted in found.wrong_speaker:
            self.stdout.write(f"    speaker   {predicted.speaker} for {show(gold)}")
        for gold, predicted in found.wrong_issue:
            self.stdout.write(f"    issue     {predicted.issue} for {gold.issue}: {show(gold)}")
        for gold, predicted in found.wrong_stance:
            self.stdout.write(
                f"    stance    {predicted.stance} for {gold.stance} ({gold.issue}): {show(gold)}"
            )
