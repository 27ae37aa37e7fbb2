"""`make bench`: every bench script in turn, then every performance goal they measured, met or not met.

    .venv/bin/python bench/all.py                 # everything (about half an hour on an idle 2-core machine)
    .venv/bin/python bench/all.py pages threads   # only those (names below)

Each script runs in its own process and its own throw-away data directory, prints its own figures, and prints
each goal through bench/goals.py (`GOAL <name>: <measured> (target …) met|NOT MET`); this driver collects those
lines and prints them together at the end, with the date and the machine. A script that crashes is reported as
such and makes the run exit with status 1; a goal not met does not (it is a measurement, read it).
"""

import datetime
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import PYTHON, bench_env, machine

BENCH_DIR = Path(__file__).resolve().parent
PLAIN_STATIC = {"INFITAH_STATIC_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage"}
POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_REDIS = "redis://127.0.0.1:6379/9"


def own_env(_data_dir):
    """The script sets up its own data directory (and servers)."""
    return dict(os.environ)


def data_dir_env(data_dir):
    return {**bench_env(data_dir), **PLAIN_STATIC}


def postgres_env(_data_dir):
    """The production engine: DATABASE_URL if it names PostgreSQL, else this machine's local server."""
    server = os.environ.get("DATABASE_URL", "")
    return {**os.environ, "DATABASE_URL": server if server.startswith("postgres") else POSTGRES}


def redis_env(_data_dir):
    """The production cache: a Redis database of this machine's server that the bench may empty."""
    return {**os.environ, "INFITAH_BENCH_REDIS_URL": os.environ.get("INFITAH_BENCH_REDIS_URL", BENCH_REDIS)}


# name, script, how its environment is made, timeout in seconds
SCRIPTS = (
    ("pages", "run.py", own_env, 1800),
    ("anonymous-cache", "pages.py", own_env, 1200),
    ("anonymous-cache-redis", "pages.py", redis_env, 1200),
    ("signed-in", "signed_in.py", own_env, 1200),
    ("threads", "threads.py", own_env, 1200),
    ("api-lists", "api_lists.py", own_env, 1200),
    ("report-pdf", "report_pdf.py", own_env, 1800),
    ("load", "load.py", own_env, 1200),
    ("consultation", "consultation.py", data_dir_env, 1200),
    ("openness-index", "openness_index.py", data_dir_env, 1200),
    ("information-register", "information_register.py", data_dir_env, 1800),
    ("open-data", "open_data_export.py", bench_env, 3600),
    ("petition-signatures", "petition_signatures.py", postgres_env, 1800),
    ("search", "search.py", postgres_env, 1800),
    ("serve-start", "serve_start.py", own_env, 1800),
)


def run_script(script, make_env, timeout):
    """Run one script, its output shown as it comes; (return code, its GOAL lines)."""
    goals = []
    with tempfile.TemporaryDirectory(prefix="infitah-bench-") as data_dir:
        env = make_env(data_dir)
        process = subprocess.Popen(
            [PYTHON, str(BENCH_DIR / script)],
            env=env,
            cwd=BENCH_DIR.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        deadline = time.monotonic() + timeout
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            if line.startswith("GOAL "):
                goals.append(line.rstrip())
            if time.monotonic() > deadline:
                process.kill()
                print(f"bench: {script} ran past {timeout} s, stopped", flush=True)
                break
        return process.wait(), goals


def main(selected):
    names = {name for name, *_ in SCRIPTS}
    unknown = set(selected) - names
    if unknown:
        raise SystemExit(f"unknown bench {sorted(unknown)}; choose among {sorted(names)}")
    started = datetime.datetime.now(datetime.UTC)
    print(f"Infitah bench {started:%Y-%m-%d %H:%M} UTC: {machine()}, load {os.getloadavg()[0]:.1f}", flush=True)
    results = []
    for name, script, make_env, timeout in SCRIPTS:
        if selected and name not in selected:
            continue
        if not (BENCH_DIR / script).exists():
            print(f"\n=== {name}: {script} is not in this tree ===", flush=True)
            continue
        print(f"\n=== {name} ({script}) ===", flush=True)
        began = time.monotonic()
        code, goals = run_script(script, make_env, timeout)
        results.append((name, code, goals, time.monotonic() - began))
    print(f"\n=== goals, {started:%Y-%m-%d %H:%M} UTC, {machine()}, load now {os.getloadavg()[0]:.1f} ===")
    crashed = []
    for name, code, goals, seconds in results:
        state = "ran" if code == 0 else f"FAILED (exit {code})"
        print(f"{name}: {state} in {seconds:.0f} s")
        for line in goals:
            print(f"  {line}")
        if code != 0:
            crashed.append(name)
    every_goal = [line for _, _, goals, _ in results for line in goals]
    not_met = [line for line in every_goal if line.endswith("NOT MET")]
    print(f"\n{len(every_goal) - len(not_met)} of {len(every_goal)} goals met.")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
