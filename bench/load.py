"""The multi-node deployment under load: 200 simulated people for 60 s through nginx, then the same with one web node
killed halfway, then a task worker killed while it produces a report.

    .venv/bin/python bench/load.py

1. deploy/local_cluster.py starts the production topology on the loopback in a throw-away directory: nginx, two
   `infitah serve` nodes, two workers (RQ on Redis), a fresh PostgreSQL database, Redis (DB 11, or
   INFITAH_CLUSTER_REDIS_URL), moto_server for S3; seeded with the demo data and 300 accounts (bench/load_seed.py).
2. locust (bench/load_users.py) runs 200 users for 60 s: anonymous reading of the public pages, sign-in, comments on
   contributions, supports, event registrations and report downloads. Every write the platform acknowledged is then
   looked up in the database: goals 0 server errors and 0 lost writes; p95 printed.
3. The same, with node 1 killed (`kill -9` of gunicorn and its workers) after 30 s: nginx fails over; errors while
   failing over are counted and printed; goal 0 lost acknowledged writes.
4. A consultation report is queued; the worker producing it is killed (`kill -9`, its work horse too); the other
   worker must finish it once the lease runs out (goal).
The cluster is stopped and its database dropped whatever happens. Loopback only; bounded (about 6 minutes idle).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO / "deploy"))
import local_cluster  # noqa: E402
from goals import goal, summary  # noqa: E402

USERS = 200
SPAWN_RATE = 50
DURATION = 60
KILL_AFTER = 30
LEASE = 10  # seconds: how soon a dead worker's report is taken over in this bench
REPORT_TIMEOUT = 240
LOCUST = Path(sys.executable).with_name("locust")


def start_cluster(directory: Path) -> dict[str, Any]:
    # Every simulated person comes from 127.0.0.1: the load test plays an outer proxy that names each one's own
    # address in X-Forwarded-For (bench/load_users.py), so that rate limits count per person as they would in
    # production, where nginx sees each visitor's address.
    options = ["up", "--dir", str(directory), "--lease", str(LEASE), "--trusted-proxies", "2"]
    args = local_cluster.parser().parse_args(options)
    return local_cluster.up(args)


def use_cluster_database(state: dict[str, Any]) -> None:
    """This process becomes one more client of the cluster's database (to seed, then to check the writes)."""
    os.environ.update(state["env"])
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()


def run_locust(state: dict[str, Any], plan: Path, name: str, during=None) -> dict[str, Any]:
    out = Path(state["dir"]) / f"locust-{name}.json"
    env = {key: value for key, value in os.environ.items() if key in {"PATH", "HOME", "LANG"}}
    env.update(LOAD_PLAN=str(plan), LOAD_OUT=str(out))
    command = [str(LOCUST), "-f", str(BENCH / "load_users.py"), "--headless", "--users", str(USERS)]
    command += ["--spawn-rate", str(SPAWN_RATE), "--run-time", f"{DURATION}s", "--host", state["url"]]
    command += ["--only-summary", "--stop-timeout", "5", "--loglevel", "WARNING"]
    timer = threading.Timer(KILL_AFTER, during) if during else None
    with open(Path(state["dir"]) / "logs" / f"locust-{name}.log", "wb") as log:
        locust = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        if timer:
            timer.start()
        try:
            locust.wait(timeout=DURATION + 90)
        finally:
            if timer:
                timer.cancel()
            if locust.poll() is None:
                locust.kill()
    return dict(json.loads(out.read_text()))


def lost_writes(acknowledged: list[dict[str, Any]]) -> int:
    """How many writes the people were told succeeded are not in the database."""
    from infitah.consultations.models import Contribution
    from infitah.events.models import Registration
    from infitah.participation.models import Comment, Support
    from infitah.participation.targets import target_fields

    comments = {write["id"] for write in acknowledged if write["kind"] == "comment"}
    lost = len(comments - set(Comment.objects.filter(pk__in=comments).values_list("pk", flat=True)))
    for write in acknowledged:
        if write["kind"] == "support":
            fields = target_fields(Contribution.objects.get(pk=write["contribution"]))
            lost += not Support.objects.filter(user__email=write["email"], **fields).exists()
        elif write["kind"] == "registration":
            lost += not Registration.objects.filter(user__email=write["email"], event_id=write["event"]).exists()
    return lost


def server_errors(statuses: dict[str, int]) -> int:
    return sum(count for status, count in statuses.items() if status.isdigit() and int(status) >= 500)


