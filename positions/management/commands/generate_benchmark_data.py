"""python manage.py generate_benchmark_data — a large synthetic dataset for timing pages and API.

Writes into the configured database (DATABASE_URL), by default 1,000,000 statements with their
stances across 5,000 actors, 200 issues and 10 years, plus outlets and articles to cite. One
"busy" actor (slug ``bench-busy-actor``) says exactly ``--busy`` statements, more than anyone
else; actor and issue popularity follow a long tail, as in real coverage. Rows are made and
saved batch by batch with ``bulk_create``, so memory stays flat whatever the size; a fixed seed
makes two runs alike. Everything it makes is marked (slugs start with ``bench-``, extractor
``bench``), and it refuses to run twice on the same database unless told ``--append``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import time
from bisect import bisect
from collections.abc import Iterator, Sequence

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from positions import current
from positions.models import (
    Actor,
    ActorAlias,
    ActorKind,
    Affiliation,
    DatePrecision,
    Issue,
    Position,
    ReviewStatus,
    Stance,
    Statement,
    StatementKind,
)
from positions.names import fold_name
from sources.models import Article, ArticleStatus, Outlet, SourceKind

BUSY_SLUG = "bench-busy-actor"
EXTRACTOR = "bench"

# Words for the statements' text: diplomatic vocabulary, drawn with a long tail so that a
# search for a common word finds many statements and a rarer pair finds a few hundred.
_WORDS = """
    troops ceasefire sanctions negotiations sovereignty territorial integrity security
    guarantees dialogue escalation withdrawal peacekeepers humanitarian corridor aid
    agreement treaty talks summit delegation ministry foreign minister president
    spokesperson council resolution veto vote assembly embassy ambassador envoy
    mediation proposal framework roadmap deadline commitment obligation violation
    provocation aggression defence deterrence alliance partnership cooperation trade
    tariffs exports imports energy gas oil pipeline grain shipping corridor blockade
    border crossing refugees displaced civilians casualties strikes missiles drones
    nuclear enrichment inspectors verification monitoring mission observers
    election referendum independence autonomy recognition annexation occupation
    reconstruction investment loans debt relief climate emissions finance adaptation
    maritime shoal coast guard navy patrol exercises airspace incursion intercept
    cyber interference disinformation propaganda media freedom journalists detention
    prisoners exchange hostages release negotiators channel backchannel unconditional
    conditional phased gradual immediate comprehensive lasting durable just fair
    legitimate illegal unacceptable welcome regret condemn support oppose reject
    demand urge call insist warn threaten promise pledge reaffirm reiterate stress
    region neighbours partners allies adversaries community international regional
    bilateral multilateral unilateral collective joint common shared mutual respect
    principles charter law norms order stability peace war conflict crisis tension
    dispute settlement arbitration court tribunal ruling jurisdiction accountability
    justice crimes investigation evidence report findings commission inquiry
    development infrastructure ports railways bridges connectivity initiative
    technology semiconductors export controls supply chains resilience critical
    minerals food security famine drought water rights dam river basin fisheries
    arctic antarctic space satellites weapons arms control treaty limits ceilings
    warheads testing moratorium proliferation deal restoration compliance snapback
    """
VOCABULARY = _WORDS.split()

_TOPICS = """
    foreign-troops peacekeeping ceasefire sanctions-relief grain-deal nuclear-talks
    taiwan-strait south-china-sea arctic-council climate-finance debt-relief
    kosovo-recognition sahel-security red-sea-shipping gaza-ceasefire iran-enrichment
    korean-denuclearisation un-security-council-reform wto-reform semiconductor-controls
    """
ISSUE_TOPICS = _TOPICS.split()

OUTLET_NAMES = [
    "Bench Wire",
    "Daily Ledger",
    "Global Courier",
    "Evening Dispatch",
    "State Bulletin",
    "Harbour Times",
    "Capital Review",
    "Northern Post",
    "Southern Herald",
    "Eastern Gazette",
]


def weighted(n: int, exponent: float) -> list[float]:
    """Cumulative weights for a long tail over n items: item i weighs 1 / (i + 1) ** exponent."""
    return list(itertools.accumulate(1 / (i + 1) ** exponent for i in range(n)))


def pick(rng: random.Random, items: Sequence[int], cumulative: list[float]) -> int:
    return items[bisect(cumulative, rng.random() * cumulative[-1])]


class Command(BaseCommand):
    help = "Generate a large synthetic dataset (default 1M statements) for benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--statements", type=int, default=1_000_000)
        parser.add_argument("--actors", type=int, default=5_000)
        parser.add_argument("--issues", type=int, default=200)
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--busy", type=int, default=20_000, help="the busy actor's count")
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--batch-size", type=int, default=5_000)
        parser.add_argument("--seed", type=int, default=20_251_125)
        parser.add_argument(
            "--append", action="store_true", help="run even if benchmark data exists already"
        )

    def handle(self, *args: object, **options: int | bool) -> None:
        if Actor.objects.filter(slug=BUSY_SLUG).exists() and not options["append"]:
            raise CommandError(
                f"Benchmark data is already in {connection.settings_dict['NAME']} (actor "
                f"{BUSY_SLUG!r} exists); pass --append to add more anyway."
            )
        if options["busy"] > options["statements"]:
            raise CommandError("--busy cannot exceed --statements.")
        self.rng = random.Random(options["seed"])
        self.batch = int(options["batch_size"])
        started = time.monotonic()
        run = f"{options['seed']}-{int(time.time())}" if options["append"] else "1"
        issues = self.make_issues(int(options["issues"]), run)
        actors = self.make_actors(int(options["actors"]), run)
        articles = self.make_articles(int(options["articles"]), int(options["years"]), run)
        self.make_statements(
            total=int(options["statements"]),
            busy=int(options["busy"]),
            years=int(options["years"]),
            actors=actors,
            issues=issues,
            articles=articles,
        )
        self.log("Working out each actor's current position and changes per issue ...")
        current.rebuild_all()  # bulk_create bypasses the services that keep them
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for table in ("positions_statement", "positions_stance", "sources_article"):
                    cursor.execute(f"ANALYZE {table}")
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.0f} s."))

    def log(self, message: str) -> None:
        self.stdout.write(message)
        self.stdout.flush()

    # --- the registries ---------------------------------------------------------------------

    def make_issues(self, count: int, run: str) -> list[int]:
        now = timezone.now()
        rows = []
        for i in range(count):
            topic = ISSUE_TOPICS[i % len(ISSUE_TOPICS)]
            name = f"{topic.replace('-', ' ').capitalize()} {i // len(ISSUE_TOPICS) + 1}"
            slug = f"bench-issue-{i + 1:04d}" if run == "1" else f"bench-{run}-issue-{i + 1}"
            rows.append(Issue(name=name, slug=slug, created_at=now, keywords=topic.split("-")))
        created = Issue.objects.bulk_create(rows, batch_size=self.batch)
        self.log(f"{len(created)} issues")
        return [issue.pk for issue in created]

    def make_actors(self, count: int, run: str) -> list[int]:
        now = timezone.now()
        kinds = [ActorKind.PERSON, ActorKind.STATE, ActorKind.ORGANISATION, ActorKind.GROUP]
        rows = []
        for i in range(count):
            if i == 0 and run == "1":
                name, slug = "Busy Bench Minister", BUSY_SLUG
            else:
                name = f"Bench Actor {i:05d}"
                slug = f"bench-actor-{i:05d}" if run == "1" else f"bench-{run}-actor-{i}"
            rows.append(
                Actor(
                    name=name,
                    name_key=fold_name(name),
                    slug=slug,
                    kind=kinds[i % len(kinds)],
                    description="Synthetic actor for benchmarks.",
                    created_at=now,
                )
            )
        created = Actor.objects.bulk_create(rows, batch_size=self.batch)
        busy = created[0]
        ActorAlias.objects.create(actor=busy, name=f"The Busy Minister {run}")
        Affiliation.objects.create(
            member=busy,
            organisation=created[1],
            role="Foreign Minister",
            start_on=dt.date(2016, 1, 1),
        )
        self.log(f"{len(created)} actors")
        return [actor.pk for actor in created]

    def make_articles(self, count: int, years: int, run: str) -> list[int]:
        outlets = Outlet.objects.bulk_create(
            [
                Outlet(name=f"{name} ({run})", slug=f"bench-outlet-{run}-{i}")
                for i, name in enumerate(OUTLET_NAMES)
            ]
        )
        first_day = dt.datetime(2026 - years, 1, 1, 12, tzinfo=dt.UTC)
        span_days = 365 * years
        ids: list[int] = []
        for start in range(0, count, self.batch):
            rows = [
                Article(
                    outlet=outlets[n % len(outlets)],
                    source_kind=SourceKind.TEXT,
                    url=f"https://bench.example/{run}/{n}",
                    title=f"Bench article {n}",
                    published_at=first_day + dt.timedelta(days=self.rng.randrange(span_days)),
                    text="Synthetic article for benchmarks.",
                    status=ArticleStatus.EXTRACTED,
                )
                for n in range(start, min(start + self.batch, count))
            ]
            ids.extend(a.pk for a in Article.objects.bulk_create(rows))
        self.log(f"{len(ids)} articles")
        return ids

    # --- statements and stances -------------------------------------------------------------

    def speakers(self, total: int, busy: int, actors: list[int]) -> Iterator[int]:
        """The speaker of each statement, in random order: the busy actor exactly ``busy``
        times, the others along a long tail that stays below it."""
        others = actors[1:]
        cumulative = weighted(len(others), 0.5)
        busy_left, left = busy, total
        while left:
            if self.rng.random() < busy_left / left:
                busy_left -= 1
                yield actors[0]
            else:
                yield pick(self.rng, others, cumulative)
            left -= 1

    def make_statements(
        self,
        *,
        total: int,
        busy: int,
        years: int,
        actors: list[int],
        issues: list[int],
        articles: list[int],
    ) -> None:
        rng = self.rng
        issue_weights = weighted(len(issues), 0.8)
        word_weights = weighted(len(VOCABULARY), 1.0)
        words = list(range(len(VOCABULARY)))
        # Each actor speaks on a handful of issues; the busy one on forty.
        agenda: dict[int, list[int]] = {}
        leaning: dict[tuple[int, int], str] = {}
        positions = list(Position.values)
        first_day = dt.date(2026 - years, 1, 1)
        span_days = 365 * years
        now = timezone.now()
        statuses = [ReviewStatus.APPROVED] * 90 + [ReviewStatus.PENDING] * 8
        statuses += [ReviewStatus.REJECTED] * 2
        done = 0
        started = time.monotonic()
        speakers = self.speakers(total, busy, actors)
        while done < total:
            size = min(self.batch, total - done)
            statements, topics = [], []
            for speaker in itertools.islice(speakers, size):
                if speaker not in agenda:
                    k = 40 if speaker == actors[0] else rng.randint(2, 12)
                    agenda[speaker] = list({pick(rng, issues, issue_weights) for _ in range(k)})
                own = agenda[speaker]
                chosen = [rng.choice(own)]
                if rng.random() < 0.1 and len(own) > 1:
                    chosen.append(rng.choice([i for i in own if i != chosen[0]]))
                topics.append(chosen)
                text = " ".join(
                    VOCABULARY[pick(rng, words, word_weights)] for _ in range(rng.randint(12, 30))
                )
                statements.append(
                    Statement(
                        speaker_id=speaker,
                        article_id=rng.choice(articles),
                        text=text.capitalize() + ".",
                        kind=StatementKind.DIRECT if rng.random() < 0.6 else StatementKind.REPORTED,
                        said_on=first_day + dt.timedelta(days=rng.randrange(span_days)),
                        said_on_precision=DatePrecision.DAY,
                        confidence=1.0,
                        extractor=EXTRACTOR,
                        review_status=rng.choice(statuses),
                        created_at=now,
                    )
                )
            with transaction.atomic():
                Statement.objects.bulk_create(statements)
                stances = []
                for statement, chosen in zip(statements, topics, strict=True):
                    for issue in chosen:
                        key = (statement.speaker_id, issue)
                        # Mostly the actor's usual line on the issue; sometimes another one,
                        # which the pages mark as a change of position.
                        if key not in leaning or rng.random() < 0.05:
                            leaning[key] = rng.choice(positions)
                        stances.append(
                            Stance(
                                statement=statement,
                                issue_id=issue,
                                position=leaning[key],
                                confidence=1.0,
                                created_at=now,
                            )
                        )
                Stance.objects.bulk_create(stances)
            done += size
            if done % (self.batch * 20) == 0 or done == total:
                rate = done / (time.monotonic() - started)
                self.log(f"{done:,} statements ({rate:,.0f}/s)")
