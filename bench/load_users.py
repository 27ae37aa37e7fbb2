"""The simulated people of bench/load.py (locust): anonymous readers, and participants who sign in, comment on a
contribution, support one, register for an event and download a report.

Run by bench/load.py (`locust -f bench/load_users.py --headless ...`) with LOAD_PLAN (the seeded targets and
accounts, JSON) and LOAD_OUT (where the acknowledged writes, the status counts and the p95 go at the end). A write
counts as acknowledged only when the platform told the person it succeeded: the comment's redirect to its anchor,
the "support counted" or "registration" message on the page after the redirect.
"""

import itertools
import json
import os
import random
import re
import threading
from collections import Counter

from locust import HttpUser, between, events, task

PLAN = json.loads(open(os.environ["LOAD_PLAN"]).read())  # noqa: SIM115 - read once at import
ACKNOWLEDGED: list[dict] = []
STATUSES: Counter = Counter()
LOCK = threading.Lock()
ACCOUNTS = itertools.cycle(PLAN["accounts"])
ADDRESSES = itertools.count(1)
COMMENT = re.compile(r"#comment-(\d+)$")


def acknowledge(**write):
    with LOCK:
        ACKNOWLEDGED.append(write)


@events.request.add_listener
def count_status(response=None, **_):
    status = getattr(response, "status_code", 0) or 0  # 0: no answer at all (a refused or broken connection)
    with LOCK:
        STATUSES[str(status) if status else "connection error"] += 1


@events.quitting.add_listener
def write_out(environment, **_):
    total = environment.stats.total
    out = {
        "acknowledged": ACKNOWLEDGED,
        "statuses": dict(STATUSES),
        "requests": total.num_requests,
        "failures": total.num_failures,
        "p95_ms": total.get_response_time_percentile(0.95),
        "median_ms": total.get_response_time_percentile(0.5),
    }
    with open(os.environ["LOAD_OUT"], "w") as file:
        json.dump(out, file)


class Visitor(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def on_start(self):
        # Each person comes from their own address (nginx adds it to X-Forwarded-For): rate limits count per person.
        number = next(ADDRESSES)
        self.client.headers["X-Forwarded-For"] = f"127.1.{number // 250}.{number % 250 + 1}"

    def read(self, path, name=None):
        self.client.get(path, name=name or path)


class Reader(Visitor):
    """Anonymous reading of the public pages, the most common visit."""

    weight = 3

    @task
    def public_page(self):
        path = random.choice(PLAN["public_pages"])  # noqa: S311 - a load mix, not a secret
        self.read(path, name=re.sub(r"/\d[\d.]*/", "/N/", path))


class Participant(Visitor):
    weight = 2

    def on_start(self):
        super().on_start()
        self.email = next(ACCOUNTS)
        self.client.get("/en/accounts/login/", name="/en/accounts/login/")
        with self.client.post(
            "/en/accounts/login/",
            {"login": self.email, "password": PLAN["password"], "csrfmiddlewaretoken": self.csrf()},
            allow_redirects=False,
            catch_response=True,
            name="sign in",
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in refused ({response.status_code})")

    def csrf(self):
        return self.client.cookies.get("csrftoken", "")

    def post(self, path, data, name):
        return self.client.post(
            path,
            {**data, "csrfmiddlewaretoken": self.csrf()},
            allow_redirects=False,
            name=name,
            headers={"Referer": self.host + path},
        )

    @task(3)
    def read_contribution(self):
        self.read(random.choice(PLAN["contribution_pages"]), name="contribution page")  # noqa: S311

    @task(2)
    def comment(self):
        contribution = random.choice(PLAN["contributions"])  # noqa: S311
        path = f"/en/participation/comments/{PLAN['contribution_target']}/{contribution}/"
        body = f"load comment {self.email} {random.random()}"  # noqa: S311
        response = self.post(path, {"body": body}, name="comment")
        match = COMMENT.search(response.headers.get("Location", "")) if response.status_code == 302 else None
        if match:
            acknowledge(kind="comment", id=int(match.group(1)), body=body)

    @task(2)
    def support(self):
        contribution = random.choice(PLAN["contributions"])  # noqa: S311
        path = f"/en/participation/supports/{PLAN['contribution_target']}/{contribution}/"
        response = self.post(path, {}, name="support")
        if response.status_code == 302:
            page = self.client.get(response.headers["Location"], name="page after support")
            if "Your support is counted" in page.text or "You already support this" in page.text:
                acknowledge(kind="support", email=self.email, contribution=contribution)

    @task(1)
    def register(self):
        event = random.choice(PLAN["events"])  # noqa: S311
        response = self.post(f"/en/events/{event}/register/", {"category": PLAN["category"]}, name="register")
        if response.status_code == 302:
            page = self.client.get(response.headers["Location"], name="page after registering")
            if "Your registration is confirmed" in page.text or "waiting list" in page.text:
                acknowledge(kind="registration", email=self.email, event=event)

    @task(1)
    def download_report(self):
        self.read(random.choice(PLAN["reports"]), name="report download")  # noqa: S311
