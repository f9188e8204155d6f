"""Pure tests of the extraction engine: no database."""

import datetime as dt

import pytest

from sources.extraction import ActorRecord, Engine, IssueRecord, Registry

REGISTRY = Registry(
    actors=(
        ActorRecord("Russia", "state", aliases=("Moscow", "Russian Federation")),
        ActorRecord("United States", "state", aliases=("U.S.",)),
        ActorRecord("Ukraine", "state"),
        ActorRecord("Sergey Lavrov", "person", role="Foreign Minister", affiliation="Russia"),
        ActorRecord(
            "Antony Blinken", "person", role="Secretary of State", affiliation="United States"
        ),
        ActorRecord("Volodymyr Zelensky", "person", role="President", affiliation="Ukraine"),
        ActorRecord("Coalition of the willing", "group"),
    ),
    issues=(
        IssueRecord(
            "foreign-troops-in-ukraine",
            "Foreign troops in Ukraine",
            "Deployment of foreign peacekeeping troops in Ukraine",
            keywords=("peacekeepers", "peacekeeping", "troops", "boots on the ground"),
        ),
        IssueRecord(
            "ukraine-ceasefire",
            "Ceasefire in Ukraine",
            "Negotiating a ceasefire or an end to the Russia-Ukraine war",
            keywords=("ceasefire", "truce", "peace talks"),
        ),
    ),
)

PUBLISHED = dt.date(2025, 4, 1)


@pytest.fixture(scope="session")
def engine():
    return Engine(REGISTRY)


@pytest.fixture
def run(engine):
    def _run(text, **kwargs):
        kwargs.setdefault("published_on", PUBLISHED)
        return engine.extract(text, **kwargs).statements

    return _run
