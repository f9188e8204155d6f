"""``manage.py reextract [--since DATE | --article ID ...]``: run a newer engine again.

Replaces the machine's pending statements of those articles; never touches what a curator
approved, rejected or edited; prints what changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sources.extracting import reextract_article
from sources.models import Article


class Command(BaseCommand):
    help = "Run the extraction engine again on articles and report what changed."

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--since", type=dt.date.fromisoformat, help="YYYY-MM-DD")
        group.add_argument("--article", type=int, nargs="+", dest="articles", metavar="ID")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["articles"]:
            ids = list(options["articles"])
            found = set(Article.objects.filter(id__in=ids).values_list("id", flat=True))
            missing = sorted(set(ids) - found)
            if missing:
                raise CommandError(f"No article with id {missing}; check the ids.")
        else:
            since = dt.datetime.combine(options["since"], dt.time(), tzinfo=dt.UTC)
            ids = list(
                Article.objects.filter(published_at__gte=since)
                .exclude(text="")
                .order_by("id")
                .values_list("id", flat=True)
            )
        totals = [0, 0, 0]
        for article_id in ids:
            report = reextract_article(article_id)
            if report is None:
                self.stdout.write(f"Article {article_id}: no text, skipped.")
                continue
            totals[0] += len(report.added)
            totals[1] += len(report.removed)
            totals[2] += report.kept
            self.stdout.write(
                f"Article {article_id}: {len(report.added)} added, {len(report.removed)} "
                f"replaced, {report.kept} kept (reviewed or edited)."
            )
            for line in report.removed:
                self.stdout.write(f"  - {line}")
            for line in report.added:
                self.stdout.write(f"  + {line}")
            for name in report.new_actors:
                self.stdout.write(f"  new actor for review: {name}")
        self.stdout.write(
            f"{len(ids)} articles: {totals[0]} statements added, {totals[1]} replaced, "
            f"{totals[2]} kept."
        )
