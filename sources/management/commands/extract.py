"""``manage.py extract PATH [PATH ...] --json [--load-gold-entities]``: run the engine on files.

Writes nothing to the database. Without ``--load-gold-entities`` the registry is the
database's actors and issues (none when the database was never created). With it, each file's
registry is the actors and issues of its ``NAME.gold.json`` alone, never its statements and
never the database's, so the figures measured with it are fair and the command works on a
fresh checkout; ``manage.py`` then runs it without setting Django up
(:mod:`sources.file_extraction`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sources.extraction import Registry
from sources.file_extraction import extract_files, gold_registry, missing_files, write_articles


def database_is_there() -> bool:
    """False for a SQLite file that was never created: connecting would create it."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        name = str(db.get("NAME") or "")
        return name not in ("", ":memory:") and Path(name).exists()
    return True


def database_registry() -> Registry:
    if not database_is_there():
        return Registry()
    from sources.registry import registry_snapshot

    return registry_snapshot()


class Command(BaseCommand):
    # Reads files and prints: the project's system checks (URLs, API settings) don't concern it.
    requires_system_checks: list[str] = []
    help = "Propose statements for text, HTML or corpus-format files; writes nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument(
            "--load-gold-entities",
            action="store_true",
            help="Use only the actors and issues of each file's NAME.gold.json (not its "
            "statements, not the database's).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = options["paths"]
        missing = missing_files(paths)
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}; check the paths.")
        if options["load_gold_entities"]:
            registry_for = gold_registry
        else:
            base = database_registry()
            registry_for = lambda _path: base  # noqa: E731 one registry for every file
        articles = extract_files(paths, registry_for, model=settings.SPACY_MODEL)
        write_articles(articles, self.stdout, as_json=options["json"])
