"""python manage.py ingest_url URL... : fetch, read and store each address now."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sources import ingestion
from sources.management.commands._batch import BatchReport
from sources.models import Outlet


class Command(BaseCommand):
    help = (
        "Fetch, read and store articles from web addresses. Prints new/duplicate/failed and "
        "each failure's reason on stderr; exits 1 when any failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("urls", nargs="+", metavar="URL")
        parser.add_argument("--outlet", help="slug of the outlet (default: matched by domain)")

    def handle(self, *args: object, urls: list[str], outlet: str | None, **options: object) -> None:
        chosen = None
        if outlet:
            chosen = Outlet.objects.filter(slug=outlet).first()
            if chosen is None:
                raise CommandError(f"No outlet has the slug {outlet!r}.")
        report = BatchReport(self, verbosity=int(options["verbosity"]))
        for url in report.progress(list(dict.fromkeys(urls)), "Fetching"):
            report.add(ingestion.ingest_url(url, outlet=chosen))
        report.finish("URLs")
