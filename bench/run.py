"""`make bench`: throughput of the main pages relative to a minimal Django view, and their SQL query counts.

1. A throw-away INFITAH_DATA_DIR with SQLite; `infitah migrate`; 10 member communes (bench/data.py). The page
   cache is off: these are the pages as their views render them (bench/pages.py measures them from the cache).
2. Query counts per page with Django's test client (bench/queries.py, its own process).
3. `infitah serve --workers 2` on a free loopback port; a fixed number of requests per page from a few client
   threads; each page's requests per second divided by /healthz's, measured in the same run.
4. The same at 1,000 members, on a second server over a copy of the data directory grown to 1,000; then the network
   page on both servers in alternating rounds (bench/growth.py). The servers are stopped whatever happens.

Ratios, not absolute figures, are what compare across machines: /healthz is Django with no template and no
query, so a ratio of 0.25 means the page costs about four times a bare request on the same server.
"""

import datetime
import http.client
import json
import os
import platform
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from data import commune_code
from goals import goal
from growth import alternating_growth, copy_data_dir

BENCH_DIR = Path(__file__).resolve().parent
PYTHON = sys.executable
CONSOLE_SCRIPT = Path(PYTHON).with_name("infitah")
INFITAH = [str(CONSOLE_SCRIPT)] if CONSOLE_SCRIPT.exists() else [PYTHON, "-m", "infitah"]

SIZES = [10, 1000]
PAGES = (
    "/healthz",  # the minimal Django view, the baseline of the ratios
    "/ar/",  # home
    "/ar/network/",  # the network, members listed 30 a page
    "/ar/network/members/{member}/",  # one member's page
    "/api/v1/members",  # the API's members, 100 a page
)
REQUESTS_PER_PAGE = 300
# Split into rounds that each measure every page and /healthz: another process busy on the machine for a few
# seconds then skews one round, not the ratio (the median of the rounds' ratios is reported).
ROUNDS = 5
WARM_UP_REQUESTS = 20
CLIENT_THREADS = 4
WORKERS = 2
REQUEST_TIMEOUT = 10
START_TIMEOUT = 60


def bench_env(data_dir):
    """SQLite in a fresh data dir, plain HTTP on the loopback; nothing inherited from the caller's setup."""
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL", "DEBUG"}}
    env.update(
        INFITAH_DATA_DIR=str(data_dir),
        INFITAH_HTTPS="false",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SETTINGS_MODULE="infitah.settings",
        LOG_LEVEL="ERROR",
    )
    return env


