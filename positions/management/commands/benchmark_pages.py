"""python manage.py benchmark_pages — time the analysts' pages and EXPLAIN their main queries.

Meant for the database made by generate_benchmark_data (PostgreSQL, 1M statements), but runs
on any database. Each page is requested once to warm up, then ``--requests`` times through
Django's test client (the whole stack: middleware, views, queries, templates); the median,
the 90th percentile and the number of queries are printed, then ``EXPLAIN ANALYZE`` of the
query that does each page's heavy lifting, so index use can be checked.
"""

from __future__ import annotations

import statistics
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, reset_queries
from django.db.models import Count, QuerySet
from django.test import Client

from positions import queries, search
from positions.management.commands.generate_benchmark_data import BUSY_SLUG
from positions.models import Actor, Issue, Stance, Statement
from positions.views import TIMELINE_PAGE_SIZE

TARGET_MS = 100.0


class Command(BaseCommand):
    help = "Time the actor, issue and search pages (medians) and EXPLAIN their main queries."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--requests", type=int, default=20)
        parser.add_argument("--actor", default=BUSY_SLUG, help="actor slug (default: busiest)")
        parser.add_argument(
            "--issue", default="", help="issue slug (default: one of median size, and the busiest)"
        )
        parser.add_argument(
            "--query",
            nargs="+",
            default=["arctic fisheries", "ceasefire monitoring"],
            help="searches to time (default: a selective one and a very broad one)",
        )
        parser.add_argument("--no-explain", action="store_true")

    def handle(self, *args: object, **options: object) -> None:
        actor = Actor.objects.filter(slug=options["actor"]).first()
        if actor is None:
            raise CommandError(
                f"No actor {options['actor']!r}: run generate_benchmark_data first, or name "
                "an actor with --actor."
            )
        typical, busiest = self.pick_issues(str(options["issue"]))
        top = queries.actor_issue_summary(actor)
        actor_issue = top[0].slug if top else typical.slug
        n = int(options["requests"])
        self.stdout.write(
            f"Database: {connection.vendor} {connection.settings_dict['NAME']}; "
            f"{Statement.objects.count():,} statements; actor {actor.slug} "
            f"({actor.statements.count():,} statements); {n} requests each.\n"
        )
        actor_url = actor.get_absolute_url()
        htmx = {"HTTP_HX_REQUEST": "true"}
        pages = [
            ("actor page", actor_url, {}),
            ("actor page, filtered", f"{actor_url}?issue={actor_issue}&stance=oppose", {}),
            ("actor timeline, load more (htmx)", f"{actor_url}?page=3", htmx),
            ("actor chart (htmx, after the page)", f"{actor_url}?chart", htmx),
        ]
        for issue in dict.fromkeys([typical, busiest]):
            label = "busiest" if issue == busiest else "typical"
            pages.append(
                (f"issue page, {label} ({issue.stances.count():,})", issue.get_absolute_url(), {})
            )
        for words in options["query"]:
            q = words.replace(" ", "+")
            pages.append((f"search '{words}' (htmx)", f"/?q={q}", htmx))
        first = options["query"][0]
        pages.append((f"search '{first}' (page)", f"/?q={first.replace(' ', '+')}", {}))
        client = Client()
        failed = []
        self.stdout.write(f"{'page':34} {'median':>9} {'p90':>9} {'queries':>8}")
        for label, url, headers in pages:
            median, p90, count = self.time_page(client, url, headers, n)
            mark = "" if median < TARGET_MS else "  ← over target"
            self.stdout.write(f"{label:34} {median:7.1f}ms {p90:7.1f}ms {count:8}{mark}")
            if median >= TARGET_MS:
                failed.append(label)
        self.stdout.write(f"\nTarget: medians under {TARGET_MS:.0f} ms. URLs: ")
        for label, url, headers in pages:
            self.stdout.write(f"  {label}: {url}{' (HX-Request)' if headers else ''}")
        if not options["no_explain"]:
            self.explain_all(actor, typical, options["query"][0])
        if failed:
            self.stdout.write(self.style.WARNING(f"Over target: {', '.join(failed)}"))
        else:
            self.stdout.write(self.style.SUCCESS("All medians under target."))

    def pick_issues(self, slug: str) -> tuple[Issue, Issue]:
        """(an issue of median size, the busiest issue), or the named issue twice."""
        if slug:
            issue = Issue.objects.filter(slug=slug).first()
            if issue is None:
                raise CommandError(f"No issue {slug!r}.")
            return issue, issue
        sizes = list(Stance.objects.values_list("issue_id").annotate(n=Count("id")).order_by("n"))
        if not sizes:
            raise CommandError("No stances at all: run generate_benchmark_data first.")
        typical, busiest = sizes[len(sizes) // 2][0], sizes[-1][0]
        return Issue.objects.get(pk=typical), Issue.objects.get(pk=busiest)

    def time_page(
        self, client: Client, url: str, headers: dict[str, str], n: int
    ) -> tuple[float, float, int]:
        response = client.get(url, **headers)  # warm-up: caches, connection, templates
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}.")
        executed = []
        with connection.execute_wrapper(lambda run, sql, *a: executed.append(sql) or run(sql, *a)):
            client.get(url, **headers)
        timings = []
        for _ in range(n):
            reset_queries()
            started = time.perf_counter()
            response = client.get(url, **headers)
            b"".join(response) if response.streaming else response.content
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p90 = timings[min(len(timings) - 1, int(len(timings) * 0.9))]
        return statistics.median(timings), p90, len(executed)

    def explain_all(self, actor: Actor, issue: Issue, text: str) -> None:
        explained: list[tuple[str, QuerySet]] = [
            (
                "actor page: the timeline's first page (queries.timeline_stances)",
                queries.timeline_stances(actor)[: TIMELINE_PAGE_SIZE + 1],
            ),
            (
                "actor page: chart and issue filter (queries.issue_counts_by_month)",
                queries.issue_counts_by_month(actor),
            ),
            (
                "issue page: map and changes, one pass (queries.issue_stance_rows)",
                queries.issue_stance_rows(issue),
            ),
            ("search: statements (search.search_statements)", search.search_statements(text)),
        ]
        analyze = {"analyze": True, "buffers": True} if connection.vendor == "postgresql" else {}
        for label, qs in explained:
            self.stdout.write(f"\n=== EXPLAIN {'ANALYZE ' if analyze else ''}— {label}")
            self.stdout.write(qs.explain(**analyze))
