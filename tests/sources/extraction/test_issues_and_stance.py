"""Issue matching and stance rules: pure functions, no database."""

from sources.extraction.issues import IssueMatcher
from sources.extraction.types import IssueRecord

ISSUES = (
    IssueRecord("gas-transit", "Continuing gas transit through Ukraine beyond 2024"),
    IssueRecord("pipeline-sanctions", "Sanctions on the pipeline company and its investors"),
)


def test_issue_ignores_neighbouring_paragraphs_when_the_paragraph_names_one():
    matcher = IssueMatcher.build(ISSUES)
    wider = "sanctions sanctions investors pipeline company sanctions"
    slug, _ = matcher.match("the transit through Ukraine must go on", "", wider)
    assert slug == "gas-transit"


def test_issue_falls_back_on_neighbouring_paragraphs_when_the_paragraph_names_none():
    matcher = IssueMatcher.build(ISSUES)
    wider = "sanctions on investors in the pipeline company"
    slug, _ = matcher.match("we will respond firmly", "", wider)
    assert slug == "pipeline-sanctions"


def test_issue_prefers_the_speakers_previous_issue_when_scores_are_close():
    matcher = IssueMatcher.build(ISSUES)
    quote = "the pipeline company and gas transit"
    alone, _ = matcher.match(quote)
    other = next(i.slug for i in ISSUES if i.slug != alone)
    assert matcher.match(quote, prior=other)[0] == other


def test_issue_keeps_a_clear_winner_over_the_speakers_previous_issue():
    matcher = IssueMatcher.build(ISSUES)
    quote = "gas transit through Ukraine beyond 2024"
    assert matcher.match(quote, prior="pipeline-sanctions")[0] == "gas-transit"
