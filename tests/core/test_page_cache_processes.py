"""Two web processes, one database: a page cached by node B is not served stale after a change made elsewhere.

Two real `infitah serve --workers 1` processes on free ports share a throw-away database (an SQLite file in a
temporary INFITAH_DATA_DIR; on PostgreSQL, a fresh database on DATABASE_URL's server) and, when REDIS_URL is set,
the Redis cache. Node B caches the network page in its own memory (or Redis); a change made by a separate process
(a Python script with the same environment) must show on node B's next anonymous answer: the stamps live in the
shared cache, so B knows its entry is old.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
CONSOLE_SCRIPT = Path(sys.executable).with_name("infitah")
INFITAH = [str(CONSOLE_SCRIPT)] if CONSOLE_SCRIPT.exists() else [sys.executable, "-m", "infitah"]
START_TIMEOUT = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(env: dict, *command: str) -> str:
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)  # noqa: S603
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def maintenance(url: str) -> str:
    """The server's `postgres` database: DATABASE_URL's own may not exist (the tests use test_<name>)."""
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def fresh_postgres_database(url: str) -> tuple[str, str]:
    """(the new database's URL, its name) on DATABASE_URL's server."""
    import psycopg

    name = f"{urlsplit(url).path.lstrip('/') or 'infitah'}_nodes_{secrets.token_hex(4)}"
    with psycopg.connect(maintenance(url), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}")), name


def drop_postgres_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(maintenance(url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def node_env() -> Iterator[dict]:
    """The environment of both nodes: a migrated throw-away database, plain static files, plain HTTP."""
    data_dir = Path(tempfile.mkdtemp(prefix="infitah-nodes-"))
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH", "")])),
        INFITAH_DATA_DIR=str(data_dir),
        INFITAH_HTTPS="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SETTINGS_MODULE="infitah.settings",
        INFITAH_STATIC_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
        INFITAH_CACHE_PREFIX=f"nodes-{secrets.token_hex(4)}",  # apart from the test process's own keys
        LOG_LEVEL="ERROR",
    )
    server_url = os.environ.get("DATABASE_URL", "")
    database = None
    if server_url.startswith("postgres"):
        env["DATABASE_URL"], database = fresh_postgres_database(server_url)
    try:
        run(env, *INFITAH, "migrate", "--no-input", "-v", "0")
        yield env
    finally:
        if database:
            drop_postgres_database(server_url, database)
        shutil.rmtree(data_dir, ignore_errors=True)


def start_node(env: dict, log) -> tuple[subprocess.Popen, int]:
    port = free_port()
    command = [*INFITAH, "serve", "--port", str(port), "--workers", "1", "--threads", "1", "--no-collectstatic"]
    node = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)  # noqa: S603
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if node.poll() is not None:
            raise AssertionError(f"the node stopped: {Path(log.name).read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return node, port
        except OSError:
            time.sleep(0.3)
    stop_node(node)
    raise AssertionError("the node did not answer /healthz in time")


def stop_node(node: subprocess.Popen) -> None:
    if node.poll() is None:
        node.send_signal(signal.SIGTERM)
        try:
            node.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(node.pid, signal.SIGKILL)
            node.wait(timeout=5)


def fetch(port: int, path: str) -> tuple[str, str]:
    """(the page, its X-Infitah-Cache header) as an anonymous visitor sees it."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return response.read().decode(), response.headers.get("X-Infitah-Cache", "")


SET_NAME = """
from infitah.territories.models import Collectivity, Membership
import datetime, sys
commune, _ = Collectivity.objects.get_or_create(
    code="07.351.01", defaults={"kind": "commune", "name": {"ar": "تمصلوحت", "fr": "x"}, "population": 1}
)
commune.name = {"ar": "تمصلوحت", "fr": sys.argv[-1]}
commune.save()
Membership.objects.get_or_create(collectivity=commune, defaults={"joined_on": datetime.date(2022, 10, 21)})
"""


def set_member_name(env: dict, name: str) -> None:
    """Change the member's name from a third process, as an editor on another node would."""
    run(env, sys.executable, "-c", f"import django, sys; django.setup(); exec({SET_NAME!r})", name)


def test_a_change_made_elsewhere_shows_on_the_next_answer_of_a_node_that_cached_the_page(node_env, tmp_path):
    set_member_name(node_env, "Tamesloht")
    with open(tmp_path / "a.log", "w") as log_a, open(tmp_path / "b.log", "w") as log_b:
        node_a, port_a = start_node(node_env, log_a)
        try:
            node_b, port_b = start_node(node_env, log_b)
            try:
                page, _state = fetch(port_b, "/fr/network/")
                assert "Tamesloht" in page
                page, state = fetch(port_b, "/fr/network/")
                assert state == "hit" and "Tamesloht" in page

                set_member_name(node_env, "Tamesloht-Ville")

                page, state = fetch(port_b, "/fr/network/")
                assert state == "miss" and "Tamesloht-Ville" in page
                page, _state = fetch(port_a, "/fr/network/")
                assert "Tamesloht-Ville" in page
            finally:
                stop_node(node_b)
        finally:
            stop_node(node_a)


def test_a_person_signs_up_on_a_node_as_served_by_default_and_their_account_is_kept(node_env, tmp_path):
    """The configuration `make demo` serves (on SQLite the stamps in the database's own cache table, the page cache
    on): a sign-up writes outside any transaction, which once lost the new account (a server error, nothing kept)."""
    import http.cookiejar
    import re
    from urllib.parse import urlencode

    email = f"yassine.{secrets.token_hex(3)}@example.ma"
    with open(tmp_path / "node.log", "w") as log:
        node, port = start_node(node_env, log)
        try:
            browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
            signup = f"http://127.0.0.1:{port}/fr/accounts/signup/"
            with browser.open(signup, timeout=30) as form:
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.read().decode()).group(1)
            password = "a long sentence nobody guesses 42"
            fields = {"csrfmiddlewaretoken": token, "email": email, "full_name": "Yassine", "password1": password}
            with browser.open(signup, urlencode({**fields, "password2": password}).encode(), timeout=30) as answer:
                assert answer.status == 200 and "/accounts/confirm-email/" in answer.url
        finally:
            stop_node(node)
    kept = run(
        node_env,
        sys.executable,
        "-c",
        "import django, sys; django.setup(); from infitah.accounts.models import User; "
        "print(User.objects.filter(email=sys.argv[-1]).count())",
        email,
    )
    assert kept.strip() == "1"
