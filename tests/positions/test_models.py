"""The database keeps the rules that must always hold, whatever code writes to it."""

import pytest
from django.db import IntegrityError, transaction

from positions.models import Actor, ActorAlias, Stance, Statement
from sources.models import Article
from tests.factories import (
    ActorFactory,
    AffiliationFactory,
    ArticleFactory,
    IssueFactory,
    StanceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def _violates(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_actor_slug_is_unique():
    ActorFactory(slug="russia")
    _violates(lambda: ActorFactory(slug="russia"))


def test_actor_kind_must_be_known():
    _violates(lambda: ActorFactory(kind="planet"))


def test_actor_name_is_folded_for_lookup_when_saved():
    actor = ActorFactory(name="Volodymyr  ZELENSKÝ")
    assert actor.name_key == "volodymyr zelensky"


def test_alias_lookup_ignores_case_accents_and_the():
    russia = ActorFactory(name="Russia", slug="russia")
    ActorAlias.objects.create(actor=russia, name="the Kremlin")
    ActorAlias.objects.create(actor=russia, name="Moscow")
    assert list(Actor.objects.named("KREMLIN")) == [russia]
    assert list(Actor.objects.named("moscow")) == [russia]
    assert list(Actor.objects.named("RUSSIA")) == [russia]
    assert list(Actor.objects.named("Kyiv")) == []


def test_alias_is_kept_once_per_actor():
    actor = ActorFactory()
    ActorAlias.objects.create(actor=actor, name="Moscow")
    _violates(lambda: ActorAlias.objects.create(actor=actor, name="MOSCOW"))


def test_affiliation_cannot_end_before_it_starts():
    import datetime as dt

    _violates(lambda: AffiliationFactory(start_on=dt.date(2024, 1, 1), end_on=dt.date(2023, 1, 1)))


def test_affiliation_cannot_point_to_itself():
    actor = ActorFactory()
    _violates(lambda: AffiliationFactory(member=actor, organisation=actor))


def test_article_url_is_unique():
    ArticleFactory(url="https://tass.com/politics/1")
    _violates(lambda: ArticleFactory(url="https://tass.com/politics/1"))


def test_articles_without_url_may_coexist():
    ArticleFactory(url="", content_hash="a" * 64)
    ArticleFactory(url="", content_hash="b" * 64)
    assert Article.objects.filter(url="").count() == 2


def test_same_text_hash_is_stored_once():
    ArticleFactory(content_hash="c" * 64)
    _violates(lambda: ArticleFactory(content_hash="c" * 64))


def test_statement_span_must_cover_exactly_its_text():
    article = ArticleFactory(text="Lavrov said no.")
    _violates(lambda: StatementFactory(article=article, text="said no", start=7, end=10))


def test_statement_span_needs_both_ends():
    _violates(lambda: StatementFactory(start=0, end=None))


def test_statement_review_status_must_be_known():
    _violates(lambda: StatementFactory(review_status="maybe"))


def test_statement_confidence_is_between_0_and_1():
    _violates(lambda: StatementFactory(confidence=1.5))


def test_statement_needs_a_producer():
    _violates(lambda: StatementFactory(extractor="", created_by=None))


def test_stance_is_once_per_statement_and_issue():
    stance = StanceFactory()
    _violates(lambda: StanceFactory(statement=stance.statement, issue=stance.issue))


def test_stance_position_must_be_known():
    _violates(lambda: StanceFactory(position="ambivalent"))


def test_one_statement_may_take_stances_on_several_issues():
    statement = StatementFactory()
    StanceFactory(statement=statement, issue=IssueFactory())
    StanceFactory(statement=statement, issue=IssueFactory())
    assert Stance.objects.filter(statement=statement).count() == 2


def test_an_article_with_statements_cannot_be_deleted():
    statement = StatementFactory()
    with pytest.raises(Exception, match="protected"), transaction.atomic():
        statement.article.delete()
    assert Statement.objects.filter(pk=statement.pk).exists()
