"""Anonymous public pages served from the page cache, relative to /healthz on the same server, in the same run.

1. A throw-away INFITAH_DATA_DIR with SQLite; `infitah demo --no-serve` (every kind of public page has
   something to show); 10 bench member communes on top (bench/data.py).
2. `infitah serve --workers 2` on a free loopback port; every page warmed; then rounds that each measure /healthz
   and every page, anonymously: requests per second from the cache divided by /healthz's (median of the rounds).
3. The same at 1,000 members, on a second server over a copy of the data directory grown to 1,000 (with Redis,
   under its own key prefix); the network page's growth measured on both servers in alternating rounds
   (bench/growth.py: one size after the other, the machine's drift was measured, not the page). Then, without a
   goal, what a miss costs: the same pages rendered by their views (a request carrying a session cookie is never
   answered from the cache), as a ratio to /healthz, at 1,000 members.

    /work/main/.venv/bin/python bench/pages.py
    INFITAH_BENCH_REDIS_URL=redis://127.0.0.1:6379/9 .venv/bin/python bench/pages.py   # the production cache

With INFITAH_BENCH_REDIS_URL, the server runs with that Redis as REDIS_URL (the page entries, the stamps, the
sessions: the production path) and the goals' names say so. That Redis database is emptied first: give it one that
holds nothing else.
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from data import commune_code
from goals import goal, summary
from growth import alternating_growth, copy_data_dir
from run import (
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

BENCH_DIR = Path(__file__).resolve().parent
SIZES = [10, 1000]
REQUESTS_PER_PAGE = 800  # from the cache, per page and size, over the rounds (a round of 50 took 50 ms: noise)
MISS_REQUESTS = 16  # rendered by the view, per page (at 1,000 members)
ROUNDS = 4
WARM_UP_REQUESTS = 8  # enough for each of the two workers to hold the page in its memory
START_TIMEOUT = 300  # a loaded shared machine starts gunicorn slowly
# A session cookie that matches no session: an anonymous visitor whose pages the cache never answers.
MISS_HEADERS = {"Cookie": "sessionid=bench-no-such-session"}
REDIS = os.environ.get("INFITAH_BENCH_REDIS_URL", "")
WITH = " with Redis" if REDIS else ""


def page_paths() -> dict[str, str]:
    """{page kind: path} for the demo's objects (run in a process with Django set up)."""
    from data import setup_django

    setup_django()
    from django.utils import timezone

    from infitah.bodies.models import AdvisoryBody
    from infitah.budgets.models import Budget
    from infitah.consultations.models import Consultation
    from infitah.council.models import Decision, Session
    from infitah.events.models import Event
    from infitah.forum.models import Thread
    from infitah.information.models import PublicationEntry
    from infitah.news.models import NewsItem
    from infitah.petitions.models import Petition
    from infitah.practices.models import Practice
    from infitah.programs.models import Commitment, Program
    from infitah.resources.models import Resource
    from infitah.training.models import Course

    def first(queryset):
        row = queryset.order_by("pk").first()
        if row is None:
            raise SystemExit(f"the demo has no {queryset.model.__name__}")
        return row

    commitment = first(Commitment.objects.filter(axis__program__in=Program.objects.public()))
    event = first(Event.objects.published())
    starts = timezone.localtime(event.starts_at)
    budget = first(Budget.objects.published().select_related("collectivity"))
    return {
        "home": "/ar/",
        "network": "/ar/network/",
        "member": f"/ar/network/members/{commune_code(0)}/",
        "charter": "/ar/network/charter/",
        "programs": "/ar/programs/",
        "program": f"/ar/programs/{first(Program.objects.public()).pk}/",
        "commitment": f"/ar/programs/commitments/{commitment.pk}/",
        "consultations": "/ar/consultations/",
        "consultation": f"/ar/consultations/{first(Consultation.objects).pk}/",
        "events": "/ar/events/",
        "event": f"/ar/events/{event.pk}/",
        "calendar": f"/ar/events/calendar/{starts.year}/{starts.month}/",
        "bodies": "/ar/bodies/",
        "body": f"/ar/bodies/{first(AdvisoryBody.objects).pk}/",
        "petitions": "/ar/petitions/",
        "petition": f"/ar/petitions/{first(Petition.objects.exclude(stage='draft')).pk}/",
        "information register": "/ar/information/",
        "publications": f"/ar/information/publication/{first(PublicationEntry.objects).collectivity.code}/",
        "practices": "/ar/practices/",
        "practice": f"/ar/practices/{first(Practice.objects.published()).pk}/",
        "resources": "/ar/resources/",
        "resource": f"/ar/resources/{first(Resource.objects).pk}/",
        "training courses": "/ar/training/",
        "training course": f"/ar/training/{first(Course.objects.published()).pk}/",
        "forum": "/ar/forum/",
        "forum thread": f"/ar/forum/t/{first(Thread.objects.public()).pk}/",
        "news": "/ar/news/",
        "news item": f"/ar/news/{first(NewsItem.objects.published()).pk}/",
        "council sessions": "/ar/council/",
        "council session": f"/ar/council/sessions/{first(Session.objects.published()).pk}/",
        "council decision": f"/ar/council/decisions/{first(Decision.objects.published()).pk}/",
        "budgets": "/ar/budgets/",
        "budget": f"/ar/budgets/{budget.collectivity.code}/{budget.year}/",
        "open data": "/ar/open-data/",
        "open dataset": "/ar/open-data/members/",
    }


