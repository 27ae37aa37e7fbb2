"""Reading a whole database past the ORM, to compare two of them table by table and row by row."""

import sqlite3
import uuid
from contextlib import closing, contextmanager

import psycopg
from django.apps import apps
from django.db import connection


def model_tables():
    """The table of every installed model, the many-to-many join tables included."""
    return {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def _sqlite_contents(raw):
    tables = [name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {table: sorted(raw.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}  # noqa: S608


def _postgres_contents(raw):
    with raw.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        tables = [name for (name,) in cursor.fetchall()]
        contents = {}
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            contents[table] = sorted(cursor.fetchall(), key=repr)
        # Where each table's ids go on from: a restored database must not hand out an id twice.
        cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")
        contents["(sequences)"] = sorted(cursor.fetchall(), key=repr)
    return contents


def contents(url_or_path):
    """{table: sorted rows} of every table of a database (SQLite file path, or a postgres:// URL)."""
    if str(url_or_path).startswith("postgres"):
        with closing(psycopg.connect(str(url_or_path))) as raw:
            return _postgres_contents(raw)
    with closing(sqlite3.connect(url_or_path)) as raw:
        return _sqlite_contents(raw)


def live_database():
    """The test database itself, as `contents` takes it."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return settings["NAME"]
    return _postgres_url(settings, settings["NAME"])


def _postgres_url(settings, name):
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}"


@contextmanager
def fresh_database(tmp_path):
    """The DATABASE_URL of a new, empty database of the same kind: a file for SQLite, a database named backup_rt_…
    on the same server for PostgreSQL (dropped afterwards)."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}", str(tmp_path / "restored.sqlite3")
        return
    name = f"backup_rt_{uuid.uuid4().hex[:10]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        url = _postgres_url(connection.settings_dict, name)
        yield url, url
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def column_values(url_or_path, table, column):
    """Every value of one column of one table of a database (SQLite file path, or a postgres:// URL)."""
    sql = f'SELECT "{column}" FROM "{table}"'  # noqa: S608 - names from the model, not from input
    if str(url_or_path).startswith("postgres"):
        with closing(psycopg.connect(str(url_or_path))) as raw, raw.cursor() as cursor:
            cursor.execute(sql)
            return [value for (value,) in cursor.fetchall()]
    with closing(sqlite3.connect(url_or_path)) as raw:
        return [value for (value,) in raw.execute(sql).fetchall()]
