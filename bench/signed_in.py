"""Signed-in pages: what a visitor with a session pays, since no anonymous page cache can serve them (issue 15).

    .venv/bin/python bench/signed_in.py

1. A throw-away INFITAH_DATA_DIR with SQLite and the demo data (`infitah demo --no-serve`: programs, consultations,
   events, notifications, the demo's people), plus 10 benchmark member communes (bench/data.py).
2. In a separate Django process (this script with `--prepare N`): grow the network to N benchmark members, open a
   session for two demo people (the focal point of Marrakech-Safi, a staff member, and a citizen) through Django's
   own login (`Client.force_login`, a real session row), find the pages' addresses, and count each page's SQL
   queries as that person: rendered (the page caches off) and read again (a page kept for the person).
3. `infitah serve --workers 2` on a free loopback port, the page caches on as in production: each page requested
   again and again with the person's session cookie, in rounds that each measure `/healthz` too; a page's figure is
   the median over the rounds of its requests per second divided by `/healthz`'s in the same round. This is a
   person reading their page again (a reload, the way back): answered from the page kept for them
   (core/signedincache.py).
   Then a person's FIRST read of a public page that others have read before (core/sharedpages.py), for every public
   page kind the anonymous bench measures (bench/pages.py) that such a person is given from a shared copy: every
   request is another citizen's (READERS of them, each with their own session), none of whom has read the page yet,
   answered from the copy they share, completed with the reader's own parts, then kept for them; and likewise another
   staff member's (READERS editors of the staff person's collectivity) on the pages shared by everyone signed in.
   The page kinds shared only by the people without power are listed: a power holder's first read of them is
   rendered.
4. The same server started with the caches off (INFITAH_PAGE_CACHE_SECONDS=0): every request renders the page for
   its reader: what a miss costs. Beside it, a second server on a copy of the data directory grown to 1,000
   benchmark members; the network page is measured on both in alternating rounds (bench/growth.py).

Goals (bench/goals.py), for the pages as a signed-in person is served them: every page read again ≥ 0.2 of
/healthz; every public page kind's first read from a shared copy ≥ 0.2 (citizen, staff); the rendered network page
at 1,000 members ≥ 0.9 of its figure at 10. The rendered figures are printed without a goal, as bench/pages.py
prints the anonymous miss: a page made for one reader (a personal page's first read, or a page read after a write
moved its stamps) costs 8–28 ms of Django ORM and templates, where 0.2 of /healthz allows about 4.5 ms; the
caches exist so that few reads pay it (docs/performance.md, "Signed-in pages: the goal as served").
Exits 0 whatever the verdict; the server is stopped whatever happens.
"""

import json
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from goals import goal, summary
from growth import alternating_growth, copy_data_dir
from pages import page_paths as public_page_paths
from run import (
    CLIENT_THREADS,
    INFITAH,
    PYTHON,
    bench_env,
    free_port,
    machine,
    run,
    start_server,
    stop_server,
    wait_until_up,
)
from run import (
    hammer as run_hammer,
)

SIZES = (10, 1000)
PEOPLE = {
    "staff": "focal.marrakech-safi@infitah.example",  # the focal point of the region that runs the demo's program
    "citizen": "citizen@infitah.example",
}
PAGES = ("home", "network", "member", "program", "commitment", "consultation", "event", "waiting", "notifications")
ROUNDS = 5
REQUESTS_PER_ROUND = {"read again": 96, "rendered": 24, "first read": 24}  # per page and person
# The pages a person is given from a shared copy (SharedPages: citizens; staff too where `to_everyone`) are read
# first by other people of their kind: found by `prepare` from the pages' declarations.

