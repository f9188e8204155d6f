"""The product's questions: an actor's timeline, an issue's current map, changes of position."""

import datetime as dt

import pytest

from positions import queries
from positions.models import Position, ReviewStatus
from tests.factories import ActorFactory, IssueFactory, StanceFactory

pytestmark = pytest.mark.django_db


def _stance(actor, issue, position, said_on, status=ReviewStatus.APPROVED):
    return StanceFactory(
        statement__speaker=actor,
        statement__said_on=said_on,
        statement__review_status=status,
        issue=issue,
        position=position,
    )


@pytest.fixture
def troops():
    return IssueFactory(name="Foreign troops in Ukraine", slug="foreign-troops-in-ukraine")


def test_timeline_is_in_time_order_and_marks_where_the_position_changed(troops):
    actor = ActorFactory()
    ceasefire = IssueFactory()
    _stance(actor, troops, Position.OPPOSE, dt.date(2025, 9, 1))
    _stance(actor, troops, Position.SUPPORT, dt.date(2025, 3, 1))
    _stance(actor, ceasefire, Position.SUPPORT, dt.date(2025, 4, 1))
    _stance(actor, troops, Position.SUPPORT, dt.date(2025, 5, 1))

    timeline = queries.actor_timeline(actor)

    assert [(e.statement.said_on.month, e.stance.position, e.is_change) for e in timeline] == [
        (3, "support", False),
        (4, "support", False),  # another issue: not a change
        (5, "support", False),
        (9, "oppose", True),
    ]
    assert timeline[-1].previous_position == Position.SUPPORT


def test_timeline_can_be_narrowed_to_one_issue(troops):
    actor = ActorFactory()
    _stance(actor, troops, Position.OPPOSE, dt.date(2025, 9, 1))
    _stance(actor, IssueFactory(), Position.SUPPORT, dt.date(2025, 4, 1))
    assert [e.issue for e in queries.actor_timeline(actor, issue=troops)] == [troops]


def test_timeline_shows_pending_statements_only_when_asked(troops):
    actor = ActorFactory()
    _stance(actor, troops, Position.OPPOSE, dt.date(2025, 9, 1), status=ReviewStatus.PENDING)
    _stance(actor, troops, Position.OPPOSE, dt.date(2025, 8, 1), status=ReviewStatus.REJECTED)
    assert queries.actor_timeline(actor) == []
    assert len(queries.actor_timeline(actor, include_pending=True)) == 1


def test_current_positions_take_each_actors_latest_approved_stance(troops):
    russia, france, freedonia = (
        ActorFactory(name="Russia"),
        ActorFactory(name="France"),
        ActorFactory(name="Freedonia"),
    )
    _stance(russia, troops, Position.OPPOSE, dt.date(2025, 3, 1))
    _stance(france, troops, Position.SUPPORT, dt.date(2025, 3, 27))
    _stance(freedonia, troops, Position.SUPPORT, dt.date(2025, 3, 1))
    _stance(freedonia, troops, Position.OPPOSE, dt.date(2025, 9, 12))
    _stance(freedonia, troops, Position.SUPPORT, dt.date(2025, 10, 1), status=ReviewStatus.PENDING)
    _stance(russia, IssueFactory(), Position.SUPPORT, dt.date(2025, 10, 1))

    current = {s.statement.speaker.name: s.position for s in queries.current_positions(troops)}

    assert current == {"Russia": "oppose", "France": "support", "Freedonia": "oppose"}


def test_current_positions_is_empty_for_an_issue_nobody_spoke_on(troops):
    assert queries.current_positions(troops) == []


def test_recent_changes_list_each_change_newest_first_with_what_it_moved_from(troops):
    freedonia, russia = ActorFactory(name="Freedonia"), ActorFactory(name="Russia")
    _stance(freedonia, troops, Position.SUPPORT, dt.date(2025, 3, 1))
    _stance(freedonia, troops, Position.CONDITIONAL, dt.date(2025, 6, 1))
    _stance(freedonia, troops, Position.OPPOSE, dt.date(2025, 9, 12))
    _stance(russia, troops, Position.OPPOSE, dt.date(2025, 3, 1))
    _stance(russia, troops, Position.OPPOSE, dt.date(2025, 4, 1))

    changes = queries.recent_changes(troops)

    assert [
        (c.stance.statement.speaker.name, c.previous_position, c.stance.position) for c in changes
    ] == [
        ("Freedonia", "conditional", "oppose"),
        ("Freedonia", "support", "conditional"),
    ]
    assert changes[0].previous_said_on == dt.date(2025, 6, 1)
    since_july = queries.api_issue_changes(troops, since=dt.date(2025, 7, 1))
    assert [s.said_on for s in since_july] == [dt.date(2025, 9, 12)]


def test_find_actors_matches_aliases_whatever_the_case_and_accents():
    from positions import services

    zelensky = services.create_actor(
        name="Volodymyr Zelensky", kind="person", aliases=["Zelenskyy"]
    )
    assert list(queries.find_actors("ZELENSKYY")) == [zelensky]
    assert list(queries.find_actors("Volodymyr Zelénsky")) == [zelensky]


def test_a_merged_actors_old_slug_leads_to_the_actor_it_became():
    from positions import services

    keep, dupe = ActorFactory(slug="sergey-lavrov"), ActorFactory(slug="sergei-lavrov")
    services.merge_actors(source=dupe, target=keep)
    assert queries.actor_by_slug_or_merge("sergei-lavrov") == (None, keep)
    assert queries.actor_by_slug_or_merge("sergey-lavrov") == (keep, None)
    assert queries.actor_by_slug_or_merge("nobody") == (None, None)
