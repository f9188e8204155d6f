"""Quote scanning, dates and stance, each on its own."""

import datetime as dt

import pytest

from sources.extraction import dates, stance
from sources.extraction.quotes import find_quotes
from sources.extraction.text import paragraphs

PUBLISHED = dt.date(2025, 4, 1)  # a Tuesday


def quotes_of(text):
    return [text[q.start : q.end] for q in find_quotes(text, paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “yes, we will.” Then left.", ["yes, we will."]),
        ('He said "yes, we will." Then "no."', ["yes, we will.", "no."]),
        ("Il a dit « nous refusons » hier.", [" nous refusons "]),
        ("“Outer ‘inner’ words,” he said.", ["Outer ‘inner’ words,"]),
        ("It's the minister's view, isn't it?", []),
    ],
)
def test_quote_marks_of_every_kind_are_found(text, expected):
    assert quotes_of(text) == expected


def test_quote_continues_over_paragraphs_when_the_next_opens_with_a_mark():
    text = "“First part of the remarks.\n“Second part,” he said."
    (quote,) = quotes_of(text)
    assert quote.startswith("First part")
    assert quote.endswith("Second part,")


def test_single_marks_are_quotation_marks_in_a_text_without_double_ones():
    text = "He said it was 'a grave mistake'. The minister's aides didn't agree."
    assert quotes_of(text) == ["a grave mistake"]


def test_single_marks_stay_apostrophes_in_a_text_with_double_ones():
    text = "He said it was 'a grave mistake'. “No,” she said."
    assert quotes_of(text) == ["No,"]


def test_unclosed_quote_stops_at_its_paragraph_when_the_next_does_not_open_one():
    text = "“Never closed here.\nA new paragraph."
    assert quotes_of(text) == ["Never closed here."]


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("Earlier in March, Lavrov warned", dt.date(2025, 3, 1), "month"),
        ("Lavrov said on Tuesday", dt.date(2025, 4, 1), "day"),
        ("Lavrov said on Monday", dt.date(2025, 3, 31), "day"),
        ("on June 16, 2021, Biden said", dt.date(2021, 6, 16), "day"),
        ("Five years ago, the tribunal ruled", dt.date(2020, 4, 1), "month"),
        ("Last month the minister said", dt.date(2025, 3, 1), "month"),
    ],
)
def test_dates_resolve_against_the_publication_date(phrase, expected, precision):
    assert dates.resolve(phrase, PUBLISHED) == (expected, precision)


def test_no_date_expression_gives_none():
    assert dates.resolve("the minister said", PUBLISHED) is None


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("we categorically oppose the very idea of putting boots on the ground", "oppose"),
        ("Russia will not tolerate NATO troops on Ukrainian soil", "oppose"),
        ("expressed readiness to take part in a peacekeeping operation", "support"),
        ("we would send troops only if there is a ceasefire", "conditional"),
        ("direct sanctions against him are still on the table", "conditional"),
        ("we welcome the agreement and support its implementation", "support"),
    ],
)
def test_stance_reads_the_position_not_the_sentiment(quote, expected):
    assert stance.classify(quote)[0] == expected


def test_differences_itemise_misses_extras_and_wrong_fields():
    from sources.extraction.corpus import GoldStatement
    from sources.extraction.evaluation import differences

    def st(speaker, start, end, issue="i", stance="support"):
        return GoldStatement(speaker, "x" * (end - start), "direct", start, end, issue, stance)

    gold = [st("A", 0, 10), st("B", 20, 30), st("C", 40, 50), st("D", 60, 70)]
    predicted = [st("A", 0, 10, stance="oppose"), st("Z", 20, 30), st("E", 80, 90)]
    found = differences(predicted, gold)
    assert [(g.speaker, p.stance) for g, p in found.wrong_stance] == [("A", "oppose")]
    assert [(g.speaker, p.speaker) for g, p in found.wrong_speaker] == [("B", "Z")]
    assert [g.speaker for g in found.missed] == ["C", "D"]
    assert [p.speaker for p in found.spurious] == ["E"]


def test_speaker_accuracy_pairs_the_right_speaker_when_two_share_one_span():
    from types import SimpleNamespace

    from sources.extraction.evaluation import score

    def said(speaker):
        return SimpleNamespace(speaker=speaker, start=0, end=20, issue=None, stance=None)

    gold = [said("Ruritania"), said("Freedonia")]
    predicted = [said("Freedonia"), said("Ruritania")]  # the same two, listed the other way
    assert score(predicted, gold).speaker_accuracy == 1.0
