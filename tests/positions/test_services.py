"""Domain writes: they check the rules, say clearly what is wrong, and lose nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from positions import services
from positions.models import (
    Actor,
    ActorKind,
    ActorMerge,
    Affiliation,
    Position,
    ReviewStatus,
    Statement,
    StatementKind,
)
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    AffiliationFactory,
    ArticleFactory,
    IssueFactory,
    StanceFactory,
    StatementFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TEXT = "“Russia will not tolerate NATO troops on Ukrainian soil,” Lavrov declared."


def _record(**overrides):
    article = overrides.pop("article", None) or ArticleFactory(text=TEXT)
    quote = "Russia will not tolerate NATO troops on Ukrainian soil"
    start = TEXT.index(quote)
    values = {
        "speaker": ActorFactory(name="Sergey Lavrov"),
        "text": quote,
        "kind": StatementKind.DIRECT,
        "article": article,
        "start": start,
        "end": start + len(quote),
        "extractor": "test/1",
    }
    values.update(overrides)
    return services.record_statement(**values)


def test_record_statement_saves_span_and_stances():
    issue = IssueFactory()
    statement = _record(stances=[services.StanceInput(issue=issue, position=Position.OPPOSE)])
    assert statement.article.text[statement.start : statement.end] == statement.text
    assert statement.stances.get().position == Position.OPPOSE


def test_record_statement_refuses_a_span_outside_the_article():
    with pytest.raises(ValidationError, match=r"outside the text of article \d+"):
        _record(start=10, end=10_000)
    assert not Statement.objects.exists()


def test_record_statement_refuses_a_span_that_holds_other_words():
    with pytest.raises(ValidationError, match="does not match article"):
        _record(start=0, end=len("Russia will not tolerate NATO troops on Ukrainian soil"))


def test_record_statement_refuses_an_unknown_kind():
    with pytest.raises(ValidationError, match="Unknown kind 'rumour'"):
        _record(kind="rumour")


def test_record_statement_refuses_an_unknown_stance_and_saves_nothing():
    with pytest.raises(ValidationError, match="Unknown position 'maybe'"):
        _record(stances=[services.StanceInput(issue=IssueFactory(), position="maybe")])
    assert not Statement.objects.exists()


def test_record_statement_needs_to_know_who_produced_it():
    with pytest.raises(ValidationError, match="what produced the statement"):
        _record(extractor="")


def test_record_statement_by_a_person_keeps_who():
    curator = UserFactory()
    statement = _record(extractor="", created_by=curator, review_status=ReviewStatus.APPROVED)
    assert statement.created_by == curator
    assert statement.reviewed_by == curator


def test_set_stance_updates_the_one_stance_per_issue():
    stance = StanceFactory(position=Position.SUPPORT)
    services.set_stance(statement=stance.statement, issue=stance.issue, position=Position.OPPOSE)
    assert stance.statement.stances.get().position == Position.OPPOSE


def test_set_stance_refuses_a_rejected_statement():
    statement = StatementFactory(review_status=ReviewStatus.REJECTED)
    with pytest.raises(ValidationError, match="was rejected"):
        services.set_stance(statement=statement, issue=IssueFactory(), position=Position.OPPOSE)


def test_review_statements_records_who_and_when_in_history():
    curator = UserFactory()
    statements = StatementFactory.create_batch(3, review_status=ReviewStatus.PENDING)
    changed = services.review_statements(
        statements=statements[:2], status=ReviewStatus.APPROVED, by=curator
    )
    assert changed == 2
    approved = Statement.objects.get(pk=statements[0].pk)
    assert approved.reviewed_by == curator
    assert approved.review_status == ReviewStatus.APPROVED
    latest = approved.history.first()
    assert latest.history_user == curator
    assert latest.prev_record.review_status == ReviewStatus.PENDING
    assert Statement.objects.get(pk=statements[2].pk).review_status == ReviewStatus.PENDING


def test_create_actor_derives_a_unique_slug():
    first = services.create_actor(name="Russia", kind=ActorKind.STATE)
    second = services.create_actor(name="Russia", kind=ActorKind.STATE)
    assert (first.slug, second.slug) == ("russia", "russia-2")


def test_create_actor_refuses_an_unknown_kind():
    with pytest.raises(ValidationError, match="Unknown actor kind 'planet'"):
        services.create_actor(name="Mars", kind="planet")


def test_add_alias_ignores_the_actors_own_name():
    actor = services.create_actor(name="Russia", kind=ActorKind.STATE, aliases=["russia", "Moscow"])
    assert list(actor.aliases.values_list("name", flat=True)) == ["Moscow"]


def test_merge_moves_statements_aliases_and_affiliations():
    curator = UserFactory()
    keep = ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    dupe = ActorFactory(name="Sergei Lavrov", slug="sergei-lavrov")
    ActorAliasFactory(actor=dupe, name="Lavrov")
    russia = ActorFactory(name="Russia", kind=ActorKind.STATE)
    AffiliationFactory(member=dupe, organisation=russia, role="Foreign Minister")
    statements = StatementFactory.create_batch(2, speaker=dupe)
    kept_statement = StatementFactory(speaker=keep)

    result = services.merge_actors(source=dupe, target=keep, by=curator)

    assert result.statements == 2
    assert not Actor.objects.filter(pk=dupe.pk).exists()
    assert set(Statement.objects.filter(speaker=keep).values_list("pk", flat=True)) == {
        kept_statement.pk,
        *(s.pk for s in statements),
    }
    assert set(keep.aliases.values_list("name", flat=True)) == {"Sergei Lavrov", "Lavrov"}
    assert Affiliation.objects.get(member=keep).organisation == russia
    merge = ActorMerge.objects.get()
    assert (merge.source_slug, merge.target, merge.merged_by) == ("sergei-lavrov", keep, curator)


def test_merge_keeps_members_of_a_merged_organisation():
    ministry = ActorFactory(name="MFA of Russia", kind=ActorKind.ORGANISATION)
    same = ActorFactory(name="Russian Foreign Ministry", kind=ActorKind.ORGANISATION)
    AffiliationFactory(
        member=ActorFactory(name="Kirill Logvinov"), organisation=same, role="Director"
    )
    services.merge_actors(source=same, target=ministry)
    assert Affiliation.objects.get().organisation == ministry


def test_merge_into_itself_is_refused_and_changes_nothing():
    actor = ActorFactory()
    StatementFactory(speaker=actor)
    with pytest.raises(ValidationError, match="into itself"):
        services.merge_actors(source=actor, target=actor)
    assert Actor.objects.filter(pk=actor.pk).exists()
    assert actor.statements.count() == 1


def test_merge_of_a_part_into_its_whole_is_refused():
    russia = ActorFactory(name="Russia", kind=ActorKind.STATE)
    ministry = ActorFactory(name="Russian Foreign Ministry", part_of=russia)
    with pytest.raises(ValidationError, match="part of one another"):
        services.merge_actors(source=ministry, target=russia)


def test_add_affiliation_refuses_dates_in_the_wrong_order():
    with pytest.raises(ValidationError, match="ends"):
        services.add_affiliation(
            member=ActorFactory(),
            organisation=ActorFactory(),
            start_on=dt.date(2024, 1, 1),
            end_on=dt.date(2020, 1, 1),
        )
