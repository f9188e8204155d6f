"""Bad input gets a clear result, never a crash or a hang."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.extraction import Engine, Registry
from tests.sources.extraction.conftest import REGISTRY


def test_empty_text_gives_no_statements():
    assert Engine(REGISTRY).extract("").statements == []
    assert Engine(REGISTRY).extract("   \n\n ").statements == []


def test_text_without_quotes_or_cues_gives_no_statements():
    text = "The river runs through the valley. Rain fell in the north on Tuesday."
    assert Engine(REGISTRY).extract(text).statements == []


def test_unbalanced_quotes_do_not_crash_when_marks_never_close():
    text = (
        "“Russia will not tolerate troops, Lavrov said.\nAnother paragraph “with ” stray ” marks."
    )
    result = Engine(REGISTRY).extract(text)
    assert all(text[s.start : s.end] == s.quote for s in result.statements)


def test_non_english_text_is_flagged_when_no_english_words():
    text = "Россия не допустит размещения войск НАТО на Украине, заявил министр Лавров. " * 20
    result = Engine(REGISTRY).extract(text)
    assert result.statements == []
    assert not result.is_english


def test_five_megabytes_finish_quickly_when_the_text_is_huge():
    paragraph = "“" + "word " * 300 + "\n" + "Lavrov said that the talks were over, " * 50 + "\n"
    text = (paragraph * (5_000_000 // len(paragraph) + 1))[:5_000_000]
    started = time.perf_counter()
    result = Engine(REGISTRY).extract(text)
    assert time.perf_counter() - started < 30
    assert result.truncated


@pytest.mark.parametrize(
    "sentence",
    [
        "and the minister warned that the talks were over ",  # no full stop: one long sentence
        "Lavrov said that the talks, “which Moscow rejects,” were over. ",  # one long paragraph
    ],
)
def test_work_stays_linear_when_one_paragraph_fills_the_whole_text(sentence):
    """Per-sentence work that rescans its paragraph took minutes here (a hang, in effect)."""
    from sources.extraction.engine import MAX_CHARS

    text = sentence * (MAX_CHARS // len(sentence))
    started = time.perf_counter()
    Engine(REGISTRY).extract(text)
    assert time.perf_counter() - started < 30


def test_empty_registry_still_finds_named_speakers():
    text = "Foreign Minister Anna Berg said that the ceasefire must hold."
    (statement,) = Engine(Registry()).extract(text).statements
    assert statement.speaker == "Anna Berg"
    assert statement.issue is None
    assert statement.stance is None


def test_according_to_at_the_very_end_gives_no_statement():
    assert Engine(REGISTRY).extract("Moscow According to").statements == []


# Pieces that start the engine's rules: cues, names, quotation marks, labels and release lines.
_PIECES = [
    *"abc XYZ,.;:!?\"'“”‘’«»()–—-\n\t\u00a0",
    "said", "Lavrov", "Moscow", "that", "QUESTION:", "SECRETARY BLINKEN:", "We", "the", "and",
    "Statement by", "Ambassador", "Office of the Spokesperson", "According to", "according to",
    "which", "he", "called", "“unacceptable”", "You know, Tom,", "spoke with", "to reiterate",
    "Permanent Representative", "both sides", "the two leaders", "Secretary", "Minister", "told",
    "AFP:", "?", "peacekeepers", "ceasefire", "unless", "rejected",
]  # fmt: skip


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(_PIECES), max_size=120),
    spaces=st.lists(st.booleans(), max_size=120),
    outlet=st.sampled_from(["", "U.S. Department of State", "Reuters"]),
)
def test_any_mix_of_cues_names_and_marks_gives_exact_spans_and_never_crashes(
    pieces, spaces, outlet
):
    text = "".join(
        p + (" " if s else "") for p, s in zip(pieces, spaces + [True] * 120, strict=False)
    )
    for statement in Engine(REGISTRY).extract(text, header={"outlet": outlet}).statements:
        assert text[statement.start : statement.end] == statement.quote
