"""Search at scale (issue 13): 200,000 index entries on PostgreSQL, Arabic and French text with a Zipf-like word
distribution. Prints the median and 95th-percentile time of a set of searches (the page's two queries: the page of
results and their count) as a ratio to an exact indexed lookup of one entry (by its primary key) on the same table
in the same run, and the index build throughput (entries written per second, words normalised included).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/search.py

DATABASE_URL names a server (its database is only used to create and drop the bench's own, `infitah_bench_search`).
"""

import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from run import INFITAH, machine

ENTRIES = int(os.environ.get("BENCH_SEARCH_ENTRIES", "200000"))
CHUNK = 2000
REPEATS = 5
DATABASE = "infitah_bench_search"
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئء"
FRENCH_WORDS = [
    "budget",
    "participation",
    "citoyenne",
    "transparence",
    "redevabilité",
    "commune",
    "région",
    "province",
    "conseil",
    "programme",
    "engagement",
    "atelier",
    "consultation",
    "information",
    "accès",
    "données",
    "ouvertes",
    "publication",
    "rapport",
    "séance",
    "délibération",
    "association",
    "jeunes",
    "femmes",
    "quartier",
    "eau",
    "route",
    "école",
    "santé",
    "marché",
    "transport",
    "numérique",
    "portail",
    "plateforme",
    "registre",
    "demande",
    "réponse",
    "délai",
    "pétition",
    "signature",
    "évaluation",
    "suivi",
    "indicateur",
    "objectif",
    "activité",
    "partenaire",
    "projet",
]
KINDS = ("programs.commitment", "events.event", "consultations.contribution", "petitions.petition")
QUERIES = (
    "budget",
    "participation citoyenne",
    "transparence numérique",
    "redevabilite",
    "consult",
    "المساءلة",
    "المسائلة",
    "الشفافية والمشاركة",
    "ميزانية",
    "برنامج الانفتاح",
    "zzzz introuvable",
    "pétition signature délai",
)


def database_url():
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith("postgres"):
        server = "postgres://postgres@127.0.0.1:5432/postgres"
    return server, urlunsplit(urlsplit(server)._replace(path=f"/{DATABASE}"))


def fresh_database(server_url):
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}"')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')


def vocabulary(rng):
    """Arabic words (the real ones of the queries among them) and French words, most frequent first."""
    arabic = ["المساءلة", "الشفافية", "والمشاركة", "ميزانية", "برنامج", "الانفتاح", "الجماعة", "المواطنة"]
    arabic += ["".join(rng.choices(ARABIC_LETTERS, k=rng.randint(3, 8))) for _ in range(6000)]
    french = list(FRENCH_WORDS) + [
        "".join(rng.choices("abcdeéfghilmnoprstuvè", k=rng.randint(4, 10))) for _ in range(6000)
    ]
    rng.shuffle(arabic)
    rng.shuffle(french)
    return arabic, french


def zipf_weights(count):
    weights, total = [], 0.0
    for rank in range(1, count + 1):
        total += 1 / rank
        weights.append(total)
    return weights


def documents(rng):
    from infitah.core.search import Document

    arabic, french = vocabulary(rng)
    cumulative = {"ar": zipf_weights(len(arabic)), "fr": zipf_weights(len(french))}
    words = {"ar": arabic, "fr": french}
    start = datetime.date(2020, 1, 1)
    for number in range(ENTRIES):
        language = "ar" if number % 2 == 0 else "fr"
        vocabulary_of, weights = words[language], cumulative[language]
        yield (
            language,
            Document(
                kind=rng.choice(KINDS),
                title=" ".join(rng.choices(vocabulary_of, cum_weights=weights, k=rng.randint(4, 10))),
                text=" ".join(rng.choices(vocabulary_of, cum_weights=weights, k=rng.randint(40, 120))),
                url=f"/bench/{number}/",
                collectivity_id=None,
                object_id=number,
                principles=(rng.choice(("transparency", "accountability", "digitalisation")),),
                date=start + datetime.timedelta(days=rng.randint(0, 2000)),
            ),
        )


def build_index(rng):
    from django.db import connection

    from infitah.search.indexing import entry
    from infitah.search.models import Entry

    started = time.perf_counter()
    batch = []
    for language, document in documents(rng):
        batch.append(entry(language, document))
        if len(batch) >= CHUNK:
            Entry.objects.bulk_create(batch)
            batch = []
    Entry.objects.bulk_create(batch)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_entry")
    return ENTRIES / seconds


def timed(action):
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(rng):
    from django.core.paginator import Paginator

    from infitah.search.models import Entry
    from infitah.search.selectors import Filters, results
    from infitah.search.terms import parse

    ids = list(Entry.objects.values_list("pk", flat=True)[:: max(1, ENTRIES // 1000)])

    def search(text, filters=None):
        filters = filters or Filters()

        def run():
            page = Paginator(results(parse(text), filters, "ar"), 20).get_page(1)
            list(page.object_list)

        return run

    cases = [search(text) for text in QUERIES]
    cases += [search("budget", Filters(principle="transparency")), search("المساءلة", Filters(kind="events.event"))]
    for case in cases:  # warm the caches once
        case()
    search_times = [timed(case) for _ in range(REPEATS) for case in cases]
    lookup_times = [timed(lambda: Entry.objects.filter(pk=rng.choice(ids)).first()) for _ in range(len(search_times))]
    return search_times, lookup_times


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    server_url, url = database_url()
    fresh_database(server_url)
    data_dir = Path(tempfile.mkdtemp(prefix="infitah-bench-search-"))
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DEBUG"}}
    env.update(DATABASE_URL=url, INFITAH_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="infitah.settings")
    subprocess.run([*INFITAH, "migrate", "--verbosity", "0"], env=env, check=True)  # noqa: S603
    os.environ.update(env)
    import django

    django.setup()
    rng = random.Random(13)
    print(f"\nsearch bench {datetime.date.today()}: {machine()}; {ENTRIES} entries on PostgreSQL", flush=True)
    rate = build_index(rng)
    print(f"  index build: {rate:,.0f} entries/s (normalising and writing, GIN index maintained)", flush=True)
    search_times, lookup_times = measure(rng)
    lookup = statistics.median(lookup_times)
    median, p95 = statistics.median(search_times), percentile(search_times, 0.95)
    print(f"  exact lookup by primary key: median {lookup * 1000:.2f} ms")
    print(f"  search (page of 20 + count), {len(search_times)} runs of {len(search_times) // REPEATS} searches:")
    print(f"    median {median * 1000:.1f} ms = {median / lookup:.0f} x the lookup")
    print(f"    95th percentile {p95 * 1000:.1f} ms = {p95 / lookup:.0f} x the lookup")
    from django.db import connections

    connections.close_all()
    fresh_database(server_url)  # leaves an empty database behind, not 200,000 rows
    return 0


if __name__ == "__main__":
    sys.exit(main())
