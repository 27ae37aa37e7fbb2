"""Signatures under load (issue 12): 5,000 people sign one petition through `infitah serve` on PostgreSQL from 50
concurrent clients, with 500 duplicates mixed in (an account signing twice, another account typing a number
already used). Checks that every acknowledged signature is stored exactly once, every duplicate is refused and the
count is exact; prints the throughput as a ratio to plain single-row INSERTs of the same rows, from as many
concurrent connections, measured in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/petition_signatures.py

DATABASE_URL names a server (its database is only used to create and drop the bench's own, `infitah_bench_sign`).
A throw-away INFITAH_DATA_DIR; the signing limits are raised (every client comes from the loopback address).
"""

import http.client
import os
import queue
import random
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from run import INFITAH, free_port, machine, start_server, stop_server, wait_until_up

SIGNERS = 5000
SAME_ACCOUNT_AGAIN = 300  # an account that already signs sends its signature a second time
SAME_NUMBER_OTHER_ACCOUNT = 200  # another account types a number someone else signs with
CLIENTS = 50
DATABASE = "infitah_bench_sign"


def database_urls():
    server = os.environ.get("DATABASE_URL")
    if not server or not server.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres")
    parts = urlsplit(server)
    return server, urlunsplit(parts._replace(path=f"/{DATABASE}"))


def fresh_database(server_url):
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}"')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')


def environment(data_dir, database_url):
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DEBUG"}}
    env.update(
        DATABASE_URL=database_url,
        INFITAH_DATA_DIR=str(data_dir),
        INFITAH_HTTPS="false",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SETTINGS_MODULE="infitah.settings",
        LOG_LEVEL="ERROR",
        INFITAH_SIGNING_LIMIT_ADDRESS="1000000",
        INFITAH_STATIC_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
    )
    return env


def prepare():
    """The petition, the accounts with their sessions, and the requests: (account index, session key, number)."""
    from importlib import import_module

    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from infitah.accounts.models import User
    from infitah.petitions import services
    from infitah.territories.models import Collectivity, CollectivityKind

    commune = Collectivity.objects.create(
        kind=CollectivityKind.COMMUNE, code="BENCH.1", name={"ar": "جماعة الاختبار", "fr": "Commune du banc"}
    )
    commune.population = 30_000
    commune.save()
    agent = User.objects.create_user("agent@bench.example", "unused password for the bench")
    petition = services.draft_petition(
        agent,
        commune,
        title="Banc d'essai",
        subject="Mesurer les signatures.",
        reasons="Charge.",
        objectives="Exactitude.",
        respects_constitution=True,
    )
    petition = services.open_signing(agent, petition)
    accounts = SIGNERS + SAME_NUMBER_OTHER_ACCOUNT
    users = [User(email=f"signer{i}@bench.example", full_name=f"Signer {i}") for i in range(accounts)]
    for user in users:
        user.set_unusable_password()
    users = User.objects.bulk_create(users)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users]
    )
    engine = import_module(settings.SESSION_ENGINE)
    sessions = []
    for user in users:
        session = engine.SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        sessions.append(session.session_key)
    numbers = [f"BE{100000 + i}" for i in range(SIGNERS)]
    rng = random.Random(12)
    requests = [(i, sessions[i], numbers[i]) for i in range(SIGNERS)]
    requests += [(i, sessions[i], numbers[i]) for i in rng.sample(range(SIGNERS), SAME_ACCOUNT_AGAIN)]
    taken = rng.sample(range(SIGNERS), SAME_NUMBER_OTHER_ACCOUNT)
    requests += [(SIGNERS + k, sessions[SIGNERS + k], numbers[i]) for k, i in enumerate(taken)]
    rng.shuffle(requests)
    return petition, commune, users, requests


