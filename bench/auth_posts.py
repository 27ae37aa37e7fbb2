"""How long the login and sign-up POSTs take, and where the time goes (issue 8: "2–3 s on this machine").

    .venv/bin/python bench/auth_posts.py

A throw-away INFITAH_DATA_DIR with SQLite (`infitah migrate`), the platform's own settings (its password hasher,
its cache, its e-mail backend writing to the console), then Django's test client in this process: the median of a
few POSTs of each kind, and for each the number of password hashes computed and their share of the time. A
password hash at the strength Django recommends is meant to be slow (a few hundred milliseconds): a POST that
computes two is twice as slow as it needs to be. Prints a table; asserts nothing.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

ROUNDS = 3
# The settings before issue 8's fix (Django's PBKDF2 first, and Django's ModelBackend listed before allauth's, so a
# failed login hashed twice), then the platform's own.
CONFIGURATIONS = {
    "before": {
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.PBKDF2PasswordHasher"],
        "AUTHENTICATION_BACKENDS": [
            "django.contrib.auth.backends.ModelBackend",
            "allauth.account.auth_backends.AuthenticationBackend",
        ],
    },
    "now": {},
}
PASSWORD = "a long sentence nobody guesses 42"  # noqa: S105 - a throw-away account of the bench


def main():
    data_dir = Path(tempfile.mkdtemp(prefix="infitah-bench-auth-"))
    for name in ("DATABASE_URL", "REDIS_URL", "DEBUG"):
        os.environ.pop(name, None)
    os.environ.update(
        INFITAH_DATA_DIR=str(data_dir),
        INFITAH_HTTPS="false",
        ALLOWED_HOSTS="testserver",
        INFITAH_STATIC_STORAGE="django.contrib.staticfiles.storage.StaticFilesStorage",
        DJANGO_SETTINGS_MODULE="infitah.settings",
    )
    infitah = Path(sys.executable).with_name("infitah")
    subprocess.run([str(infitah), "migrate", "-v", "0"], check=True)

    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import hashers
    from django.core.cache import cache
    from django.test import Client, override_settings

    from infitah.accounts.models import User

    spent = {"hashes": 0, "seconds": 0.0}

    def counted(method):
        def timed(self, *args, **kwargs):
            if spent.get("inside"):  # PBKDF2's verify() calls its encode(): one hash
                return method(self, *args, **kwargs)
            spent["inside"], start = True, time.perf_counter()
            try:
                return method(self, *args, **kwargs)
            finally:
                spent["inside"] = False
                spent["hashes"] += 1
                spent["seconds"] += time.perf_counter() - start

        return timed

    # A check is verify(); a new password, or the dummy hash for an unknown address, is encode().
    for each in (hashers.Argon2PasswordHasher, hashers.PBKDF2PasswordHasher):
        each.encode = counted(each.encode)
        each.verify = counted(each.verify)

    user = User.objects.create_user("owner@example.ma", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    def post(path, data, address):
        cache.clear()  # rate limits are not what is measured
        client = Client(REMOTE_ADDR=address)
        spent.update(hashes=0, seconds=0.0)
        start, cpu = time.perf_counter(), time.process_time()
        with redirect_stdout(StringIO()):  # the console e-mail backend
            response = client.post(path, data)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        return wall, spent["hashes"], spent["seconds"], response.status_code, cpu

    cases = {
        "login, right password": lambda n: post(
            "/ar/accounts/login/", {"login": user.email, "password": PASSWORD}, f"10.0.0.{n}"
        ),
        "login, wrong password": lambda n: post(
            "/ar/accounts/login/", {"login": user.email, "password": "wrong"}, f"10.0.1.{n}"
        ),
        "login, unknown address": lambda n: post(
            "/ar/accounts/login/", {"login": f"nobody{n}@example.ma", "password": "wrong"}, f"10.0.2.{n}"
        ),
        "sign-up": lambda n: post(
            "/ar/accounts/signup/",
            {"email": f"new{n}@example.ma", "password1": PASSWORD, "password2": PASSWORD, "full_name": "N"},
            f"10.0.3.{n}",
        ),
    }
    post("/ar/accounts/login/", {"login": user.email, "password": PASSWORD}, "10.9.9.9")  # warm-up

    cache_backend = settings.CACHES["default"]["BACKEND"]
    print(f"{time.strftime('%Y-%m-%d %H:%M %Z')} · cache: {cache_backend} · medians of {ROUNDS} POSTs")
    # CPU time is the process's own work: on a machine shared with other busy processes it is the steadier figure.
    print(f"{'configuration':<14} {'POST':<24} {'wall':>8} {'CPU':>8} {'hashes':>7} {'in hashing':>11}  status")
    for configuration, overrides in CONFIGURATIONS.items():
        with override_settings(**overrides):
            hashers.get_hashers.cache_clear()
            hashers.get_hashers_by_algorithm.cache_clear()
            User.objects.filter(pk=user.pk).update(password=hashers.make_password(PASSWORD))
            for name, run in cases.items():
                results = [run(n) for n in range(ROUNDS)]
                wall = statistics.median(r[0] for r in results)
                hashes = statistics.median(r[1] for r in results)
                hashing = statistics.median(r[2] for r in results)
                cpu = statistics.median(r[4] for r in results)
                print(
                    f"{configuration:<14} {name:<24} {wall * 1000:>6.0f}ms {cpu * 1000:>6.0f}ms {hashes:>7.0f}"
                    f" {hashing * 1000:>9.0f}ms  {results[0][3]}"
                )
            User.objects.filter(email__startswith="new").delete()


if __name__ == "__main__":
    main()
