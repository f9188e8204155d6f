"""Each actor's current position and changes per issue stay right through every write path."""

import datetime as dt
import random

import pytest

from positions import current, queries, services
from positions.current import Row, flags
from positions.models import Position, ReviewStatus, Stance
from tests.factories import ActorFactory, ArticleFactory, IssueFactory, UserFactory

D = dt.date


def test_flags_mark_the_latest_approved_stance_current_and_each_differing_one_a_change():
    rows = [
        Row(1, "support", D(2025, 3, 1), 10, True),
        Row(2, "oppose", D(2025, 9, 1), 11, True),
        Row(3, "oppose", D(2025, 6, 1), 12, True),
        Row(4, "support", D(2025, 12, 1), 13, False),  # pending: neither
        Row(5, "conditional", None, 14, True),  # undated: the oldest
    ]
    assert flags(rows) == {
        5: (False, False),
        1: (False, True),
        3: (False, True),
        2: (True, False),
        4: (False, False),
    }


def test_flags_break_ties_of_a_day_by_the_later_statement():
    rows = [Row(1, "support", D(2025, 3, 1), 20, True), Row(2, "oppose", D(2025, 3, 1), 10, True)]
    assert flags(rows) == {2: (False, False), 1: (True, True)}


def _oracle(issue):
    """What the flags should be, worked out from scratch from the statements."""
    expected = {}
    history = {}
    for stance in Stance.objects.filter(issue=issue).select_related("statement"):
        expected[stance.pk] = (False, False, stance.statement.said_on, "", None)
        if stance.statement.review_status == ReviewStatus.APPROVED:
            key = (stance.statement.said_on or D.min, stance.statement_id)
            history.setdefault(stance.statement.speaker_id, []).append((key, stance))
    for stances in history.values():
        stances.sort(key=lambda item: item[0])
        for i, (_, stance) in enumerate(stances):
            before = stances[i - 1][1] if i > 0 else None
            changed = before is not None and before.position != stance.position
            expected[stance.pk] = (
                i == len(stances) - 1,
                changed,
                stance.statement.said_on,
                before.position if changed else "",
                before.statement.said_on if changed else None,
            )
    return expected


def _stored(issue):
    return {
        s.pk: (s.is_current, s.is_change, s.said_on, s.changed_from, s.changed_from_on)
        for s in Stance.objects.filter(issue=issue)
    }


@pytest.mark.django_db
def test_flags_stay_right_through_recording_reviewing_editing_and_merging():
    rng = random.Random(7)
    curator = UserFactory()
    issue = IssueFactory()
    actors = [ActorFactory() for _ in range(4)]
    text = "word " * 400
    article = ArticleFactory(text=text)
    statements = []
    for i in range(40):
        start = rng.randrange(0, 390) * 5
        statements.append(
            services.record_statement(
                speaker=rng.choice(actors),
                text=text[start : start + 4],
                kind="reported",
                article=article,
                start=start,
                end=start + 4,
                said_on=None
                if i % 9 == 0
                else D(2025, 1, 1) + dt.timedelta(days=rng.randrange(60)),
                extractor="test",
                review_status=rng.choice(["pending", "approved", "approved"]),
                stances=[services.StanceInput(issue=issue, position=rng.choice(Position.values))],
            )
        )
        assert _stored(issue) == _oracle(issue)

    services.review_statements(statements=statements[:10], status="approved", by=curator)
    assert _stored(issue) == _oracle(issue)
    services.review_statements(statements=statements[10:15], status="rejected", by=curator)
    assert _stored(issue) == _oracle(issue)

    moved = statements[20]
    moved.speaker = actors[0] if moved.speaker != actors[0] else actors[1]
    moved.said_on = D(2026, 1, 1)
    services.save_statement_edit(statement=moved, by=curator)
    assert _stored(issue) == _oracle(issue)

    services.set_stance(statement=statements[30], issue=issue, position="neutral", by=curator)
    assert _stored(issue) == _oracle(issue)

    services.merge_actors(source=actors[2], target=actors[3], by=curator)
    assert _stored(issue) == _oracle(issue)

    Stance.objects.update(
        is_current=False, is_change=False, said_on=None, changed_from="", changed_from_on=None
    )
    current.rebuild_all()
    assert _stored(issue) == _oracle(issue)
    speakers = {s.statement.speaker for s in queries.current_positions(issue)}
    assert speakers <= {actors[0], actors[1], actors[3]}
