"""`infitah migrate` builds a fresh PostgreSQL database with the shared cache in that database (no REDIS_URL, the
database cache): nothing a migration writes may read the cache's table before the migration that creates it, since
on PostgreSQL a failed statement aborts the whole migration's transaction (SQLite would let it pass).

It runs where the suite runs on PostgreSQL (CI's second pass), on a database of its own, dropped afterwards."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="the suite runs on SQLite"
)


@pytest.fixture
def fresh_database(django_db_blocker):
    name = f"infitah_fresh_{uuid.uuid4().hex[:12]}"
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    settings = connection.settings_dict
    yield f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}"
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_migrate_builds_a_fresh_postgresql_database_with_the_database_cache(fresh_database, tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(DATABASE_URL=fresh_database, INFITAH_DATA_DIR=str(tmp_path))
    infitah = Path(sys.executable).with_name("infitah")
    done = subprocess.run(  # noqa: S603 - our own command
        [infitah, "migrate", "--no-input"], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    shown = subprocess.run(  # noqa: S603 - our own command
        [infitah, "showmigrations", "--plan"], env=env, capture_output=True, text=True, timeout=300, check=True
    )
    assert "[ ]" not in shown.stdout and "[X]" in shown.stdout
