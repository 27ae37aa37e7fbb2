"""The API's lists at 1,000 and at 100,000 rows: the first page, a deep page, and a walk through pages.

    /work/main/.venv/bin/python bench/api_lists.py

Standalone: a throw-away INFITAH_DATA_DIR with SQLite (bench/run.py's bench_env), `infitah migrate`, rows written in
bulk by this script run as `--seed N` in its own process, and `infitah serve --workers 2` on a free loopback port
(always stopped). Four representative lists: the network's members, the contributions to one consultation, the
published events and the public register of requests for information. For each, at 1,000 and then at 100,000 rows:

- first page: the list's address as a client first asks it (median of REPEATS requests, after one that warms up);
- deep page: the page holding the list's last rows, reached by following the `next` cursor of `?page=<last - 1>`
  (keyset pagination: an index seek, whatever the depth) — and, for comparison, `?page=<last>` (SQL OFFSET);
- walk: WALK pages one after the other by `next` links (by `?page=` numbers when the answer has no `next`).

The goals are the ratios of the 100,000-row times to the 1,000-row ones (≤ 1.5). The first request after a write
counts the rows again (the count is kept per list until one of its tables changes): its time is printed as "cold".
"""

import datetime
import http.client
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from goals import goal, summary
from run import INFITAH, PYTHON, bench_env, free_port, run, start_server, stop_server, wait_until_up

SMALL, LARGE = 1_000, 100_000
REPEATS = 7
OFFSET_REPEATS = 3  # an OFFSET page at 100,000 rows is the slow path this bench shows, not one to wait for
WALK = 10
PAGE_SIZE = 100
TARGET = 1.5
MEMBERS_BASE = 50  # communes that organise the events and receive the requests
LISTS = {
    "members": "/api/v1/members",
    "contributions": "/api/v1/consultations/{consultation}/contributions",
    "events": "/api/v1/events",
    "information requests": "/api/v1/information/requests",
}
SCRIPT = Path(__file__).resolve()


# --- Seeding, in its own process (`api_lists.py --seed N`) ---


def seed(total):
    """Make each of the four lists hold `total` rows (only what is missing is added); prints the consultation id."""
    sys.path.insert(0, str(SCRIPT.parent))
    from data import ensure_members, setup_django

    setup_django()
    from infitah.territories.models import Collectivity

    ensure_members(total)
    communes = list(Collectivity.objects.filter(code__startswith="BC").order_by("code")[:MEMBERS_BASE])
    consultation = _consultation()
    _add_contributions(consultation, total)
    _add_events(communes, total)
    _add_requests(total)
    print(json.dumps({"consultation": consultation.pk}))


def _consultation():
    from consultation import consultation_with

    from infitah.consultations.models import Consultation

    existing = Consultation.objects.order_by("pk").first()
    return existing or consultation_with(0, "api-lists")


