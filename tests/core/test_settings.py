"""An operator configures Infitah from the environment alone, and production is safe by default.

Settings are read once per process, so each case runs in a fresh subprocess with its own environment.
"""

import json
import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest

CONSOLE_SCRIPT = Path(sys.executable).with_name("infitah")
INFITAH = [str(CONSOLE_SCRIPT)] if CONSOLE_SCRIPT.exists() else [sys.executable, "-m", "infitah"]
# Variables of the machine running the tests that would leak into the "production" under test.
INHERITED_CONFIGURATION = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
}


def random_secret_key():
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(60))


@pytest.fixture
def production_env(tmp_path):
    """The environment of a production deployment: a real secret, one host, HTTPS on (the default)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in INHERITED_CONFIGURATION and not name.startswith(("INFITAH_", "EMAIL_"))
    }
    env.update(
        SECRET_KEY=random_secret_key(),
        ALLOWED_HOSTS="infitah.example.ma",
        INFITAH_DATA_DIR=str(tmp_path / "data"),
    )
    return env


def deploy_check(env):
    return subprocess.run(  # noqa: S603 - our own console command with fixed arguments
        [*INFITAH, "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_seen_with(env):
    code = (
        "import json, django\n"
        "from django.conf import settings\n"
        "django.setup()\n"
        "print(json.dumps({\n"
        "    'cache': settings.CACHES['default']['BACKEND'],\n"
        "    'cache_location': settings.CACHES['default'].get('LOCATION'),\n"
        "    'session_engine': settings.SESSION_ENGINE,\n"
        "    'database': settings.DATABASES['default']['ENGINE'],\n"
        "    'database_name': settings.DATABASES['default']['NAME'],\n"
        "}))\n"
    )
    result = subprocess.run(  # noqa: S603 - the running interpreter with a fixed script
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "infitah.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_the_deployment_check_finds_nothing_in_production(production_env):
    result = deploy_check(production_env)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output


def test_the_deployment_check_fails_when_debug_is_left_on(production_env):
    result = deploy_check({**production_env, "DEBUG": "true"})
    assert result.returncode != 0
    assert "security.W018" in result.stderr  # "You should not have DEBUG set to True in deployment."


def test_the_deployment_check_fails_when_https_is_turned_off(production_env):
    result = deploy_check({**production_env, "INFITAH_HTTPS": "false"})
    assert result.returncode != 0
    assert "security.W008" in result.stderr  # SECURE_SSL_REDIRECT


def test_without_services_the_platform_uses_sqlite_in_the_data_dir_and_a_cache_every_process_shares(production_env):
    seen = settings_seen_with(production_env)
    assert seen["database"] == "django.db.backends.sqlite3"
    assert seen["database_name"] == str(Path(production_env["INFITAH_DATA_DIR"]).resolve() / "infitah.sqlite3")
    # In the database, not in each process's memory: login limits hold across gunicorn's workers.
    assert seen["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert seen["cache_location"] == "infitah_cache"


def test_redis_url_moves_the_cache_and_sessions_to_redis(production_env):
    seen = settings_seen_with({**production_env, "REDIS_URL": "redis://127.0.0.1:6379/3"})
    assert seen["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert seen["cache_location"] == "redis://127.0.0.1:6379/3"
    # Sessions read through the cache; rate limits (django-allauth) use the default cache, hence Redis too.
    assert seen["session_engine"] == "django.contrib.sessions.backends.cached_db"


def test_database_url_selects_postgresql(production_env):
    seen = settings_seen_with({**production_env, "DATABASE_URL": "postgres://infitah@db.internal:5432/infitah"})
    assert seen["database"] == "django.db.backends.postgresql"
    assert seen["database_name"] == "infitah"
