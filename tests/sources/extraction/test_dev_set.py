"""The engine keeps its quality on the labelled articles: a floor, not a target."""

from pathlib import Path

import pytest

from sources.extraction import Engine
from sources.extraction.corpus import gold_statements, load_gold, parse_text, registry_from_gold
from sources.extraction.evaluation import Scores, score

NEWS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "news"
OFFICIAL = NEWS.parent / "official"
SHARED_DEV = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "dev"


def evaluate(folder):
    total = Scores()
    for gold_path in sorted(folder.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")
        article = parse_text(text_path.read_text("utf-8"))
        gold = load_gold(gold_path.read_text("utf-8"))
        result = Engine(registry_from_gold(gold)).extract(
            article.body, published_on=article.published_on, header=article.header
        )
        for statement in result.statements:
            assert article.body[statement.start : statement.end] == statement.quote
        total.add(score(result.statements, gold_statements(gold, article.body)))
    return total


@pytest.mark.skipif(not NEWS.exists(), reason="no news fixtures")
def test_project_articles_keep_their_scores_above_the_floor():
    """News (101–158) and official texts (201–245) labelled for this project."""
    scores = evaluate(NEWS)
    scores.add(evaluate(OFFICIAL))
    assert scores.f1 >= 0.85
    assert scores.speaker_accuracy >= 0.96
    assert scores.issue_accuracy >= 0.69
    assert scores.stance_accuracy >= 0.82
    assert scores.stance_macro_f1 >= 0.75


@pytest.mark.skipif(not SHARED_DEV.exists(), reason="the shared dev corpus is not on this machine")
def test_shared_dev_set_keeps_statement_f1_above_the_floor():
    scores = evaluate(SHARED_DEV)
    assert scores.f1 >= 0.91
    assert scores.speaker_accuracy >= 0.99
    assert scores.issue_accuracy >= 0.83
    assert scores.stance_accuracy >= 0.94
    assert scores.stance_macro_f1 >= 0.91