def _add_contributions(consultation, total):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from infitah.consultations.models import Contribution

    present = Contribution.objects.filter(consultation=consultation).count()
    author = get_user_model().objects.order_by("pk").first()
    now = timezone.now()
    Contribution.objects.bulk_create(
        (
            Contribution(
                consultation=consultation,
                collectivity_id=consultation.program.collectivity_id,
                kind="comment",
                author=author,
                body=f"ملاحظة رقم {n} حول نشر المعطيات المفتوحة",
                contributor_kind="citizen",
                # Ties on purpose: ten contributions share each second.
                created_at=now - datetime.timedelta(days=20, seconds=n // 10),
            )
            for n in range(present, total)
        ),
        batch_size=2000,
    )


def _add_events(communes, total):
    from django.utils import timezone

    from infitah.events.models import Event

    present = Event.objects.count()
    start = timezone.now() + datetime.timedelta(days=1)
    Event.objects.bulk_create(
        (
            Event(
                collectivity=communes[n % len(communes)],
                title={"ar": f"ورشة {n}", "fr": f"Atelier {n}"},
                place={"fr": "Siège"},
                starts_at=start + datetime.timedelta(hours=n // 4),
                ends_at=start + datetime.timedelta(hours=n // 4 + 2),
                is_published=True,
            )
            for n in range(present, total)
        ),
        batch_size=2000,
    )


def _add_requests(total):
    from information_register import add_requests

    from infitah.information.models import InformationRequest

    present = InformationRequest.objects.count()
    if total > present:
        add_requests(total - present, present)


# --- Measuring, through the server ---


class Client:
    def __init__(self, port):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def get(self, path):
        self.connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = self.connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}: {body[:300]!r}")
        return json.loads(body)

    def timed(self, path):
        started = time.perf_counter()
        answer = self.get(path)
        return time.perf_counter() - started, answer

    def median(self, path, repeats=REPEATS):
        self.get(path)  # warm-up
        return statistics.median(self.timed(path)[0] for _ in range(repeats))


def local(link):
    """A `next` link as a path on this server (the API answers absolute links)."""
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def with_params(path, **params):
    separator = "&" if "?" in path else "?"
    return path + separator + "&".join(f"{name}={value}" for name, value in params.items())


def measure_list(client, path):
    first = with_params(path, page_size=PAGE_SIZE)
    cold, answer = client.timed(first)
    count = answer["count"]
    last_page = max(1, -(-count // PAGE_SIZE))
    offset_deep = with_params(path, page_size=PAGE_SIZE, page=last_page)
    before_last = client.get(with_params(path, page_size=PAGE_SIZE, page=max(1, last_page - 1)))
    keyset_deep = local(before_last["next"]) if before_last.get("next") else offset_deep
    times = {
        "cold": cold,
        "first": client.median(first),
        "deep": client.median(keyset_deep),
        "offset": client.median(offset_deep, OFFSET_REPEATS),
    }
    started = time.perf_counter()
    page, walked = answer, 1
    while walked < WALK and page["items"]:
        following = page.get("next")
        page = client.get(local(following) if following else with_params(first, page=walked + 1))
        walked += 1
        if following is None and "next" in page:
            break
    times["walk"] = time.perf_counter() - started
    return count, times


def measure(port, consultation):
    client = Client(port)
    return {
        name: measure_list(client, path.replace("{consultation}", str(consultation))) for name, path in LISTS.items()
    }


def seed_rows(total, env):
    output = run([PYTHON, str(SCRIPT), "--seed", str(total)], env)
    return json.loads(output.strip().splitlines()[-1])["consultation"]


def report(small, large, seeded):
    today = datetime.date.today()
    print(f"\nThe API's lists, {today}: {SMALL:,} then {LARGE:,} rows per list ({seeded:.0f} s to seed)")
    print(f"  {PAGE_SIZE} a page; medians of {REPEATS} requests; walk = {WALK} pages by `next`; times in ms")
    header = f"  {'list':<22}{'rows':>8}{'cold':>8}{'first':>8}{'deep':>8}{'OFFSET':>8}{'walk':>9}"
    print(header)
    for name in LISTS:
        for count, times in (small[name], large[name]):
            print(
                f"  {name:<22}{count:>8}{times['cold'] * 1000:8.1f}{times['first'] * 1000:8.1f}"
                f"{times['deep'] * 1000:8.1f}{times['offset'] * 1000:8.1f}{times['walk'] * 1000:9.0f}"
            )
    for name in LISTS:
        (_, low), (_, high) = small[name], large[name]
        for kind, label in (("first", "first page"), ("deep", "deep page (cursor)")):
            goal(
                f"API {name} {label}, {LARGE:,} vs {SMALL:,} rows",
                measured=high[kind] / low[kind],
                target=TARGET,
                higher_is_better=False,
            )
        print(
            f"  (not a goal) {name}: walk of {WALK} pages {high['walk'] / low['walk']:.2f}, "
            f"?page=<last> by OFFSET {high['offset'] / low['offset']:.2f}, first request after a write "
            f"{high['cold'] / low['cold']:.2f}"
        )


def main():
    with tempfile.TemporaryDirectory(prefix="infitah-bench-api-lists-") as data_dir:
        env = {**bench_env(data_dir), "INFITAH_STATIC_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        run([*INFITAH, "migrate", "--verbosity", "0"], env)
        consultation = seed_rows(SMALL, env)
        port = free_port()
        log_path = Path(data_dir) / "server.log"
        with log_path.open("w") as log:
            server = start_server(env, port, log)
            try:
                wait_until_up(server, port)
                small = measure(port, consultation)
                started = time.perf_counter()
                seed_rows(LARGE, env)
                seeded = time.perf_counter() - started
                large = measure(port, consultation)
            except (RuntimeError, SystemExit, OSError) as error:
                log.flush()
                print(f"bench failed: {error}\n--- server log (end) ---\n{log_path.read_text()[-2000:]}")
                return
            finally:
                stop_server(server)
    report(small, large, seeded)
    summary()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        seed(int(sys.argv[2]))
    else:
        main()
    sys.exit(0)
