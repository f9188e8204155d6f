"""python manage.py ingest_file PATH... : store text and HTML files, or the ones in folders."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from sources import ingestion
from sources.management.commands._batch import BatchReport


class Command(BaseCommand):
    help = (
        "Store articles from .txt (plain or with the corpus header), .html and .htm files; "
        "folders are walked and other files listed as skipped. Exits 1 when any file failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    def handle(self, *args: object, paths: list[Path], **options: object) -> None:
        files, skipped = ingestion.collect_files(paths)
        report = BatchReport(self, verbosity=int(options["verbosity"]))
        for path, reason in skipped:
            if reason == "no such file or folder":
                report.fail(str(path), reason)
            else:
                self.stdout.write(f"skipped {path}: {reason}")
        for path in report.progress(files, "Reading"):
            report.add(ingestion.ingest_file(path))
        if skipped:
            self.stdout.write(f"{len(skipped)} paths skipped.")
        report.finish("files")
