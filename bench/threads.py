"""Long threads cost what short ones do: a contribution with 5,000 replies, a commitment carrying 5,000 retained
contributions and a forum thread of 5,000 posts, against the same with 50, served by `infitah serve --workers 2`.

    /work/main/.venv/bin/python bench/threads.py      (from the repository root; about two minutes)

1. A throw-away INFITAH_DATA_DIR with SQLite (bench/run.py's bench_env), migrated, the rows made in bulk here.
2. Requests per second of each page at 5,000 and at 50, in alternating rounds from the same client threads: the
   ratio (5,000 / 50, median of the rounds) is each page's goal, ≥ 0.9.
3. The issue's mixed load, shortened: for MIXED_SECONDS, COMMENTERS signed-in people post replies on the long
   contribution through its real form (CSRF token and all) while READERS read it; every acknowledged reply must be
   stored afterwards, and the p95 latency of every request is printed.
The server is stopped whatever happens; the script exits 0 whatever the verdict (goals say met or not).
"""

import datetime
import http.client
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from goals import goal, summary
from run import INFITAH, bench_env, free_port, hammer, run, start_server, stop_server, wait_until_up

SHORT, LONG = 50, 5000
ROUNDS = 3
REQUESTS_PER_ROUND = 60
MIXED_SECONDS = 20
COMMENTERS, READERS = 10, 10
REQUEST_TIMEOUT = 30