def sign_all(port, petition_pk, commune_pk, requests):
    """Every request POSTed by CLIENTS threads; returns ({request index: status}, seconds)."""
    csrf = secrets.token_hex(16)  # an unmasked 32-character secret: the cookie and the form's token
    work = queue.Queue()
    for index, request in enumerate(requests):
        work.put((index, request))
    statuses = {}
    page = f"/fr/petitions/{petition_pk}/"
    path = f"{page}sign/"

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            try:
                index, (_account, session_key, number) = work.get_nowait()
            except queue.Empty:
                break
            body = urlencode(
                {
                    "csrfmiddlewaretoken": csrf,
                    "full_name": "Signataire",
                    "national_id": number,
                    "basis": "residence",
                    "commune": commune_pk,
                    "confirm": "on",
                }
            )
            headers = {
                "Host": "127.0.0.1",
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"sessionid={session_key}; csrftoken={csrf}",
            }
            try:
                connection.request("POST", path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                # Acknowledged: sent back to the petition's page. Refused: the form again, with the reason.
                location = response.getheader("Location") or ""
                statuses[index] = "signed" if response.status == 302 and location.endswith(page) else response.status
            except (OSError, http.client.HTTPException) as error:
                statuses[index] = repr(error)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, time.perf_counter() - started


def plain_inserts(database_url, rows):
    """The same rows as single-row INSERTs in autocommit into a table with the same unique constraints."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("DROP TABLE IF EXISTS bench_plain")
        connection.execute(
            "CREATE TABLE bench_plain (id bigserial PRIMARY KEY, petition int, signer int, full_name text,"
            " id_hash text, id_masked text, basis text, commune int, created_at timestamptz DEFAULT now(),"
            " UNIQUE (petition, id_hash), UNIQUE (petition, signer))"
        )
    work = queue.Queue()
    for row in rows:
        work.put(row)

    def client():
        with psycopg.connect(database_url, autocommit=True) as connection:
            while True:
                try:
                    row = work.get_nowait()
                except queue.Empty:
                    return
                connection.execute(
                    "INSERT INTO bench_plain (petition, signer, full_name, id_hash, id_masked, basis, commune)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    row,
                )

    threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def main():
    server_url, database_url = database_urls()
    fresh_database(server_url)
    data_dir = Path(tempfile.mkdtemp(prefix="infitah-bench-sign-"))
    env = environment(data_dir, database_url)
    subprocess.run([*INFITAH, "migrate", "--verbosity", "0"], env=env, check=True)  # noqa: S603
    os.environ.update(env)
    import django

    django.setup()
    from infitah.core.identity import identity_hash, masked
    from infitah.petitions.models import Signature

    petition, commune, users, requests = prepare()
    port = free_port()
    with (data_dir / "server.log").open("w") as log:
        server = start_server(env, port, log)
        try:
            wait_until_up(server, port)
            statuses, seconds = sign_all(port, petition.pk, commune.pk, requests)
        finally:
            stop_server(server)

    acknowledged = [requests[i] for i, status in statuses.items() if status == "signed"]
    refused = [requests[i] for i, status in statuses.items() if status == 200]
    failed = [status for status in statuses.values() if status not in (200, "signed")]
    stored = Signature.objects.filter(petition=petition)
    stored_accounts = set(stored.values_list("signer_id", flat=True))
    hashes = list(stored.values_list("id_hash", flat=True))
    problems = []
    if failed:
        problems.append(f"{len(failed)} requests failed, e.g. {failed[:3]}")
    if len(acknowledged) != SIGNERS or stored.count() != SIGNERS:
        problems.append(f"{len(acknowledged)} acknowledged, {stored.count()} stored, {SIGNERS} expected")
    if len(hashes) != len(set(hashes)):
        problems.append("a number is stored twice")
    if {users[account].pk for account, _key, _number in acknowledged} != stored_accounts:
        problems.append("the acknowledged signatures are not exactly the stored ones")
    if len(refused) != SAME_ACCOUNT_AGAIN + SAME_NUMBER_OTHER_ACCOUNT:
        problems.append(f"{len(refused)} refused, {SAME_ACCOUNT_AGAIN + SAME_NUMBER_OTHER_ACCOUNT} duplicates sent")

    rows = [
        (
            petition.pk,
            users[account].pk,
            "Signataire",
            identity_hash(number, f"petition:{petition.pk}"),
            masked(number),
            "residence",
            commune.pk,
        )
        for account, _key, number in requests
    ]
    plain = plain_inserts(database_url, rows)
    rate, plain_rate = len(requests) / seconds, len(rows) / plain
    print(f"Petition signatures on PostgreSQL, {CLIENTS} concurrent clients ({machine()}):")
    print(f"  requests: {len(requests)} ({SIGNERS} people, {len(requests) - SIGNERS} duplicates)")
    print(f"  acknowledged {len(acknowledged)}, refused {len(refused)}, stored {stored.count()}")
    print(f"  through infitah serve: {rate:8.1f} signatures/s")
    print(f"  plain INSERTs:         {plain_rate:8.1f} rows/s")
    print(f"  ratio:                 {rate / plain_rate:8.3f}")
    for problem in problems:
        print(f"  PROBLEM: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
