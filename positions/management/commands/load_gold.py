"""python manage.py load_gold PATH... — import hand-labelled articles (the corpus gold format)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from positions import gold


class Command(BaseCommand):
    help = (
        "Load NAME.gold.json files (with NAME.txt beside them) as approved statements, with their "
        "actors, affiliations and issues. PATH may be a gold file, a text file or a folder. "
        "Running it again adds nothing twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--entities-only",
            action="store_true",
            help="Load only the actors and issues, not the articles and statements.",
        )
        parser.add_argument(
            "--demo", action="store_true", help="Mark the statements as hand-made demo data."
        )

    def handle(
        self, *args: object, paths: list[Path], entities_only: bool, demo: bool, **options: object
    ) -> None:
        files = gold.gold_files_in(paths)
        if not files:
            raise CommandError(f"No *.gold.json files in {', '.join(map(str, paths))}.")
        failed = 0
        for path in files:
            try:
                report = gold.load_gold_file(path, statements=not entities_only, is_demo=demo)
            except (ValidationError, OSError, KeyError) as error:
                failed += 1
                message = "; ".join(error.messages) if isinstance(error, ValidationError) else error
                self.stderr.write(f"{path}: not loaded: {message}")
                continue
            self.stdout.write(
                f"{path.name}: {report.statements_created} statement(s) added, "
                f"{report.statements_skipped} already there; {report.actors_created} new actor(s), "
                f"{report.issues_created} new issue(s), {report.articles_created} new article(s)."
            )
        if failed:
            raise CommandError(
                f"{failed} of {len(files)} file(s) failed; nothing of them was saved."
            )
