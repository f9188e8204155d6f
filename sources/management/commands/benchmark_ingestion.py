"""python manage.py benchmark_ingestion : throughput, peak memory and duplicate-lookup cost.

Generates (once) a batch of local files, half saved HTML pages and half text files with the corpus
header, some of them syndicated copies or exact repeats of others, then ingests them one by one
on this process with near-duplicate detection on and extraction stubbed out (the on-commit
extraction task is replaced by a counter). By default it runs against a fresh temporary SQLite
database so the real one is untouched; ``--configured-database`` uses the configured one instead
(for PostgreSQL figures: point DATABASE_URL at a scratch database).
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, connections
from tqdm import tqdm

from sources import dedupe, ingestion, tasks
from sources.ingestion import Outcome

WORDS_PER_ARTICLE = 350
COPY_SHARE = 0.10  # syndicated copies (a few words changed) of an earlier article
REPEAT_SHARE = 0.02  # exact repeats of an earlier article's text


class Command(BaseCommand):
    help = "Measure ingestion throughput, peak memory and duplicate-lookup cost on local files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument(
            "--folder",
            type=Path,
            default=None,
            help="where the generated files live (default: var/benchmark/ingestion-COUNT)",
        )
        parser.add_argument(
            "--configured-database",
            action="store_true",
            help="write into the configured database instead of a temporary SQLite file",
        )
        parser.add_argument("--windows", type=int, default=10, help="lookup-cost checkpoints")

    def handle(self, *args: object, **options: object) -> None:
        count = int(options["count"])
        folder = options["folder"] or Path(settings.VAR_DIR) / "benchmark" / f"ingestion-{count}"
        files = _generate(Path(folder), count)
        self.stdout.write(f"{len(files)} files in {folder} (half .html, half .txt)")
        with tempfile.TemporaryDirectory() as scratch:
            if not options["configured_database"]:
                _use_scratch_sqlite(Path(scratch) / "benchmark.sqlite3")
            self.stdout.write(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
            analyze = _needs_manual_analyze()
            if analyze:
                self.stdout.write(
                    "autovacuum is off on this server: the tables are ANALYZEd at each checkpoint, "
                    "as autovacuum would, so the planner knows the band keys are nearly unique."
                )
            self._run(files, int(options["windows"]), analyze=analyze)
            connections.close_all()

    def _run(self, files: list[Path], windows: int, *, analyze: bool) -> None:
        lookup_times: list[float] = []
        find_original = dedupe.find_original

        def timed_find_original(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return find_original(*args, **kwargs)  # type: ignore[arg-type]
            finally:
                lookup_times.append(time.perf_counter() - start)

        extraction_calls = []
        outcomes: dict[Outcome, int] = dict.fromkeys(Outcome, 0)
        window = max(1, len(files) // windows)
        rows = []
        rss_start = _peak_rss_mb()
        started, cpu_started = time.perf_counter(), time.process_time()
        window_started, window_lookups = started, 0
        with (
            mock.patch.object(dedupe, "find_original", timed_find_original),
            mock.patch.object(tasks.extract_article, "delay_on_commit", extraction_calls.append),
        ):
            for index, path in enumerate(tqdm(files, unit="article", disable=None), start=1):
                outcomes[ingestion.ingest_file(path).outcome] += 1
                if index % window == 0 or index == len(files):
                    now = time.perf_counter()
                    recent = lookup_times[window_lookups:]
                    rows.append(
                        (
                            index,
                            (index - (rows[-1][0] if rows else 0)) / (now - window_started),
                            1000 * sum(recent) / max(1, len(recent)),
                            _peak_rss_mb(),
                        )
                    )
                    if analyze:
                        with connection.cursor() as cursor:
                            cursor.execute(_ANALYZE)
                    window_started, window_lookups = time.perf_counter(), len(lookup_times)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started

        self.stdout.write("\n  stored  articles/s  lookup ms/article  peak RSS MB")
        for stored, rate, lookup_ms, rss in rows:
            self.stdout.write(f"  {stored:6d}  {rate:10.1f}  {lookup_ms:17.2f}  {rss:11.0f}")
        self.stdout.write(
            f"\n{len(files)} articles in {elapsed:.1f}s: {len(files) / elapsed:.1f} articles/s "
            f"on one process. New {outcomes[Outcome.NEW]}, duplicate "
            f"{outcomes[Outcome.DUPLICATE]}, failed {outcomes[Outcome.FAILED]}; "
            f"{len(extraction_calls)} extractions queued (stubbed)."
        )
        # On a shared machine wall time includes waiting for the CPU; CPU time does not.
        self.stdout.write(
            f"CPU time {cpu:.1f}s: {len(files) / cpu:.1f} articles per CPU-second "
            f"({1000 * cpu / len(files):.1f} ms each); the rest of the wall time is waiting "
            "(disk syncs at each commit, other processes)."
        )
        self.stdout.write(
            f"Peak RSS {_peak_rss_mb():.0f} MB (was {rss_start:.0f} MB before the batch)."
        )
        self.stdout.write(f"Band lookup plan: {_band_plan()}")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


_ANALYZE = "ANALYZE sources_article, sources_articlefingerprint, sources_fingerprintband"


def _needs_manual_analyze() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        return cursor.fetchone()[0] == "off"


def _use_scratch_sqlite(path: Path) -> None:
    connections.close_all()
    for alias in ("default",):
        connections[alias].settings_dict["NAME"] = str(path)
        connections[alias].settings_dict["ENGINE"] = "django.db.backends.sqlite3"
    call_command("migrate", verbosity=0, skip_checks=True)


def _band_plan() -> str:
    from sources.models import FingerprintBand

    query = FingerprintBand.objects.filter(key__in=[1, 2, 3]).values("fingerprint_id")
    return " | ".join(query.explain().splitlines())


def _generate(folder: Path, count: int) -> list[Path]:
    """The batch, made once and reused: deterministic, so every run reads the same files."""
    marker = folder / ".complete"
    if marker.exists():
        return sorted(p for p in folder.iterdir() if p.suffix in (".html", ".txt"))
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20250401)
    vocabulary = [_word(rng) for _ in range(5000)]
    bodies: list[str] = []
    paths = []
    for index in range(count):
        roll = rng.random()
        if bodies and roll < REPEAT_SHARE:
            body = rng.choice(bodies)
        elif bodies and roll < REPEAT_SHARE + COPY_SHARE:
            words = rng.choice(bodies).split(" ")
            for _ in range(len(words) // 25):  # about 4% of the words changed
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            body = " ".join(words)
        else:
            body = " ".join(rng.choice(vocabulary) for _ in range(WORDS_PER_ARTICLE))
        bodies.append(body)
        if len(bodies) > 2000:  # copies come from recent stories, as wire copies do
            bodies.pop(0)
        title = f"Benchmark story {index}"
        if index % 2 == 0:
            path = folder / f"{index:06d}.html"
            paragraphs = "".join(
                f"<p>{' '.join(body.split(' ')[i : i + 70])}.</p>\n"
                for i in range(0, WORDS_PER_ARTICLE, 70)
            )
            path.write_text(_PAGE.format(title=title, paragraphs=paragraphs), encoding="utf-8")
        else:
            path = folder / f"{index:06d}.txt"
            path.write_text(
                f"title: {title}\noutlet: Benchmark Wire\ndate: 2025-04-01\n\n{body}.\n",
                encoding="utf-8",
            )
        paths.append(path)
    marker.write_text("ok")
    return sorted(paths)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 10)))


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Benchmark Wire</title>
<meta name="author" content="Benchmark Desk">
<meta property="article:published_time" content="2025-04-01T09:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
{paragraphs}</article>
<footer>Benchmark Wire. All rights reserved.</footer></body></html>
"""
