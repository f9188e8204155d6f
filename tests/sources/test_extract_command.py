"""The extract and evaluate_extraction commands: the interface other programs rely on."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from positions.models import Actor, Statement

ARTICLE = """title: Lavrov on peacekeepers
outlet: Example News
date: 2025-04-01

“Russia will not tolerate NATO troops on Ukrainian soil,” Lavrov declared.
Moscow warned that any deployment of peacekeepers would be a direct threat.
"""

GOLD = {
    "issues": {"foreign-troops-in-ukraine": "Deployment of foreign peacekeeping troops in Ukraine"},
    "actors": [
        {"name": "Russia", "kind": "state", "aliases": ["Moscow"]},
        {
            "name": "Sergey Lavrov",
            "kind": "person",
            "role": "Foreign Minister",
            "affiliation": "Russia",
        },
    ],
    "statements": [
        {
            "speaker": "Sergey Lavrov",
            "kind": "direct",
            "quote": "Russia will not tolerate NATO troops on Ukrainian soil",
            "issue": "foreign-troops-in-ukraine",
            "stance": "oppose",
        }
    ],
}


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "001_lavrov.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "001_lavrov.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def run_extract(*args):
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{args[0]}/never-created.sqlite3")
    completed = subprocess.run(
        [sys.executable, "manage.py", "extract", *args[1:]],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    return json.loads(completed.stdout)


def test_extract_prints_statements_as_json_when_the_database_was_never_created(corpus):
    path = corpus / "001_lavrov.txt"
    output = run_extract(corpus, str(path), "--json", "--load-gold-entities")
    (article,) = output["articles"]
    assert article["path"] == str(path)
    body = ARTICLE.split("\n\n", 1)[1]
    first = article["statements"][0]
    assert first["speaker"] == "Sergey Lavrov"
    assert first["kind"] == "direct"
    assert body[first["start"] : first["end"]] == first["quote"]
    assert first["issue"] == "foreign-troops-in-ukraine"
    assert first["stance"] == "oppose"
    assert set(first) >= {
        "speaker", "speaker_affiliation", "quote", "kind", "start", "end",
        "issue", "stance", "said_on", "confidence",
    }  # fmt: skip
    assert [s["speaker"] for s in article["statements"]] == ["Sergey Lavrov", "Russia"]
    assert not (corpus / "never-created.sqlite3").exists()


@pytest.mark.django_db
def test_extract_writes_nothing_when_actors_come_from_the_database(corpus, capsys):
    Actor.objects.create(name="Russia", slug="russia", kind="state")
    call_command("extract", str(corpus / "001_lavrov.txt"), "--json")
    output = json.loads(capsys.readouterr().out)
    assert output["articles"][0]["statements"]
    assert Statement.objects.count() == 0
    assert Actor.objects.count() == 1


def test_gold_entities_replace_the_database_registry_so_measures_are_fair(
    corpus, capsys, monkeypatch
):
    """A database full of other actors and issues (the demo's) must not change the figures."""
    from sources.extraction import ActorRecord, IssueRecord, Registry
    from sources.management.commands import extract

    demo = Registry(
        (ActorRecord("Moscow Patriarchate", "organisation", aliases=("Moscow",)),),
        (IssueRecord("nato-troops", "NATO troops", keywords=("NATO", "troops", "soil")),),
    )
    monkeypatch.setattr(extract, "database_registry", lambda: demo)
    path = str(corpus / "001_lavrov.txt")
    call_command("extract", path, "--json")
    with_database = json.loads(capsys.readouterr().out)["articles"][0]["statements"]
    assert "nato-troops" in {s["issue"] for s in with_database}  # the database is read ...
    call_command("extract", path, "--json", "--load-gold-entities")
    statements = json.loads(capsys.readouterr().out)["articles"][0]["statements"]
    assert [s["speaker"] for s in statements] == ["Sergey Lavrov", "Russia"]  # ... but not here
    assert {s["issue"] for s in statements} == {"foreign-troops-in-ukraine"}


def test_the_standalone_path_prints_what_the_django_command_prints(corpus, capsys):
    from sources.file_extraction import main

    path = str(corpus / "001_lavrov.txt")
    call_command("extract", path, "--json", "--load-gold-entities")
    through_django = capsys.readouterr().out
    assert main([path, "--json", "--load-gold-entities"]) == 0
    assert capsys.readouterr().out == through_django


@pytest.mark.parametrize(
    ("argv", "standalone"),
    [
        (["manage.py", "extract", "a.txt", "--load-gold-entities", "--json"], True),
        (["manage.py", "extract", "a.txt", "b.txt", "--load-gold-entities"], True),
        (["manage.py", "extract", "a.txt", "--json"], False),  # the database's registry
        (["manage.py", "extract", "--load-gold-entities"], False),  # no path: Django's error
        (["manage.py", "extract", "a.txt", "--load-gold-entities", "--settings=x"], False),
        (["manage.py", "extract", "--help", "--load-gold-entities"], False),
        (["manage.py", "evaluate_extraction", "--load-gold-entities", "a"], False),
    ],
)
def test_only_a_gold_entities_extract_skips_djangos_start_up(argv, standalone):
    from sources.file_extraction import is_standalone

    assert is_standalone(argv) is standalone


def test_a_missing_file_is_named_on_stderr_by_the_standalone_path(tmp_path, capsys):
    from sources.file_extraction import main

    assert main([str(tmp_path / "nope.txt"), "--json", "--load-gold-entities"]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_evaluate_extraction_prints_the_metrics_and_speed(corpus, capsys):
    call_command("evaluate_extraction", str(corpus))
    out = capsys.readouterr().out
    assert "precision 0.500  recall 1.000  F1 0.667" in out  # Moscow's line is not in the gold
    assert "speaker accuracy: 1.000" in out
    assert "articles/s" in out


def test_evaluate_extraction_lists_what_the_engine_got_wrong_when_asked(corpus, capsys):
    call_command("evaluate_extraction", str(corpus), "--errors")
    out = capsys.readouterr().out
    assert "    spurious  Russia" in out
    assert "any deployment of peacekeepers" in out
    assert "missed" not in out


ARTICLE_TEXT = (
    "“Russia will not tolerate NATO troops on Ukrainian soil,” Lavrov declared.\n"
    "Foreign Minister Anna Berg said that the peacekeeping plan must go ahead."
)


@pytest.fixture
def stored_article(db):
    from tests.factories import ActorFactory, ArticleFactory, IssueFactory

    ActorFactory(name="Sergey Lavrov", kind="person")
    IssueFactory(
        slug="foreign-troops-in-ukraine",
        name="Foreign troops in Ukraine",
        keywords=["troops", "peacekeeping", "peacekeepers"],
    )
    return ArticleFactory(text=ARTICLE_TEXT, extracted_at=None)


def test_extract_article_saves_pending_statements_and_new_actors_for_review(stored_article):
    from sources.extracting import extract_article

    report = extract_article(stored_article.id)
    statements = Statement.objects.filter(article=stored_article).order_by("start")
    assert [s.speaker.name for s in statements] == ["Sergey Lavrov", "Anna Berg"]
    assert {s.review_status for s in statements} == {"pending"}
    assert Actor.objects.get(name="Anna Berg").needs_review
    assert report.new_actors == ["Anna Berg"]
    assert statements[0].stances.get().position == "oppose"
    assert extract_article(stored_article.id) is None  # running twice adds nothing
    assert Statement.objects.filter(article=stored_article).count() == 2


def test_reextract_keeps_reviewed_statements_and_replaces_machine_pending_ones(
    stored_article, capsys
):
    from positions.models import ReviewStatus
    from sources.extracting import extract_article

    extract_article(stored_article.id)
    approved = Statement.objects.get(speaker__name="Sergey Lavrov")
    Statement.objects.filter(pk=approved.pk).update(review_status=ReviewStatus.APPROVED)
    call_command("reextract", "--article", str(stored_article.id))
    out = capsys.readouterr().out
    assert "1 added, 1 replaced, 1 kept" in out
    assert Statement.objects.filter(pk=approved.pk, review_status="approved").exists()
    assert Statement.objects.filter(article=stored_article).count() == 2


def test_gold_entities_with_null_fields_are_read_as_empty():
    from sources.extraction.corpus import registry_from_gold

    registry = registry_from_gold(
        {"actors": [{"name": "Ruritania", "kind": "state", "aliases": None, "role": None}]}
    )
    assert registry.actors[0].aliases == ()
    assert registry.actors[0].role == ""