def hammer(port, path, total, headers=None, hits=None):
    """Requests per second over run.py's client threads; fails on an error. `hits`, a list, gets one True per
    answer served from the cache (an entry expiring after INFITAH_PAGE_CACHE_SECONDS is re-rendered once per worker
    during the run, as in production: those misses are measured, and counted)."""

    def count_hit(response, _body):
        if hits is not None:
            hits.append(response.getheader("X-Infitah-Cache", "") == "hit")

    rps, problems = run_hammer(port, path, total, headers, count_hit)
    if problems:
        raise RuntimeError(f"{path}: {len(problems)} of {total} requests went wrong, e.g. {problems[:3]}")
    return rps


def ratios(port, paths, total, headers=None, hit_shares=None):
    """{page kind: median over the rounds of (page rps / /healthz rps)}, each round measuring /healthz too;
    `hit_shares`, a dict, gets each page's share of answers served from the cache."""
    rounds = {kind: [] for kind in paths}
    answers = {kind: [] for kind in paths}
    for _round in range(ROUNDS):
        baseline = hammer(port, "/healthz", REQUESTS_PER_PAGE // ROUNDS)
        for kind, path in paths.items():
            rounds[kind].append(hammer(port, path, total // ROUNDS, headers, answers[kind]) / baseline)
    if hit_shares is not None:
        hit_shares.update({kind: sum(values) / len(values) for kind, values in answers.items()})
    return {kind: statistics.median(values) for kind, values in rounds.items()}


def grow(members, env):
    code = f"from data import ensure_members, setup_django; setup_django(); print(ensure_members({members}))"
    return int(run([PYTHON, "-c", code], {**env, "PYTHONPATH": f"{BENCH_DIR}:{env.get('PYTHONPATH', '')}"}).split()[-1])


def main():
    started = time.monotonic()
    print(f"Page cache bench{WITH}: {machine()}", flush=True)
    with (
        tempfile.TemporaryDirectory(prefix="infitah-bench-pages-") as data_dir,
        tempfile.TemporaryDirectory(prefix="infitah-bench-pages-large-") as large_dir,
    ):
        env = bench_env(data_dir)
        if REDIS:
            import redis

            redis.Redis.from_url(REDIS).flushdb()
            env["REDIS_URL"] = REDIS
        run([*INFITAH, "demo", "--no-serve"], env)
        path_env = {**env, "PYTHONPATH": f"{BENCH_DIR}:{env.get('PYTHONPATH', '')}"}
        grow(SIZES[0], env)
        paths = json.loads(run([PYTHON, str(Path(__file__).resolve()), "--paths"], path_env).strip().splitlines()[-1])
        # Collected before the start, so that a busy machine does not eat the server's start-up time with it.
        run([*INFITAH, "collectstatic", "--no-input", "--verbosity", "0"], env)
        # The larger network on a copy, served at the same time (bench/growth.py); with Redis, under its own keys.
        large_env = bench_env(large_dir)
        if REDIS:
            large_env.update(REDIS_URL=REDIS, INFITAH_CACHE_PREFIX="infitah-bench-large")
        copy_data_dir(data_dir, large_dir)
        sizes_env = dict(zip(SIZES, (env, large_env), strict=True))
        cached, missed, hit_shares = {}, {}, {}
        servers = {}
        log_path = Path(data_dir) / "server.log"
        with log_path.open("w") as log:
            try:
                for members in SIZES:
                    print(f"  {grow(members, sizes_env[members])} bench members (and the demo's)", flush=True)
                    port = free_port()
                    servers[members] = (port, start_server(sizes_env[members], port, log))
                    wait_until_up(servers[members][1], port, timeout=START_TIMEOUT)
                for members in SIZES:
                    port = servers[members][0]
                    for path in paths.values():
                        hammer(port, path, WARM_UP_REQUESTS)
                    cached[members] = ratios(
                        port, paths, REQUESTS_PER_PAGE, hit_shares=hit_shares.setdefault(members, {})
                    )
                network = alternating_growth(
                    hammer,
                    servers[SIZES[0]][0],
                    servers[SIZES[1]][0],
                    paths["network"],
                    # A hit takes under a millisecond: a round of a few hundred is over before the machine's noise is.
                    REQUESTS_PER_PAGE,
                    REQUESTS_PER_PAGE,
                )
                missed = ratios(servers[SIZES[1]][0], paths, MISS_REQUESTS, MISS_HEADERS)
            except RuntimeError as error:
                log.flush()
                print(f"bench failed: {error}\n--- server log (end) ---\n{log_path.read_text()[-2000:]}")
                sys.exit(0)
            finally:
                for _port, server in servers.values():
                    stop_server(server)
    print(f"\n  {'page':<22} {'cached, 10':>11} {'cached, 1,000':>14} {'miss, 1,000':>12} {'hits, 1,000':>12}")
    for kind in paths:
        print(
            f"  {kind:<22} {cached[10][kind]:>11.2f} {cached[1000][kind]:>14.2f} {missed[kind]:>12.2f}"
            f" {hit_shares[1000][kind]:>11.0%}"
        )
    print("  (ratios: requests per second / /healthz's; miss: rendered by the view; hits: share served from cache)")
    print()
    for kind in paths:
        name = f"anonymous {kind} page from the cache{WITH} vs /healthz, 1,000 members"
        goal(name, measured=cached[1000][kind], target=0.5)
    print(
        f"  network page from the cache, both sizes served side by side: ratio {network.at_small:.3f} at 10 members,"
        f" {network.at_large:.3f} at 1,000"
    )
    goal(
        f"anonymous network page from the cache{WITH}, 1,000 vs 10 members",
        measured=network.ratio,
        target=0.9,
    )
    print(f"  ({time.monotonic() - started:.0f} s)")
    summary()
    sys.exit(0)


if __name__ == "__main__":
    if sys.argv[1:] == ["--paths"]:
        print(json.dumps(page_paths()))
    else:
        main()