def make_rows():
    """The pages to compare, {name: (url at 50, url at 5,000)}, the long contribution and the commenters' sessions."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from infitah.consultations.models import Consultation, Contribution, Response, ResponseOutcome
    from infitah.forum.models import Category, Post, Thread
    from infitah.participation.models import Comment
    from infitah.participation.threads import recount
    from infitah.programs.models import Axis, Commitment, Program
    from infitah.programs.phases import Phase
    from infitah.programs.versions import publish_version
    from infitah.territories.models import Collectivity, CollectivityKind

    users = get_user_model()
    author = users.objects.create_user("bench-author@bench.example", full_name="مشارك")
    region = Collectivity.objects.filter(kind=CollectivityKind.REGION).order_by("code").first()
    program = Program.objects.create(
        collectivity=region, title={"ar": "برنامج", "fr": "Programme"}, phase=Phase.DRAFTING
    )
    axis = Axis.objects.create(program=program, order=0, title={"ar": "المحور", "fr": "Axe"})
    commitments = [
        Commitment.objects.create(
            axis=axis,
            order=n,
            title={"ar": f"الالتزام {n}", "fr": f"Engagement {n}"},
            principles=["transparency"],
            start_date=datetime.date(2026, 1, 1),
            end_date=datetime.date(2027, 12, 31),
        )
        for n in range(2)
    ]
    version = publish_version(program, None)
    Program.objects.filter(pk=program.pk).update(phase=Phase.PUBLIC_CONSULTATION)
    now = timezone.now()
    consultation = Consultation.objects.create(
        program=program,
        version=version,
        title={"ar": "استشارة", "fr": "Consultation"},
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=30),
    )

    def contributions(count, body):
        Contribution.objects.bulk_create(
            Contribution(
                consultation=consultation,
                collectivity_id=region.pk,
                kind="comment",
                author=author,
                body=f"{body} {n}",
                contributor_kind="citizen",
            )
            for n in range(count)
        )
        return Contribution.objects.filter(consultation=consultation, body__startswith=body).order_by("pk")

    discussed = list(contributions(2, "discussed"))
    for contribution, count in zip(discussed, (SHORT, LONG), strict=True):
        on_it = {"content_type": ContentType.objects.get_for_model(contribution), "object_id": contribution.pk}
        Comment.objects.bulk_create(
            Comment(
                author=author,
                body=f"رد رقم {n}",
                collectivity_id=region.pk,
                created_at=now - datetime.timedelta(hours=2) + datetime.timedelta(seconds=n),
                **on_it,
            )
            for n in range(count)
        )
        recount(contribution)
    for commitment, count in zip(commitments, (SHORT, LONG), strict=True):
        retained = contributions(count, f"retained-{commitment.pk}")
        Response.objects.bulk_create(
            Response(contribution=row, outcome=ResponseOutcome.RETAINED, commitment_key=commitment.key)
            for row in retained
        )
    category = Category.objects.create(name={"ar": "نقاش", "fr": "Débat"}, slug="bench", order=1, members_only=False)
    forum_threads = []
    for count in (SHORT, LONG):
        thread = Thread.objects.create(category=category, title=f"Sujet {count}", body="Un message.", author=author)
        Post.objects.bulk_create(Post(thread=thread, author=author, body=f"Réponse {n}") for n in range(count))
        Thread.objects.filter(pk=thread.pk).update(reply_count=count)
        forum_threads.append(thread)

    sessions = []
    for n in range(COMMENTERS):
        person = users.objects.create_user(f"bench-commenter-{n}@bench.example", full_name=f"معلق {n}")
        session = SessionStore()
        session[SESSION_KEY] = str(person.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = person.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)

    def arabic(url):
        return url.replace("/en/", "/ar/", 1).replace("/fr/", "/ar/", 1)

    pages = {
        "contribution": tuple(arabic(c.get_absolute_url()) for c in discussed),
        "commitment": tuple(arabic(c.get_absolute_url()) for c in commitments),
        "forum thread": tuple(arabic(t.get_absolute_url()) for t in forum_threads),
    }
    return pages, discussed[1], sessions


def request(connection, method, path, headers, body=None):
    connection.request(method, path, body=body, headers={"Host": "127.0.0.1", **headers})
    response = connection.getresponse()
    body = response.read()
    csrf = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", "") or "")
    location = response.getheader("Location", "")
    return response.status, location, body, csrf.group(1) if csrf else None


def throughput(port, pages):
    """{page: median over the rounds of (rps at 5,000 / rps at 50)}; short and long alternate within each round."""
    ratios = {name: [] for name in pages}
    for short, long in pages.values():
        hammer(port, short, 10)
        hammer(port, long, 10)
    for _round in range(ROUNDS):
        for name, (short, long) in pages.items():
            short_rps, failed_short = hammer(port, short, REQUESTS_PER_ROUND)
            long_rps, failed_long = hammer(port, long, REQUESTS_PER_ROUND)
            if failed_short or failed_long:
                raise RuntimeError(f"{name}: requests failed, e.g. {(failed_short + failed_long)[:3]}")
            ratios[name].append(long_rps / short_rps)
            print(f"  {name}: {short_rps:.1f} rps at {SHORT}, {long_rps:.1f} rps at {LONG}", flush=True)
    return {name: statistics.median(values) for name, values in ratios.items()}


def mixed_load(port, url, comments_url, sessions):
    """Commenters post through the page's form while readers read it; returns (acknowledged ids, latencies, errors)."""
    deadline = time.monotonic() + MIXED_SECONDS
    acknowledged, latencies, errors = [], [], []
    lock = threading.Lock()

    def timed(connection, method, path, headers, body=None):
        started = time.perf_counter()
        result = request(connection, method, path, headers, body)
        with lock:
            latencies.append(time.perf_counter() - started)
        return result

    def commenter(session_key, number):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        cookies = {"sessionid": session_key}
        written = 0
        while time.monotonic() < deadline:
            try:
                cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
                status, _location, page, csrf_cookie = timed(connection, "GET", url, {"Cookie": cookie})
                if csrf_cookie:
                    cookies["csrftoken"] = csrf_cookie
                    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
                token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
                if status != 200 or token is None:
                    errors.append(f"GET {status}")
                    continue
                written += 1
                form = urlencode(
                    {"csrfmiddlewaretoken": token.group(1).decode(), "body": f"تعليق {number}-{written}", "next": url}
                )
                headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
                status, location, _body, _csrf = timed(connection, "POST", comments_url, headers, form)
                stored = re.search(r"[?&]comment=(\d+)", location)
                if status == 302 and stored:
                    with lock:
                        acknowledged.append(int(stored.group(1)))
                else:
                    errors.append(f"POST {status}")
            except (OSError, http.client.HTTPException) as error:
                errors.append(repr(error))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        connection.close()

    def reader():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        while time.monotonic() < deadline:
            try:
                status, _location, _page, _csrf = timed(connection, "GET", url, {})
                if status != 200:
                    errors.append(f"read {status}")
            except (OSError, http.client.HTTPException) as error:
                errors.append(repr(error))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        connection.close()

    threads = [threading.Thread(target=commenter, args=(key, n)) for n, key in enumerate(sessions)]
    threads += [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return acknowledged, latencies, errors


def main():
    started = time.monotonic()
    print(f"Infitah long-threads bench {datetime.date.today()}: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="infitah-bench-threads-") as data_dir:
        # The pages rendered by their views: anonymous reads from the page cache would measure the cache, not what
        # a long thread costs (which every signed-in reader, and the first anonymous one, pays).
        env = {**bench_env(data_dir), "INFITAH_PAGE_CACHE_SECONDS": "0"}
        run([*INFITAH, "migrate", "--verbosity", "0"], env)
        os.environ.update(env)
        pages, long_contribution, sessions = make_rows()
        print(f"  rows made in {time.monotonic() - started:.0f} s", flush=True)
        port = free_port()
        log_path = Path(data_dir) / "server.log"
        with log_path.open("w") as log:
            server = start_server(env, port, log)
            try:
                wait_until_up(server, port, timeout=300)  # the first start collects the static files
                ratios = throughput(port, pages)
                for name, ratio in ratios.items():
                    goal(f"{name} page, {LONG:,} vs {SHORT} comments (rps ratio)", measured=ratio, target=0.9)
                label = "consultations.contribution"
                comments_url = f"/ar/participation/comments/{label}/{long_contribution.pk}/"
                url = pages["contribution"][1]
                acknowledged, latencies, errors = mixed_load(port, url, comments_url, sessions)
            except RuntimeError as error:
                log.flush()
                print(f"bench failed: {error}\n--- server log (end) ---\n{log_path.read_text()[-2000:]}")
                summary()
                sys.exit(0)
            finally:
                stop_server(server)
        from infitah.participation.models import Comment

        stored = set(Comment.objects.filter(pk__in=acknowledged).values_list("pk", flat=True))
        p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else float("nan")
        print(
            f"mixed load {MIXED_SECONDS} s, {COMMENTERS} commenting, {READERS} reading: {len(latencies)} requests, "
            f"{len(errors)} errors{f' (e.g. {errors[:3]})' if errors else ''}, {len(stored)} of {len(acknowledged)} "
            f"acknowledged comments stored, the thread now {LONG + len(acknowledged):,} comments; "
            f"p95 latency {p95 * 1000:.0f} ms"
        )
        goal(
            "mixed load: acknowledged comments stored (share)",
            measured=len(stored) / max(len(acknowledged), 1),
            target=1,
        )
    print(f"done in {time.monotonic() - started:.0f} s")
    summary()
    sys.exit(0)


if __name__ == "__main__":
    main()
