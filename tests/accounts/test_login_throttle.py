"""Failed logins are throttled per address and per account without locking the owner out."""

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.utils import translation

from infitah.accounts.throttle import Failures, Limits, may_try, recent_failures, record_failure
from tests.accounts.conftest import PASSWORD
from tests.factories import UserFactory


@pytest.fixture(params=["test cache", "database cache"])
def shared_cache(request, settings):
    """Each test below runs with the tests' cache (Redis when REDIS_URL is set) and with the database cache
    that the platform uses without Redis."""
    if request.param == "database cache":
        request.getfixturevalue("db")
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "infitah_cache"}
        }
        from django.core.management import call_command

        call_command("createcachetable", verbosity=0)  # absent from the test database when REDIS_URL is set
    yield
    if request.param == "database cache":
        from django.core.cache import cache

        cache.clear()  # while the test's database is still open
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


LIMITS = Limits(per_address=30, per_address_and_account=5, per_account=10, window_seconds=900)


@pytest.mark.parametrize(
    ("case", "address", "address_and_account", "account", "allowed"),
    [
        ("nothing failed yet", 0, 0, 0, True),
        ("a few typos from one's own address", 4, 4, 4, True),
        ("five failures from this address on this account", 5, 5, 5, False),
        ("the account guessed from many places, the owner at home with no failure", 0, 0, 500, True),
        ("the account guessed from many places, this address among the guessers", 1, 1, 10, False),
        ("the account guessed from many places, its owner mistyped once before", 1, 1, 9, True),
        ("one address guessing many accounts, a new account", 30, 0, 0, False),
        ("one address guessing many accounts, just below the limit", 29, 1, 1, True),
    ],
)
def test_who_may_try_a_password(case, address, address_and_account, account, allowed):
    assert may_try(Failures(address, address_and_account, account), LIMITS) is allowed, case


def test_failures_count_in_a_window_that_slides(db, shared_cache):
    start = 1_000_000 * LIMITS.window_seconds + 600
    for _ in range(3):
        record_failure("203.0.113.5", "amina@example.ma", now=start, limits_=LIMITS)
    assert recent_failures("203.0.113.5", "AMINA@example.ma", now=start, limits_=LIMITS) == Failures(3, 3, 3)
    later = start + LIMITS.window_seconds  # the next window still sees the previous one
    assert recent_failures("203.0.113.5", "amina@example.ma", now=later, limits_=LIMITS) == Failures(3, 3, 3)
    forgotten = start + 2 * LIMITS.window_seconds
    assert recent_failures("203.0.113.5", "amina@example.ma", now=forgotten, limits_=LIMITS) == Failures(0, 0, 0)
    assert recent_failures("198.51.100.7", "amina@example.ma", now=start, limits_=LIMITS) == Failures(0, 0, 3)


def too_many_attempts(language="ar"):
    with translation.override(language):
        return str(DefaultAccountAdapter.error_messages["too_many_login_attempts"])


