"""Signed-in pages: what a visitor with a session pays, since no anonymous page cache can serve them (issue 15).

    .venv/bin/python bench/signed_in.py

1. A throw-away INFITAH_DATA_DIR with SQLite and the demo data (`infitah demo --no-serve`: programs, consultations,
   events, notifications, the demo's people), plus 10 benchmark member communes (bench/data.py).
2. In a separate Django process (this script with `--prepare N`): grow the network to N benchmark members, open a
   session for two demo people (the focal point of Marrakech-Safi, a staff member, and a citizen) through Django's
   own login (`Client.force_login`, a real session row), find the pages' addresses, and count each page's SQL
   queries as that person, after one warm-up request.
3. `infitah serve --workers 2` on a free loopback port; each page requested with the person's session cookie, in
   rounds that each measure `/healthz` too; a page's figure is the median over the rounds of its requests per second
   divided by `/healthz`'s in the same round.
4. The network grows to 1,000 benchmark members; the network page is measured again (signed in, so always rendered)
   and compared with its figure at 10.

Goals (bench/goals.py): every signed-in page ≥ 0.2 of /healthz; the network page at 1,000 members ≥ 0.9 of its
figure at 10. Exits 0 whatever the verdict; the server is stopped whatever happens.
"""

import http.client
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from goals import goal, summary
from run import (
    INFITAH,
    PYTHON,
    REQUEST_TIMEOUT,
    bench_env,
    free_port,
    machine,
    run,
    start_server,
    stop_server,
    wait_until_up,
)

SIZES = (10, 1000)
PEOPLE = {
    "staff": "focal.marrakech-safi@infitah.example",  # the focal point of the region that runs the demo's program
    "citizen": "citizen@infitah.example",
}
PAGES = ("home", "network", "member", "program", "commitment", "consultation", "event", "waiting", "notifications")
ROUNDS = 5
REQUESTS_PER_ROUND = 24  # per page and person
HEALTHZ_PER_ROUND = 150
WARM_UP_REQUESTS = 6
CLIENT_THREADS = 4
TARGET_RATIO = 0.2
TARGET_NETWORK_GROWTH = 0.9
START_TIMEOUT = 300


# --- the Django side, in its own process (`--prepare N`) ---------------------------------------------------------


def page_paths(staff):
    """The addresses of the measured pages, in Arabic (the default language), from the demo's own objects."""
    from django.urls import reverse
    from django.utils import translation

    from infitah.consultations.models import Consultation
    from infitah.events.models import Event
    from infitah.programs.models import Commitment, Program

    program = Program.objects.order_by("pk").first()
    with translation.override("ar"):
        return {
            "home": reverse("core:home"),
            "network": reverse("territories:network"),
            "member": reverse("territories:member", args=[program.collectivity.code]),
            "program": reverse("programs:detail", args=[program.pk]),
            "commitment": reverse("programs:commitment", args=[Commitment.objects.order_by("pk").first().pk]),
            "consultation": reverse("consultations:detail", args=[Consultation.objects.order_by("pk").first().pk]),
            "event": reverse("events:detail", args=[Event.objects.order_by("pk").first().pk]),
            "waiting": reverse("accounts:home"),
            "notifications": reverse("participation:notifications"),
        }


def prepare(members):
    """Grow the network, sign the people in, count the queries; prints one JSON line."""
    from data import ensure_members, setup_django

    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from infitah.accounts.models import User

    present = ensure_members(members)
    paths = page_paths(staff=PEOPLE["staff"])
    cookies, queries = {}, {}
    for person, email in PEOPLE.items():
        client = Client()
        client.force_login(User.objects.get(email=email))
        cookies[person] = client.cookies[settings.SESSION_COOKIE_NAME].value
        queries[person] = {}
        for page, path in paths.items():
            client.get(path)  # warm-up: per-process caches
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path} as {person} answered {response.status_code}")
            queries[person][page] = len(captured)
    print(json.dumps({"members": present, "paths": paths, "cookies": cookies, "queries": queries}))


# --- the client side ---------------------------------------------------------------------------------------------


