"""``manage.py extract PATH [PATH ...] --json [--load-gold-entities]``: run the engine on files.

Writes nothing to the database. With ``--load-gold-entities`` the actors and issues listed in
each file's ``NAME.gold.json`` (never its statements) are the registry, so the command also
works on a fresh checkout where ``migrate`` never ran; database actors are added only when the
database and its tables already exist.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sources.extraction import Engine, ExtractedStatement, Registry
from sources.extraction.corpus import CorpusText, load_gold, parse_text, registry_from_gold


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


def read_article(path: Path) -> CorpusText:
    """A corpus-format file, a plain text file or a saved HTML page, as header and body.

    The body of a corpus-format file is everything after the first blank line, verbatim, so
    offsets match the file.
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from sources.reading import decode

        text = decode(raw)
    is_html = path.suffix.lower() in (".html", ".htm", ".xhtml")
    if not is_html and text.lstrip()[:1] == "<":
        from sources.reading import looks_like_html  # trafilatura: loaded only for pages

        is_html = looks_like_html(text)
    if is_html:
        from sources.reading import ReadError, read_html

        try:
            document = read_html(text)
        except ReadError:
            return CorpusText({}, "")
        header = {"title": document.title, "outlet": document.outlet_name}
        if document.published_at is not None:
            header["date"] = document.published_at.date().isoformat()
        return CorpusText({k: v for k, v in header.items() if v}, document.text)
    return parse_text(text)


def gold_registry(path: Path) -> Registry | None:
    gold_path = path.with_name(path.name.removesuffix(path.suffix) + ".gold.json")
    if not gold_path.exists():
        return None
    return registry_from_gold(load_gold(gold_path.read_text("utf-8")))


def statement_json(statement: ExtractedStatement) -> dict[str, Any]:
    return {
        "speaker": statement.speaker,
        "speaker_affiliation": statement.speaker_affiliation,
        "quote": statement.quote,
        "kind": statement.kind,
        "start": statement.start,
        "end": statement.end,
        "issue": statement.issue,
        "stance": statement.stance,
        "said_on": statement.said_on.isoformat() if statement.said_on else None,
        "said_on_precision": statement.said_on_precision,
        "confidence": statement.confidence,
        "via": statement.via or None,
        "is_new_actor": statement.is_new_actor,
        "speaker_kind": statement.speaker_kind,
        "speaker_start": statement.speaker_start,
        "speaker_end": statement.speaker_end,
        "confidences": statement.confidences,
    }


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
            help="Use the actors and issues of each file's NAME.gold.json (not its statements).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = options["paths"]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}; check the paths.")
        base = database_registry()
        shared = Engine(base, model=settings.SPACY_MODEL)
        articles = []
        for path in paths:
            article = read_article(path)
            engine = shared
            if options["load_gold_entities"]:
                gold = gold_registry(path)
                if gold is not None:
                    from sources.registry import merged

                    engine = Engine(merged(base, gold), model=settings.SPACY_MODEL)
            result = engine.extract(
                article.body, published_on=article.published_on, header=article.header
            )
            articles.append(
                {
                    "path": str(path),
                    "language": result.language,
                    "truncated": result.truncated,
                    "statements": [statement_json(s) for s in result.statements],
                }
            )
        if options["json"]:
            json.dump({"articles": articles}, sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
            return
        for article in articles:
            self.stdout.write(f"{article['path']}: {len(article['statements'])} statements")
            for s in article["statements"]:
                label = f"{s['speaker']} [{s['kind']}, {s['issue']}, {s['stance']}]"
                self.stdout.write(f"  {label}: {s['quote'][:90]}")
