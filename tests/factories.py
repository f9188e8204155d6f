"""factory_boy factories: the smallest valid objects, with sequences for unique fields."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from positions import current
from positions.models import (
    Actor,
    ActorAlias,
    ActorKind,
    Affiliation,
    Issue,
    Position,
    ReviewStatus,
    Stance,
    Statement,
    StatementKind,
)
from sources.models import Article, ArticleStatus, Feed, Outlet, SourceKind


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Actor {n}")
    slug = factory.Sequence(lambda n: f"actor-{n}")
    kind = ActorKind.PERSON


class ActorAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorAlias

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    member = factory.SubFactory(ActorFactory)
    organisation = factory.SubFactory(ActorFactory, kind=ActorKind.STATE)
    role = "Foreign Minister"


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    name = factory.Sequence(lambda n: f"Issue {n}")
    slug = factory.Sequence(lambda n: f"issue-{n}")


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.Sequence(lambda n: f"outlet-{n}")
    domain = factory.Sequence(lambda n: f"outlet{n}.example")


class FeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feed

    outlet = factory.SubFactory(OutletFactory)
    url = factory.Sequence(lambda n: f"https://outlet{n}.example/feed.xml")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    outlet = factory.SubFactory(OutletFactory)
    source_kind = SourceKind.URL
    url = factory.Sequence(lambda n: f"https://news.example/article-{n}")
    title = factory.Sequence(lambda n: f"Article {n}")
    text = "Lavrov said Russia will not tolerate NATO troops in Ukraine."
    published_at = factory.LazyFunction(lambda: dt.datetime(2025, 4, 1, tzinfo=dt.UTC))
    status = ArticleStatus.EXTRACTED


class StatementFactory(factory.django.DjangoModelFactory):
    """A statement quoting the whole of its article's text."""

    class Meta:
        model = Statement

    speaker = factory.SubFactory(ActorFactory)
    article = factory.SubFactory(ArticleFactory)
    text = factory.LazyAttribute(lambda o: o.article.text)
    start = 0
    end = factory.LazyAttribute(lambda o: len(o.text))
    kind = StatementKind.REPORTED
    said_on = dt.date(2025, 4, 1)
    extractor = "test"
    review_status = ReviewStatus.APPROVED


class StanceFactory(factory.django.DjangoModelFactory):
    """A stance; the derived current/change flags of its actor and issue are refreshed, as the
    services do after every write."""

    class Meta:
        model = Stance
        skip_postgeneration_save = True

    statement = factory.SubFactory(StatementFactory)
    issue = factory.SubFactory(IssueFactory)
    position = Position.SUPPORT
    confidence = 0.9

    @factory.post_generation
    def refresh_positions(self, create, extracted, **kwargs):
        if create:
            current.refresh([(self.statement.speaker_id, self.issue_id)])
            self.refresh_from_db(fields=["is_current", "is_change"])