def run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def count_queries(members, env):
    # The test client renders {% static %} without a prior collectstatic, so plain static storage here.
    env = {**env, "INFITAH_STATIC_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    output = run([PYTHON, str(BENCH_DIR / "queries.py"), str(members), *PAGES], env)
    return json.loads(output.strip().splitlines()[-1])


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(connection, path):
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    response.read()
    return response.status


def wait_until_up(server, port, timeout=START_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            if get(connection, "/healthz") == 200:
                connection.close()
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"/healthz did not answer within {timeout} s")


def hammer(port, path, total, headers=None, check=None, each=None):
    """`total` GET requests spread over CLIENT_THREADS keep-alive connections (a dropped one is reopened); returns
    (rps, failures). `check(response, body)`, if given, sees each 200 answer and returns what is wrong with it, if
    anything (it may also record something about it). `each`, if given, is a list of `total` header sets, one per
    request (another person's session cookie for each, say)."""
    shares = [total // CLIENT_THREADS + (1 if i < total % CLIENT_THREADS else 0) for i in range(CLIENT_THREADS)]
    failures = []
    sent_headers = {"Host": "127.0.0.1", **(headers or {})}
    pending = list(each or ())
    lock = threading.Lock()

    def next_headers():
        if not each:
            return sent_headers
        with lock:
            return {**sent_headers, **pending.pop()}

    def client(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        for _ in range(count):
            try:
                connection.request("GET", path, headers=next_headers())
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                failures.append(repr(error))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
                continue
            if response.status != 200:
                failures.append(response.status)
            elif check is not None and (problem := check(response, body)):
                failures.append(problem)
        connection.close()

    threads = [threading.Thread(target=client, args=(share,), daemon=True) for share in shares]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return total / elapsed, failures


def throughput(port, members):
    """{page: [rps of each round]}; every round measures /healthz too, so a ratio compares like with like."""
    rounds = {page: [] for page in PAGES}
    for page in PAGES:
        hammer(port, page.replace("{member}", commune_code(0)), WARM_UP_REQUESTS)
    for _round in range(ROUNDS):
        for page in PAGES:
            path = page.replace("{member}", commune_code(0))
            rps, failures = hammer(port, path, REQUESTS_PER_PAGE // ROUNDS)
            if failures:
                raise RuntimeError(f"{path} with {members} members: {len(failures)} failed, e.g. {failures[:3]}")
            rounds[page].append(rps)
    return rounds


def summary(rounds):
    """Median requests per second and median ratio to /healthz over the rounds, per page."""
    baseline = rounds["/healthz"]
    return {
        page: (statistics.median(values), statistics.median(v / b for v, b in zip(values, baseline, strict=True)))
        for page, values in rounds.items()
    }


def start_server(env, port, log):
    command = [*INFITAH, "serve", "--port", str(port), "--workers", str(WORKERS)]
    # Its own session, so that stopping it can reach gunicorn's workers too.
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def stop_server(server):
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)  # gunicorn's master stops its workers gracefully
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


def machine():
    cores = os.cpu_count()
    return f"{cores} cores, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {platform.machine()}"


def print_table(queries, rps):
    small, large = SIZES
    print(f"\n{'page':<32}{'SQL@' + str(small):>8}{'SQL@' + str(large):>10}  equal", end="")
    print(f"{'rps@' + str(small):>10}{'ratio':>7}{'rps@' + str(large):>11}{'ratio':>7}")
    for path in PAGES:
        same = queries[small][path] == queries[large][path]
        print(f"{path:<32}{queries[small][path]:>8}{queries[large][path]:>10}  {'yes' if same else 'NO ':<5}", end="")
        for size in SIZES:
            median_rps, ratio = rps[size][path]
            print(f"{median_rps:>10.0f}{ratio:>7.2f}", end=" ")
        print()
    unequal = [path for path in PAGES if queries[small][path] != queries[large][path]]
    if unequal:
        print(f"\nQuery counts differ between {small} and {large} members: {', '.join(unequal)}")
    else:
        print(f"\nQuery counts are equal with {small} and {large} members on every page.")
    return not unequal


def main():
    print(f"Infitah bench {datetime.date.today()}: {machine()}")
    print(
        f"gunicorn {WORKERS} workers; {REQUESTS_PER_PAGE} requests per page in {ROUNDS} rounds from {CLIENT_THREADS} "
        "client threads on 127.0.0.1; ratio = page rps / /healthz rps, median of the rounds"
    )
    small, large = SIZES
    with (
        tempfile.TemporaryDirectory(prefix="infitah-bench-") as data_dir,
        tempfile.TemporaryDirectory(prefix="infitah-bench-large-") as large_dir,
    ):
        # What rendering the pages costs: the page cache off (bench/pages.py measures the pages from the cache).
        # One server per size, on two copies of one data directory, so that the network page's growth is measured
        # with both sizes side by side (bench/growth.py).
        envs = {
            small: {**bench_env(data_dir), "INFITAH_PAGE_CACHE_SECONDS": "0"},
            large: {**bench_env(large_dir), "INFITAH_PAGE_CACHE_SECONDS": "0"},
        }
        run([*INFITAH, "migrate", "--verbosity", "0"], envs[small])
        log_path = Path(data_dir) / "server.log"
        queries, rps, servers, ports = {}, {}, [], {}
        with log_path.open("w") as log:
            try:
                for members in SIZES:
                    if members == large:
                        run([*INFITAH, "collectstatic", "--no-input", "--verbosity", "0"], envs[small])
                        copy_data_dir(data_dir, large_dir)
                    measured = count_queries(members, envs[members])
                    print(f"  {measured['members']} members loaded", flush=True)
                    queries[members] = measured["queries"]
                for members in SIZES:
                    ports[members] = free_port()
                    servers.append(start_server(envs[members], ports[members], log))
                    wait_until_up(servers[-1], ports[members])
                    rps[members] = summary(throughput(ports[members], members))
                growth = alternating_growth(
                    checked_rps,
                    ports[small],
                    ports[large],
                    "/ar/network/",
                    REQUESTS_PER_PAGE // ROUNDS,
                    REQUESTS_PER_PAGE // ROUNDS,
                )
            except (RuntimeError, SystemExit) as error:
                log.flush()
                tail = log_path.read_text()[-2000:]
                raise SystemExit(f"bench failed: {error}\n--- server log (end) ---\n{tail}") from None
            finally:
                for server in servers:
                    stop_server(server)
    equal = print_table(queries, rps)
    unequal = sum(queries[SIZES[0]][path] != queries[SIZES[1]][path] for path in PAGES)
    goal(
        f"pages whose SQL queries grow from {SIZES[0]} to {SIZES[1]} members",
        measured=unequal,
        target=0,
        higher_is_better=False,
    )
    print(
        f"network page, both sizes served side by side: ratio {growth.at_small:.3f} at {small} members, "
        f"{growth.at_large:.3f} at {large:,}"
    )
    goal(
        f"network page rendered (anonymous), {large:,} vs {small} members (ratio to /healthz)",
        measured=growth.ratio,
        target=0.9,
    )
    return 0 if equal else 1


def checked_rps(port, path, total, headers=None):
    rps, failures = hammer(port, path, total, headers)
    if failures:
        raise RuntimeError(f"{path}: {len(failures)} of {total} failed, e.g. {failures[:3]}")
    return rps


if __name__ == "__main__":
    sys.exit(main())