NETWORK_GROWTH_REQUESTS = 72  # per round and person: the network page rendered at each size, a steadier figure
HEALTHZ_PER_ROUND = 150
WARM_UP_REQUESTS = 6
TARGET_RATIO = 0.2
READERS = WARM_UP_REQUESTS + ROUNDS * REQUESTS_PER_ROUND["first read"]
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

    from infitah.accounts.models import Role, User

    present = ensure_members(members)
    # Every public page kind the anonymous bench measures (bench/pages.py), the measured pages' own addresses first.
    paths = {**public_page_paths(), **page_paths(staff=PEOPLE["staff"])}
    cookies, queries = {}, {}
    for person, email in PEOPLE.items():
        client = Client()
        client.force_login(User.objects.get(email=email))
        cookies[person] = client.cookies[settings.SESSION_COOKIE_NAME].value
        queries[person] = {}
        for page in PAGES:
            path, counted = paths[page], {}
            for reading, seconds in (("rendered", 0), ("read again", 60)):
                settings.INFITAH_PAGE_CACHE_SECONDS = seconds
                client.get(path)  # warm-up: per-process caches; with the caches on, the page is kept
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(path)
                if response.status_code != 200:
                    raise SystemExit(f"{path} as {person} answered {response.status_code}")
                counted[reading] = len(captured)
            queries[person][page] = counted
    settings.INFITAH_PAGE_CACHE_SECONDS = 0
    shared = shared_pages(paths, User.objects.get(email=PEOPLE["staff"]))
    rendered_for_staff = [page for page in paths if page in shared["citizen"] and page not in shared["staff"]]
    readers = {person: [] for person in PEOPLE}
    staff_role = User.objects.get(email=PEOPLE["staff"]).role_assignments.first()
    for number in range(READERS):
        for person in PEOPLE:
            reader, _ = User.objects.get_or_create(
                email=f"bench-{person}-{number}@bench.example", defaults={"full_name": f"Bench {person} {number}"}
            )
            if person == "staff":  # another member of the same collectivity's staff
                reader.role_assignments.get_or_create(role=Role.EDITOR, collectivity_id=staff_role.collectivity_id)
            client = Client()
            client.force_login(reader)
            readers[person].append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    print(
        json.dumps(
            {
                "members": present,
                "paths": paths,
                "cookies": cookies,
                "queries": queries,
                "readers": readers,
                "shared": shared,
                "rendered for staff": rendered_for_staff,
            }
        )
    )


def shared_pages(paths, staff_reader):
    """{person: [page]}: the pages each kind of person is given from a shared copy (core.sharedpages); a page that asks
    its reader is asked about another staff member of the staff person's collectivity (`staff_reader`'s roles)."""
    from django.urls import resolve

    from infitah.core.sharedpages import is_shared

    return {
        person: [
            page
            for page in paths
            if is_shared(
                resolve(paths[page].split("?")[0]).view_name,
                to_everyone=person == "staff",
                user=staff_reader if person == "staff" else None,
            )
        ]
        for person in PEOPLE
    }


# --- the client side ---------------------------------------------------------------------------------------------


def hammer(port, path, total, cookie=None):
    """`total` GET requests over run.py's client threads, with the session cookie if any; rps."""

    def signed_in(_response, body):
        # A signed-in page shows the log-out button: a lost session would measure the anonymous page instead.
        if cookie and b"account_logout" not in body and b"/logout/" not in body:
            return "not signed in"
        return None

    rps, failures = run_hammer(port, path, total, {"Cookie": f"sessionid={cookie}"} if cookie else None, signed_in)
    if failures:
        raise RuntimeError(f"{path}: {len(failures)} of {total} failed or not signed in, e.g. {failures[:3]}")
    return rps


def first_reads(port, prepared):
    """{(person, page): (median rps, median ratio)}: each request another person's first read of the page (a citizen
    or a staff member of the same collectivity)."""
    rounds = {(person, page): [] for person, pages in prepared["shared"].items() for page in pages}
    for person, page in rounds:
        path = prepared["paths"][page]
        readers = iter(prepared["readers"][person])
        for _ in range(WARM_UP_REQUESTS):  # the shared copy made, by people who are not measured
            hammer(port, path, 1, next(readers))
        rounds_readers = list(readers)
        for number in range(ROUNDS):
            rounds[(person, page)].append(rounds_readers[number::ROUNDS])
    measured = {target: [] for target in rounds}
    copies_made = dict.fromkeys(rounds, 0)
    for number in range(ROUNDS):
        baseline = hammer(port, "/healthz", HEALTHZ_PER_ROUND)
        for (person, page), cohorts in rounds.items():
            rps, made = hammer_each(port, prepared["paths"][page], cohorts[number])
            measured[(person, page)].append((rps, rps / baseline))
            copies_made[(person, page)] += made
    for (person, page), made in copies_made.items():
        # Each web process keeps its own copy (the local-memory cache of the embedded default): the warm-up may all
        # land on one worker, and the other makes its copy during the rounds, once (by as many of the client
        # connections as reach it together), not again.
        if made > CLIENT_THREADS:
            raise RuntimeError(f"{page} ({person}): {made} first reads were not from a shared copy")
    return {
        target: (statistics.median(r for r, _ in values), statistics.median(q for _, q in values))
        for target, values in measured.items()
    }


