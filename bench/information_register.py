"""`make bench`, part 4: the public register of requests for information with 100,000 requests against 1,000.

Runs in its own process on a throw-away SQLite data dir (bench/run.py calls it; it also runs alone:
`INFITAH_DATA_DIR=$(mktemp -d) python bench/information_register.py`). Requests are written in bulk (not through the
services: only their stored fields matter here) over 50 member communes, over five years, in every state. Each page
is requested through Django's test client in this process: its SQL query count at both sizes (they must be equal)
and its median time over repeated requests; the ratio is the large register's median over the small one's.
"""

import datetime
import json
import random
import statistics
import sys
import time

from data import commune_code, ensure_members, setup_django
from goals import goal

SMALL, LARGE = 1_000, 100_000
MEMBERS = 50
REPEATS = 10
FIRST_DAY = datetime.date(2021, 1, 4)
STATES = (
    ("received", 10),
    ("in_progress", 10),
    ("clarification", 3),
    ("extended", 4),
    ("answered", 45),
    ("partial", 8),
    ("refused", 8),
    ("not_held", 5),
    ("transferred", 3),
    ("withdrawn", 4),
)
WORDS = ("budget", "market", "roads", "lighting", "council", "minutes", "contract", "waste", "water", "school")
PAGES = (
    "/ar/information/",
    "/ar/information/?page=20",
    "/ar/information/?q=lighting",
    "/ar/information/?overdue=on",
    f"/ar/information/?collectivity={commune_code(7)}&year=2023",
    "/ar/information/statistics/",
    f"/ar/information/statistics/{commune_code(7)}/",
    "/api/v1/information/requests",
)


def migrate():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def add_requests(number, start):
    """`number` requests numbered from `start`, written in bulk."""
    from infitah.information.models import InformationRequest
    from infitah.information.states import CLOSED, REPLIES
    from infitah.territories.models import Collectivity

    collectivities = list(Collectivity.objects.filter(code__startswith="BC").order_by("code")[:MEMBERS])
    randomness = random.Random(2026 + start)
    states = [state for state, weight in STATES for _ in range(weight)]
    rows = []
    for serial in range(start, start + number):
        received = FIRST_DAY + datetime.timedelta(days=randomness.randrange(5 * 365))
        state = randomness.choice(states)
        due = None if state == "clarification" else received + datetime.timedelta(days=28)
        replied = received + datetime.timedelta(days=randomness.randrange(1, 45)) if state in CLOSED else None
        word = randomness.choice(WORDS)
        collectivity = collectivities[serial % len(collectivities)]
        rows.append(
            InformationRequest(
                collectivity=collectivity,
                reference=f"{collectivity.code}-{received.year}-{serial:06d}",
                requester_name="Bench Requester",
                national_id="AB123456",
                subject=f"The {word} file number {serial}",
                description=f"Every document about the {word} of the year {received.year}.",
                access_form="email",
                received_on=received,
                state=state,
                due_on=due,
                replied_on=replied,
                response=f"The {word} documents are attached." if state in REPLIES else "",
                ground="private_life" if state in {"refused", "partial"} else "",
                working_days_to_reply=(replied - received).days * 5 // 7 if replied and state in REPLIES else None,
                is_public=serial % 20 != 0,
            )
        )
    InformationRequest.objects.bulk_create(rows, batch_size=2000)


def median_seconds(client, path):
    get(client, path)  # warm-up
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        get(client, path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def get(client, path):
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return response


def queries_of(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    get(client, path)
    with CaptureQueriesContext(connection) as captured:
        get(client, path)
    return len(captured)


def measure(client):
    return {path: queries_of(client, path) for path in PAGES}, {path: median_seconds(client, path) for path in PAGES}


def main():
    setup_django()
    migrate()
    from django.test import Client

    ensure_members(MEMBERS)
    client = Client()
    add_requests(SMALL, 0)
    small_queries, small_times = measure(client)
    started = time.perf_counter()
    add_requests(LARGE - SMALL, SMALL)
    seeded = time.perf_counter() - started
    large_queries, large_times = measure(client)

    print(f"\nRegister of requests for information, {datetime.date.today()}: {SMALL:,} then {LARGE:,} requests")
    print(f"  over {MEMBERS} members, 5 years ({seeded:.0f} s to add {LARGE - SMALL:,} in bulk); median of {REPEATS}")
    print(f"  {'page':<62}{'ms@1k':>8}{'ms@100k':>9}{'ratio':>7}{'SQL@1k':>8}{'SQL@100k':>10}")
    for path in PAGES:
        ratio = large_times[path] / small_times[path]
        print(
            f"  {path:<62}{small_times[path] * 1000:8.1f}{large_times[path] * 1000:9.1f}{ratio:7.1f}"
            f"{small_queries[path]:>8}{large_queries[path]:>10}"
        )
    equal = small_queries == large_queries
    print(f"  query counts equal with {SMALL:,} and {LARGE:,} requests: {'yes' if equal else 'NO'}")
    print(
        json.dumps(
            {
                "page_ms": {path: round(seconds * 1000, 1) for path, seconds in large_times.items()},
                "ratio": {path: round(large_times[path] / small_times[path], 1) for path in PAGES},
                "queries": large_queries,
            }
        )
    )
    goal(
        "register pages whose SQL queries grow with the requests",
        measured=sum(small_queries[p] != large_queries[p] for p in PAGES),
        target=0,
        higher_is_better=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
