"""`make bench`, part 3: the network dashboard of the openness index for 1,590 collectivities × (5 principles + the
index) × 5 years, against one aggregate SQL query over the same rows.

Runs in its own process on a throw-away SQLite data dir (bench/run.py calls it; it also runs alone:
`INFITAH_DATA_DIR=$(mktemp -d) python bench/openness_index.py`). The collectivities are the territories' shipped
list (12 regions, 75 prefectures and provinces, 99 communes), completed with benchmark communes up to 1,590 (the
number of Morocco's collectivities). Times are medians of repeated requests through Django's test client in this
process; the aggregate query is the least any dashboard could cost: the median is not a portable SQL aggregate, so
it is timed as the average and count per principle and year, GROUP BY year, principle, over the same 47,700 rows.
"""

import datetime
import json
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

from data import setup_django
from goals import goal

COLLECTIVITIES = 1_590
YEARS = (2020, 2021, 2022, 2023, 2024)
REPEATS = 10
SMALL = 30  # members of the small network the query count is compared with
PAGES = (
    "/ar/openness-index/",
    "/ar/openness-index/?kind=commune&region=07&member=07",
    "/ar/openness-index/csv/ranking/",
    "/ar/openness-index/members/07/",
)


def migrate():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def shipped_collectivities():
    """Load the shipped prefectures, provinces and communes (the regions come with the migrations)."""
    from infitah.territories.loading import check_file, save
    from infitah.territories.models import Collectivity

    data = Path(__import__("infitah.territories", fromlist=["x"]).__file__).parent / "data"
    for name in ("provinces.csv", "communes.csv"):
        checked = check_file((data / name).read_bytes())
        if not checked.ok:
            raise SystemExit(f"{name}: {checked.problems}")
        save(checked.rows)
    return Collectivity.objects.count()


def complete_to(total):
    """Benchmark communes under the shipped provinces until there are `total` collectivities."""
    from infitah.territories.models import Collectivity, CollectivityKind, build_search_key

    provinces = list(Collectivity.objects.filter(kind=CollectivityKind.PROVINCE).order_by("code"))
    missing = total - Collectivity.objects.count()
    rows = []
    for number in range(missing):
        code = f"BI{number:05d}"
        name = {"ar": f"جماعة المؤشر {number}", "fr": f"Commune de l'indice {number}"}
        rows.append(
            Collectivity(
                kind=CollectivityKind.COMMUNE,
                code=code,
                name=name,
                parent=provinces[number % len(provinces)],
                search_key=build_search_key(name, code),
            )
        )
    Collectivity.objects.bulk_create(rows, batch_size=1000)
    return Collectivity.objects.count()


def index_values(collectivities):
    """The index and its five sub-scores for every collectivity and year, in bulk."""
    from django.utils import timezone

    from infitah.core.principles import Principle
    from infitah.evaluation.models import Framework, FrameworkStatus, IndexValue

    framework, _created = Framework.objects.get_or_create(
        version=1, defaults={"title": {"fr": "Cadre"}, "status": FrameworkStatus.OPEN}
    )
    randomness = random.Random(2026)
    now = timezone.now()
    rows = [
        IndexValue(
            collectivity_id=pk,
            year=year,
            principle=principle,
            value=Decimal(randomness.randint(0, 10_000)) / 100,
            framework=framework,
            inputs={},
            computed_at=now,
        )
        for pk in collectivities
        for year in YEARS
        for principle in ["", *[p.value for p in Principle]]
    ]
    IndexValue.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def median_seconds(action):
    action()  # warm-up
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def page_action(client, path):
    def get():
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        if response.streaming:
            b"".join(response.streaming_content)

    return get


def aggregate_action():
    from django.db import connection

    sql = (
        "SELECT year, principle, AVG(value), COUNT(*) FROM evaluation_indexvalue "
        "GROUP BY year, principle ORDER BY year, principle"
    )

    def run():
        with connection.cursor() as cursor:
            cursor.execute(sql)
            cursor.fetchall()

    return run


def queries_of(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        page_action(client, path)()
    return len(captured)


def main():
    setup_django()
    migrate()
    from django.test import Client

    from infitah.territories.models import Collectivity

    client = Client()
    shipped = shipped_collectivities()
    # The twelve regions (Marrakech-Safi, whose page is measured, among them) and the first provinces and communes.
    regions = list(Collectivity.objects.filter(kind="region").values_list("pk", flat=True))
    others = Collectivity.objects.exclude(kind="region").order_by("code").values_list("pk", flat=True)
    index_values(regions + list(others[: SMALL - len(regions)]))
    small_queries = {path: queries_of(client, path) for path in PAGES}

    from infitah.evaluation.models import IndexValue

    IndexValue.objects.all().delete()
    total = complete_to(COLLECTIVITIES)
    rows = index_values(Collectivity.objects.order_by("code").values_list("pk", flat=True))
    large_queries = {path: queries_of(client, path) for path in PAGES}
    aggregate = median_seconds(aggregate_action())
    pages = {path: median_seconds(page_action(client, path)) for path in PAGES}

    print(f"\nOpenness index dashboard, {datetime.date.today()}: {total:,} collectivities ({shipped} shipped),")
    print(f"  {rows:,} index values ({len(YEARS)} years × 6), median of {REPEATS} requests (test client)")
    print(f"  one aggregate query (AVG, COUNT GROUP BY year, principle): {aggregate * 1000:7.1f} ms")
    print(f"  {'page':<54}{'ms':>8}{'ratio':>8}{'SQL@' + str(SMALL):>8}{'SQL@' + str(total):>10}")
    for path in PAGES:
        ratio = pages[path] / aggregate
        print(f"  {path:<54}{pages[path] * 1000:8.1f}{ratio:8.1f}{small_queries[path]:>8}{large_queries[path]:>10}")
    equal = small_queries == large_queries
    print(f"  query counts equal with {SMALL} and {total:,} members: {'yes' if equal else 'NO'}")
    print(
        json.dumps(
            {
                "aggregate_ms": round(aggregate * 1000, 1),
                "page_ms": {path: round(seconds * 1000, 1) for path, seconds in pages.items()},
                "ratio": {path: round(seconds / aggregate, 1) for path, seconds in pages.items()},
                "queries": large_queries,
            }
        )
    )
    goal(
        "openness index pages whose SQL queries grow with the members",
        measured=sum(small_queries[p] != large_queries[p] for p in PAGES),
        target=0,
        higher_is_better=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