def hammer_each(port, path, cookies):
    """One GET per session cookie (each another person's first read of the page), over run.py's client threads:
    (rps, how many of them made a copy: a web process that had none yet)."""

    def first_read_from_the_shared_copy(response, body):
        if b"account_logout" not in body and b"/logout/" not in body:
            return "not signed in"
        shared = response.getheader("X-Infitah-Shared")
        return None if shared == "hit" else f"not from the shared copy ({shared})"

    each = [{"Cookie": f"sessionid={cookie}"} for cookie in cookies]
    rps, failures = run_hammer(port, path, len(cookies), None, first_read_from_the_shared_copy, each=each)
    made = [failure for failure in failures if "(miss)" in str(failure)]
    if len(failures) > len(made):
        raise RuntimeError(f"{path}: {len(failures)} of {len(cookies)} first reads failed, e.g. {failures[:3]}")
    return rps, len(made)


def ratios(port, prepared, pages, requests):
    """{(person, page): (median rps, median ratio to /healthz)} over ROUNDS rounds of `requests` per page."""
    targets = [(person, page) for person in PEOPLE for page in pages]
    for person, page in targets:
        hammer(port, prepared["paths"][page], WARM_UP_REQUESTS, prepared["cookies"][person])
    rounds = {target: [] for target in targets}
    for _round in range(ROUNDS):
        baseline = hammer(port, "/healthz", HEALTHZ_PER_ROUND)
        for person, page in targets:
            rps = hammer(port, prepared["paths"][page], requests, prepared["cookies"][person])
            rounds[(person, page)].append((rps, rps / baseline))
    return {
        target: (statistics.median(r for r, _ in values), statistics.median(q for _, q in values))
        for target, values in rounds.items()
    }