def hammer(port, path, total, cookie=None):
    """`total` GET requests over CLIENT_THREADS keep-alive connections, with the session cookie if any; rps."""
    headers = {"Host": "127.0.0.1"}
    if cookie:
        headers["Cookie"] = f"sessionid={cookie}"
    shares = [total // CLIENT_THREADS + (1 if i < total % CLIENT_THREADS else 0) for i in range(CLIENT_THREADS)]
    failures = []

    def client(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        for _ in range(count):
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                failures.append(repr(error))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
                continue
            # A signed-in page shows the log-out button: a lost session would measure the anonymous page instead.
            if response.status != 200 or (cookie and b"account_logout" not in body and b"/logout/" not in body):
                failures.append(response.status)
        connection.close()

    threads = [threading.Thread(target=client, args=(share,), daemon=True) for share in shares]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"{path}: {len(failures)} of {total} failed or not signed in, e.g. {failures[:3]}")
    return total / (time.perf_counter() - started)


def ratios(port, prepared, pages):
    """{(person, page): (median rps, median ratio to /healthz)} over ROUNDS rounds."""
    targets = [(person, page) for person in PEOPLE for page in pages]
    for person, page in targets:
        hammer(port, prepared["paths"][page], WARM_UP_REQUESTS, prepared["cookies"][person])
    rounds = {target: [] for target in targets}
    for _round in range(ROUNDS):
        baseline = hammer(port, "/healthz", HEALTHZ_PER_ROUND)
        for person, page in targets:
            rps = hammer(port, prepared["paths"][page], REQUESTS_PER_ROUND, prepared["cookies"][person])
            rounds[(person, page)].append((rps, rps / baseline))
    return {
        target: (statistics.median(r for r, _ in values), statistics.median(q for _, q in values))
        for target, values in rounds.items()
    }


def measure():
    print(f"Signed-in pages {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {machine()}")
    print(
        f"gunicorn 2 workers; {ROUNDS} rounds of {REQUESTS_PER_ROUND} requests per page and person from "
        f"{CLIENT_THREADS} client threads, {HEALTHZ_PER_ROUND} /healthz requests per round; ratio = median of the "
        "rounds' page rps / /healthz rps"
    )
    with tempfile.TemporaryDirectory(prefix="infitah-bench-signed-in-") as data_dir:
        env = bench_env(data_dir)
        started = time.monotonic()
        run([*INFITAH, "demo", "--no-serve"], env)
        print(f"  demo data loaded in {time.monotonic() - started:.0f} s", flush=True)
        # The test client renders {% static %} without a collectstatic: plain static storage for the preparing process.
        prepare_env = {**env, "INFITAH_STATIC_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        log_path = Path(data_dir) / "server.log"
        prepared, measured = {}, {}
        with log_path.open("w") as log:
            server = None
            try:
                for members in SIZES:
                    output = run([PYTHON, __file__, "--prepare", str(members)], prepare_env)
                    prepared[members] = json.loads(output.strip().splitlines()[-1])
                    print(f"  {prepared[members]['members']} benchmark members (besides the demo's)", flush=True)
                    if server is None:
                        port = free_port()
                        server = start_server(env, port, log)
                        # The first start collects and compresses the static files: slow on a busy machine.
                        wait_until_up(server, port, timeout=START_TIMEOUT)
                    measured[members] = ratios(port, prepared[members], PAGES if members == SIZES[0] else ["network"])
            except (RuntimeError, SystemExit) as error:
                log.flush()
                print(f"signed-in bench failed: {error}\n--- server log (end) ---\n{log_path.read_text()[-2000:]}")
                return
            finally:
                if server is not None:
                    stop_server(server)
    report(prepared, measured)


def report(prepared, measured):
    small, large = SIZES
    print(f"\n{'person':<9}{'page':<15}{'path':<42}{'SQL@' + str(small):>8}{'SQL@' + str(large):>9}", end="")
    print(f"{'rps':>8}{'ratio':>7}")
    for (person, page), (rps, ratio) in measured[small].items():
        path = prepared[small]["paths"][page]
        sql_small, sql_large = prepared[small]["queries"][person][page], prepared[large]["queries"][person][page]
        print(f"{person:<9}{page:<15}{path:<42}{sql_small:>8}{sql_large:>9}{rps:>8.0f}{ratio:>7.2f}")
    print()
    for (person, page), (_rps, ratio) in measured[small].items():
        goal(f"signed-in ({person}) {page} page vs /healthz", measured=ratio, target=TARGET_RATIO)
    for person in PEOPLE:
        at_small, at_large = measured[small][(person, "network")][1], measured[large][(person, "network")][1]
        print(f"  network page ({person}): ratio {at_small:.3f} at {small} members, {at_large:.3f} at {large}")
        goal(
            f"signed-in ({person}) network page rendered, {large} vs {small} members",
            measured=at_large / at_small,
            target=TARGET_NETWORK_GROWTH,
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--prepare":
        prepare(int(sys.argv[2]))
        sys.exit(0)
    measure()
    summary()
    sys.exit(0)