def log_in(client, email, password, address):
    return client.post("/ar/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_guessing_from_elsewhere_does_not_lock_the_owner_out(client, verified_user, shared_cache):
    attackers = [f"203.0.113.{n}" for n in range(1, 13)]
    for address in attackers:
        for _attempt in range(2):
            log_in(client, verified_user.email, "guess", address)
    # Each guessing address got one try once the account was being guessed from many places.
    refused = log_in(client, verified_user.email, PASSWORD, attackers[-1])
    assert too_many_attempts() in refused.content.decode()
    assert "_auth_user_id" not in client.session

    response = log_in(client, verified_user.email, PASSWORD, "198.51.100.20")  # the owner, at home
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(verified_user.pk)


@pytest.mark.django_db
def test_one_address_cannot_guess_many_accounts(client, shared_cache, settings):
    settings.INFITAH_LOGIN_LIMITS = {"per_address": 8}
    people = [UserFactory(email=f"person{n}@example.ma") for n in range(9)]
    for person in people:
        EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    for person in people[:8]:
        log_in(client, person.email, "guess", "203.0.113.9")
    response = log_in(client, people[8].email, PASSWORD, "203.0.113.9")
    assert too_many_attempts() in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert log_in(client, people[8].email, PASSWORD, "198.51.100.20").status_code == 302


@pytest.fixture
def platform_cache(settings, transactional_db):
    """The cache the platform itself is configured with (Redis with REDIS_URL, else the database cache), here
    and in the worker processes."""
    import importlib

    from django.core.cache import cache

    settings.CACHES = importlib.import_module("infitah.settings").CACHES
    cache.clear()
    yield
    cache.clear()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def worker(tmp_path, address, email, *passwords):
    """Another app process (as gunicorn's workers are), on the same database and cache as this test."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from django.conf import settings
    from django.db import connection

    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{database['NAME']}"
    else:
        url = f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    env = {
        **os.environ,
        # The workers run the platform as `infitah serve` does, without the tests' own capability.
        "DJANGO_SETTINGS_MODULE": "infitah.settings",
        "DATABASE_URL": url,
        "SECRET_KEY": settings.SECRET_KEY,
        "INFITAH_DATA_DIR": str(tmp_path),
        "INFITAH_HTTPS": "false",
        "ALLOWED_HOSTS": "testserver",
        "INFITAH_STATIC_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    script = Path(__file__).with_name("login_worker.py")
    done = subprocess.run(  # noqa: S603 - this repository's worker script, fixed arguments
        [sys.executable, str(script), address, email, *passwords],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_one_limit_across_app_processes(platform_cache, tmp_path):
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    # Stored as the platform stores passwords (the tests' fast hasher is not configured in the workers).
    owner = UserFactory(email="amina@example.ma")
    owner.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    owner.save()
    EmailAddress.objects.create(user=owner, email=owner.email, verified=True, primary=True)

    cafe = "203.0.113.50"
    assert worker(tmp_path, cafe, owner.email, "guess 1", "guess 2", "guess 3") == ["wrong-password"] * 3
    assert worker(tmp_path, cafe, owner.email, "guess 4", "guess 5", PASSWORD) == [
        "wrong-password",
        "wrong-password",
        "too-many-attempts",  # the fifth failure was this process's second: the count is shared
    ]
    assert worker(tmp_path, "198.51.100.20", owner.email, PASSWORD) == ["signed-in"]  # the owner, at home


@pytest.mark.django_db
def test_the_back_offices_login_form_still_signs_staff_in_with_one_backend(client):
    staff = UserFactory(email="admin@example.ma", is_staff=True, is_superuser=True)  # created on the command line
    response = client.post("/ar/admin/login/", {"username": "ADMIN@example.ma", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


@pytest.mark.django_db
def test_the_back_offices_login_form_is_throttled_too(client, settings):
    staff = UserFactory(email="admin@example.ma", is_staff=True, is_superuser=True)
    for _attempt in range(5):
        client.post("/ar/admin/login/", {"username": staff.email, "password": "guess"}, REMOTE_ADDR="203.0.113.7")
    refused = client.post(
        "/ar/admin/login/", {"username": staff.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.7"
    )
    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session
    elsewhere = client.post(
        "/ar/admin/login/", {"username": staff.email, "password": PASSWORD}, REMOTE_ADDR="198.51.100.20"
    )
    assert elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_simultaneous_failures_are_all_counted(platform_cache):
    """Failures arriving together (from several workers) each count once: no read-then-write loses one."""
    from tests.concurrency import in_parallel

    def fail_three_times():
        for _ in range(3):
            record_failure("203.0.113.80", "amina@example.ma", now=1_000_000.0, limits_=LIMITS)

    assert in_parallel([fail_three_times] * 4) == []
    failures = recent_failures("203.0.113.80", "amina@example.ma", now=1_000_000.0, limits_=LIMITS)
    assert failures == Failures(12, 12, 12)