def measure():
    print(f"Signed-in pages {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {machine()}")
    print(
        f"gunicorn 2 workers; {ROUNDS} rounds of {REQUESTS_PER_ROUND['read again']} (read again) or "
        f"{REQUESTS_PER_ROUND['rendered']} (rendered) requests per page and person from {CLIENT_THREADS} client "
        f"threads, {HEALTHZ_PER_ROUND} /healthz requests per round; ratio = median of the rounds' page rps / "
        "/healthz rps"
    )
    with (
        tempfile.TemporaryDirectory(prefix="infitah-bench-signed-in-") as data_dir,
        tempfile.TemporaryDirectory(prefix="infitah-bench-signed-in-large-") as large_dir,
    ):
        env, large_env = bench_env(data_dir), bench_env(large_dir)
        started = time.monotonic()
        run([*INFITAH, "demo", "--no-serve"], env)
        print(f"  demo data loaded in {time.monotonic() - started:.0f} s", flush=True)
        # The test client renders {% static %} without a collectstatic: plain static storage for the preparing process.
        plain_static = {"INFITAH_STATIC_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        small, large = SIZES
        log_path = Path(data_dir) / "server.log"
        prepared, measured = {}, {}
        with log_path.open("w") as log:
            try:
                prepared[small] = _prepare(small, {**env, **plain_static})
                # Collected once, before the copy: neither server spends its start-up collecting.
                run([*INFITAH, "collectstatic", "--no-input", "--verbosity", "0"], env)
                copy_data_dir(data_dir, large_dir)  # the same demo, people and sessions; grown to `large`
                prepared[large] = _prepare(large, {**large_env, **plain_static})
                with _serving({**env, "INFITAH_PAGE_CACHE_SECONDS": "60"}, log) as port:
                    measured[("read again", small)] = ratios(
                        port, prepared[small], PAGES, REQUESTS_PER_ROUND["read again"]
                    )
                    measured[("first read", small)] = first_reads(port, prepared[small])
                with (
                    _serving({**env, "INFITAH_PAGE_CACHE_SECONDS": "0"}, log) as port,
                    _serving({**large_env, "INFITAH_PAGE_CACHE_SECONDS": "0"}, log) as large_port,
                ):
                    measured[("rendered", small)] = ratios(port, prepared[small], PAGES, REQUESTS_PER_ROUND["rendered"])
                    for person in PEOPLE:
                        measured[("network", person)] = alternating_growth(
                            lambda port, path, total, cookie: hammer(port, path, total, cookie),
                            port,
                            large_port,
                            prepared[small]["paths"]["network"],
                            NETWORK_GROWTH_REQUESTS,
                            HEALTHZ_PER_ROUND,
                            headers=(prepared[small]["cookies"][person], prepared[large]["cookies"][person]),
                        )
            except (RuntimeError, SystemExit) as error:
                log.flush()
                print(f"signed-in bench failed: {error}\n--- server log (end) ---\n{log_path.read_text()[-2000:]}")
                return
    report(prepared, measured)


def _prepare(members, env):
    output = run([PYTHON, __file__, "--prepare", str(members)], env)
    prepared = json.loads(output.strip().splitlines()[-1])
    print(f"  {prepared['members']} benchmark members (besides the demo's)", flush=True)
    return prepared


@contextmanager
def _serving(env, log):
    port = free_port()
    server = start_server(env, port, log)
    try:
        # The first start collects and compresses the static files: slow on a busy machine.
        wait_until_up(server, port, timeout=START_TIMEOUT)
        yield port
    finally:
        stop_server(server)


def report(prepared, measured):
    small, large = SIZES
    print(f"\n{'person':<9}{'page':<15}{'path':<42}", end="")
    print(f"{'SQL@' + str(small):>8}{'SQL@' + str(large):>9}{'again':>7}{'rps':>7}{'ratio':>7}{'again':>8}{'ratio':>7}")
    for (person, page), (rps, ratio) in measured[("rendered", small)].items():
        path = prepared[small]["paths"][page]
        sql_small = prepared[small]["queries"][person][page]
        sql_large = prepared[large]["queries"][person][page]["rendered"]
        again_rps, again_ratio = measured[("read again", small)][(person, page)]
        print(f"{person:<9}{page:<15}{path:<42}", end="")
        print(f"{sql_small['rendered']:>8}{sql_large:>9}{sql_small['read again']:>7}", end="")
        print(f"{rps:>7.0f}{ratio:>7.2f}{again_rps:>8.0f}{again_ratio:>7.2f}")
    print("  (SQL: the page's queries rendered, at each size, and read again; rps and ratio: rendered, read again)")
    for (person, page), (rps, ratio) in measured[("first read", small)].items():
        print(f"  {person} first read of the {page} page, from the shared copy: {rps:.0f} rps, ratio {ratio:.2f}")
    print(
        "  staff first read of a page shared only by the people without power (rendered for a power holder, as in "
        f"the rendered rows above): {', '.join(prepared[small]['rendered for staff']) or 'none'}"
    )
    personal = [page for page in PAGES if page not in prepared[small]["shared"]["citizen"]]
    print(
        "  rendered (a miss: the page made for its reader; no goal, as for an anonymous miss): "
        f"{min(ratio for _rps, ratio in measured[('rendered', small)].values()):.2f}–"
        f"{max(ratio for _rps, ratio in measured[('rendered', small)].values()):.2f}; the personal pages "
        f"({', '.join(personal)}) are rendered at their first read, then kept"
    )
    print()
    for reading in ("read again", "first read"):
        for (person, page), (_rps, ratio) in measured[(reading, small)].items():
            label = "first read (shared copy)" if reading == "first read" else reading
            goal(f"signed-in ({person}) {page} page {label} vs /healthz", measured=ratio, target=TARGET_RATIO)
    for person in PEOPLE:
        growth = measured[("network", person)]
        print(
            f"  network page rendered ({person}), both sizes served side by side (bench/growth.py): ratio "
            f"{growth.at_small:.3f} at {small} members, {growth.at_large:.3f} at {large}"
        )
        goal(
            f"signed-in ({person}) network page rendered, {large} vs {small} members",
            measured=growth.ratio,
            target=TARGET_NETWORK_GROWTH,
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--prepare":
        prepare(int(sys.argv[2]))
        sys.exit(0)
    measure()
    summary()
    sys.exit(0)
