"""Importing hand-labelled data: the corpus's gold format, as the demo and teams use it."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from positions import demo, gold
from positions.models import Actor, Affiliation, Issue, ReviewStatus, Statement

pytestmark = pytest.mark.django_db

SHARED_DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"
SEED = demo.DEMO_DIR / "001_russia_peacekeepers.gold.json"


def test_seed_article_loads_as_approved_statements_with_exact_spans():
    report = gold.load_gold_file(SEED)

    assert report.statements_created == 9
    statements = Statement.objects.select_related("article", "speaker")
    assert all(s.review_status == ReviewStatus.APPROVED for s in statements)
    assert all(s.article.text[s.start : s.end] == s.text for s in statements)
    lavrov = Statement.objects.filter(speaker__name="Sergey Lavrov").first()
    assert (str(lavrov.said_on), lavrov.said_on_precision) == ("2025-03-01", "month")
    logvinov = Statement.objects.filter(speaker__name="Kirill Logvinov", kind="direct").get()
    assert (logvinov.via, logvinov.speaker_affiliation.name) == ("Tass", "Russian Foreign Ministry")


def test_seed_article_builds_the_registry_with_aliases_parts_and_affiliations():
    gold.load_gold_file(SEED)
    russia = Actor.objects.get(name="Russia")
    assert list(Actor.objects.named("Moscow")) == [russia]
    assert Actor.objects.get(name="Russian Foreign Ministry").part_of == russia
    affiliation = Affiliation.objects.get(member__name="Kirill Logvinov")
    assert affiliation.organisation.name == "Russian Foreign Ministry"
    assert affiliation.role == "Director of the Department of International Organisations"
    issue = Issue.objects.get(slug="foreign-troops-in-ukraine")
    assert issue.name == "Foreign troops in Ukraine"
    assert "peacekeeping" in issue.description


def test_loading_twice_adds_nothing():
    gold.load_gold_file(SEED)
    counts = (Actor.objects.count(), Statement.objects.count(), Issue.objects.count())
    again = gold.load_gold_file(SEED)
    assert again.statements_created == 0
    assert again.statements_skipped == 9
    assert (Actor.objects.count(), Statement.objects.count(), Issue.objects.count()) == counts


def test_an_affiliation_to_an_unlisted_body_becomes_an_actor_for_review(tmp_path):
    (tmp_path / "a.txt").write_text("title: T\ndate: 2024-01-02\n\nBody text.\n")
    (tmp_path / "a.gold.json").write_text(
        json.dumps(
            {
                "issues": {},
                "actors": [
                    {
                        "name": "Jane Doe",
                        "kind": "person",
                        "role": "Envoy",
                        "affiliation": "Ruritania",
                    }
                ],
                "statements": [],
            }
        )
    )
    gold.load_gold_file(tmp_path / "a.gold.json")
    ruritania = Actor.objects.get(name="Ruritania")
    assert ruritania.needs_review


def test_a_quote_missing_from_the_text_fails_with_its_place_and_saves_nothing(tmp_path):
    (tmp_path / "b.txt").write_text("title: T\ndate: 2024-01-02\n\nLavrov said yes.\n")
    (tmp_path / "b.gold.json").write_text(
        json.dumps(
            {
                "issues": {},
                "actors": [{"name": "Sergey Lavrov", "kind": "person"}],
                "statements": [
                    {
                        "speaker": "Sergey Lavrov",
                        "kind": "reported",
                        "quote": "yes",
                        "issue": None,
                        "stance": None,
                    },
                    {
                        "speaker": "Sergey Lavrov",
                        "kind": "reported",
                        "quote": "no",
                        "issue": None,
                        "stance": None,
                    },
                ],
            }
        )
    )
    with pytest.raises(CommandError, match="1 of 1 file"):
        call_command("load_gold", str(tmp_path))
    assert not Statement.objects.exists()
    assert not Actor.objects.exists()


def test_load_gold_reports_a_broken_json_file(tmp_path, capsys):
    (tmp_path / "c.gold.json").write_text("{not json")
    with pytest.raises(CommandError):
        call_command("load_gold", str(tmp_path / "c.gold.json"))
    assert "not valid JSON" in capsys.readouterr().err


def test_load_gold_reads_a_whole_folder_of_the_shared_corpus():
    if not SHARED_DEV.exists():
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    call_command("load_gold", str(SHARED_DEV))
    expected = sum(
        len(json.loads(p.read_text())["statements"]) for p in SHARED_DEV.glob("*.gold.json")
    )
    assert Statement.objects.count() == expected


def test_demo_data_shows_a_change_of_position_and_both_sides_of_an_issue():
    from positions import queries

    demo.load_demo_data()
    changed = [
        e for e in queries.actor_timeline(Actor.objects.get(name="Rufus Firefly")) if e.is_change
    ]
    assert changed, "the demo needs an actor whose position changed"
    assert all(e.statement.is_demo for e in changed)
    sides = {
        s.position
        for s in queries.current_positions(Issue.objects.get(slug="foreign-troops-in-ukraine"))
    }
    assert {"support", "oppose"} <= sides


def test_demo_accounts_get_fresh_passwords_once():
    first = demo.ensure_demo_accounts()
    assert [a.username for a in first] == ["admin", "curator", "analyst"]
    assert len({a.password for a in first}) == 3
    assert demo.ensure_demo_accounts() == []


def test_demo_ingests_unlabelled_articles_into_the_review_queue_once(
    django_capture_on_commit_callbacks, eager_tasks
):
    with django_capture_on_commit_callbacks(execute=True):  # extraction is queued on commit
        results = demo.ingest_unlabelled_articles()
    assert results
    assert {r.outcome for r in results} == {"new"}
    machine_made = Statement.objects.filter(review_status=ReviewStatus.PENDING).exclude(
        extractor__startswith="gold:"
    )
    assert machine_made.count() >= len(results)
    assert all(s.article.text[s.start : s.end] == s.text for s in machine_made)
    again = demo.ingest_unlabelled_articles()
    assert {r.outcome for r in again} == {"duplicate"}
    assert Statement.objects.count() == machine_made.count()
