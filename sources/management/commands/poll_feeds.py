"""python manage.py poll_feeds : poll due feeds (or all, or some) and fetch their new articles."""

from django.core.management.base import BaseCommand, CommandParser

from sources import ingestion, queries
from sources.ingestion import IngestResult, Outcome
from sources.management.commands._batch import BatchReport
from sources.models import Feed


class Command(BaseCommand):
    help = (
        "Poll the feeds that are due (or --all, or --feed ID) and fetch their new articles here, "
        "or hand them to the workers with --queue. Exits 1 when a feed or an article failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="every active feed, due or not")
        parser.add_argument("--feed", type=int, action="append", default=[], metavar="ID")
        parser.add_argument(
            "--queue", action="store_true", help="queue the articles for the workers"
        )

    def handle(self, *args: object, **options: object) -> None:
        feeds = Feed.objects.filter(is_active=True) if options["all"] else queries.feeds_due()
        if options["feed"]:
            feeds = Feed.objects.filter(pk__in=options["feed"])
        feeds = list(feeds.select_related("outlet"))
        # One report for both: a failed feed and a failed article are each a failed item.
        report = BatchReport(self, verbosity=int(options["verbosity"]))
        article_ids: list[int] = []
        for feed in report.progress(feeds, "Polling"):
            polled = ingestion.poll_feed(feed.pk, queue_articles=options["queue"])
            for reason in polled.skipped:
                self.stdout.write(f"skipped in feed {feed.pk} ({feed}): {reason}")
            if polled.error:
                report.fail(f"feed {feed.pk} ({feed.url})", polled.error)
            article_ids += polled.queued_ids
        self.stdout.write(f"{len(feeds)} feeds polled; {len(article_ids)} new entries.")
        if options["queue"]:
            for article_id in article_ids:
                report.add(IngestResult(f"article {article_id}", Outcome.QUEUED, article_id))
        else:
            for article_id in report.progress(article_ids, "Fetching"):
                report.add(ingestion.fetch_article(article_id))
        report.finish("items (failed feeds and new articles)")