def report_load(name: str, result: dict[str, Any]) -> None:
    writes: dict[str, int] = {}
    for write in result["acknowledged"]:
        writes[write["kind"]] = writes.get(write["kind"], 0) + 1
    print(
        f"{name}: {result['requests']} requests, statuses {dict(sorted(result['statuses'].items()))}, "
        f"p95 {result['p95_ms']:.0f} ms, median {result['median_ms']:.0f} ms, acknowledged writes {writes}"
    )


def worker_killed_during_a_report(state: dict[str, Any]) -> tuple[bool, str]:
    """Queue a report, kill -9 the worker producing it, and wait for the other worker to finish it."""
    from django.db import close_old_connections
    from django_rq import get_connection
    from django_tasks_rq import Job

    from infitah.consultations.models import Consultation, ReportDocument, ReportStatus
    from infitah.consultations.report_tasks import request_pdf

    backlog = wait_for_an_empty_queue()
    print(f"report: the workers drained the {backlog} tasks the load left (notification e-mails) first")
    consultation = Consultation.objects.order_by("-pk").first()
    ReportDocument.objects.filter(consultation=consultation, language="fr").delete()
    document = request_pdf(consultation, "fr")  # queued on commit: autocommit here, so at once
    deadline = time.monotonic() + REPORT_TIMEOUT
    killed = ""
    while time.monotonic() < deadline:
        close_old_connections()
        document.refresh_from_db()
        if document.status == ReportStatus.DONE:
            break
        if not killed and document.status == ReportStatus.RUNNING:
            running = [
                job.worker_name
                for job in (Job.fetch(key, connection=get_connection()) for key in started_jobs())
                if job.worker_name
            ]
            for worker in state["workers"]:
                if worker["name"] in running:
                    local_cluster.kill_tree(worker["pid"])  # the worker and its work horse, mid-report
                    killed = worker["name"]
        time.sleep(0.2)
    return document.status == ReportStatus.DONE and bool(killed), killed


def wait_for_an_empty_queue(timeout: float = 120) -> int:
    """Let the workers send the e-mails the load queued, so that the report starts at once; returns how many."""
    from django_rq import get_queue

    queue = get_queue("default")
    backlog = queue.count
    deadline = time.monotonic() + timeout
    while queue.count and time.monotonic() < deadline:
        time.sleep(1)
    return int(backlog)


def started_jobs() -> list[str]:
    from django_rq import get_queue
    from rq.registry import StartedJobRegistry

    return list(StartedJobRegistry(queue=get_queue("default")).get_job_ids())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--keep", action="store_true", help="leave the cluster running (stop it with local_cluster down)"
    )
    options = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="infitah-cluster-"))
    print(f"{time.strftime('%Y-%m-%d %H:%M %Z')} · load: {os.getloadavg()[0]:.2f} · cluster in {directory}")
    started = time.monotonic()
    try:
        state = start_cluster(directory)
        print(f"cluster up in {time.monotonic() - started:.0f} s")
        use_cluster_database(state)
        from load_seed import seed

        plan_path = directory / "plan.json"
        plan_path.write_text(json.dumps(seed()))
        print(f"seeded in {time.monotonic() - started:.0f} s")

        steady = run_locust(state, plan_path, "steady")
        report_load("steady load", steady)
        goal(
            "load: server errors, 200 users 60 s",
            measured=server_errors(steady["statuses"]),
            target=0,
            higher_is_better=False,
        )
        goal(
            "load: lost acknowledged writes",
            measured=lost_writes(steady["acknowledged"]),
            target=0,
            higher_is_better=False,
        )
        print(f"load: p95 latency {steady['p95_ms']:.0f} ms through nginx ({USERS} users)")

        node = state["nodes"][0]
        failover = run_locust(state, plan_path, "failover", during=lambda: local_cluster.kill_tree(node["pid"]))
        report_load("node 1 killed at 30 s", failover)
        failed = server_errors(failover["statuses"]) + failover["statuses"].get("connection error", 0)
        print(f"failover: {failed} requests failed while failing over (502s and broken connections, not retried)")
        goal(
            "failover: lost acknowledged writes",
            measured=lost_writes(failover["acknowledged"]),
            target=0,
            higher_is_better=False,
        )

        finished, killed = worker_killed_during_a_report(state)
        print(f"worker {killed or '(none caught running)'} killed during a report; finished by the other: {finished}")
        goal("worker killed mid-report: report finished by the other", measured=int(finished), target=1)
    finally:
        if options.keep:
            print(f"left running: {sys.executable} deploy/local_cluster.py down --dir {directory}")
        elif (directory / "cluster.json").exists():
            local_cluster.down(str(directory))
    print(f"whole bench: {time.monotonic() - started:.0f} s")
    summary()
    sys.exit(0)


if __name__ == "__main__":
    main()
