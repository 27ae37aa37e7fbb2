"""The database half of a backup: a consistent dump taken while the platform runs, and its restore.

SQLite: the sqlite3 online backup API copies every page in one step from a read transaction, so the copy is the
database as of one instant even in WAL mode and while others write. PostgreSQL: a repeatable-read, read-only
transaction exports its snapshot, `pg_dump --snapshot` dumps exactly that state, and the same transaction reads the
migrations applied and the file names the database refers to.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper


class DatabaseToolMissing(Exception):
    pass


@dataclass(frozen=True)
class Snapshot:
    path: Path  # the dump
    migrations: list[tuple[str, str]]
    referenced_files: set[str]  # every non-empty FileField value in the dumped database


def engine_of(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor == "sqlite":
        return "sqlite"
    if connection.vendor == "postgresql":
        return "postgresql"
    raise ValueError(f"backups support SQLite and PostgreSQL, not {connection.vendor}")


def dump_name(engine: str) -> str:
    return "database/infitah.sqlite3" if engine == "sqlite" else "database/infitah.pgdump"


def file_columns() -> list[tuple[str, str]]:
    """(table, column) of every file field of every installed model: the names a dump must find in the media."""
    return sorted(
        {
            (model._meta.db_table, str(field.column))
            for model in apps.get_models()
            if not model._meta.proxy and model._meta.managed
            for field in model._meta.local_concrete_fields
            if isinstance(field, models.FileField)
        }
    )


def _read_state(cursor: Any, quote: Any) -> tuple[list[tuple[str, str]], set[str]]:
    cursor.execute("SELECT app, name FROM django_migrations")
    migrations = sorted((str(app), str(name)) for app, name in cursor.fetchall())
    referenced: set[str] = set()
    for table, column in file_columns():
        cursor.execute(f"SELECT {quote(column)} FROM {quote(table)} WHERE {quote(column)} <> ''")  # noqa: S608
        referenced.update(str(name) for (name,) in cursor.fetchall() if name)
    return migrations, referenced


@contextmanager
def snapshot(connection: BaseDatabaseWrapper, folder: Path) -> Iterator[Snapshot]:
    """Dump the database into `folder`; the snapshot's state is read from the same instant as the dump."""
    engine = engine_of(connection)
    path = folder / Path(dump_name(engine)).name
    if engine == "sqlite":
        _sqlite_dump(str(connection.settings_dict["NAME"]), path)
        with closing(sqlite3.connect(path)) as copy, closing(copy.cursor()) as cursor:
            migrations, referenced = _read_state(cursor, connection.ops.quote_name)
        yield Snapshot(path, migrations, referenced)
        return
    with closing(connection.get_new_connection(connection.get_connection_params())) as raw:
        raw.autocommit = False
        with closing(raw.cursor()) as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot_id,) = cursor.fetchone()
            # The exporting transaction stays open until pg_dump is done: the snapshot lives as long as it does.
            _run(["pg_dump", "--format=custom", f"--snapshot={snapshot_id}", f"--file={path}"], connection)
            migrations, referenced = _read_state(cursor, connection.ops.quote_name)
        raw.rollback()
    yield Snapshot(path, migrations, referenced)


def _sqlite_dump(name: str, path: Path) -> None:
    with closing(sqlite3.connect(name, timeout=30)) as source, closing(sqlite3.connect(path)) as target:
        source.backup(target)  # all pages in one step: one read transaction, one instant


def restore(connection: BaseDatabaseWrapper, dump: Path) -> None:
    """Replace the whole database by the dump (the platform's processes are stopped: see docs/deployment.md)."""
    connection.close()
    if engine_of(connection) == "sqlite":
        # The backup API writes through SQLite itself, so the WAL and any reader see a whole database, old or new.
        with (
            closing(sqlite3.connect(dump)) as source,
            closing(sqlite3.connect(connection.settings_dict["NAME"])) as target,
        ):
            source.backup(target)
        return
    # One transaction: the schema emptied, then the dump's SQL; any error leaves the database as it was.
    restore_sql = subprocess.Popen(  # noqa: S603 - Debian's pg_restore, fixed arguments
        [_tool("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(dump)],
        stdout=subprocess.PIPE,
        env=_pg_env(connection),
    )
    try:
        _run(
            [
                "psql",
                "--no-psqlrc",
                "--quiet",
                "--single-transaction",
                "--set=ON_ERROR_STOP=1",
                "--command=DROP SCHEMA public CASCADE; CREATE SCHEMA public;",
                "--file=-",
            ],
            connection,
            stdin=restore_sql.stdout,
        )
    finally:
        assert restore_sql.stdout is not None
        restore_sql.stdout.close()
        if restore_sql.wait() != 0:
            raise RuntimeError(f"pg_restore failed (exit status {restore_sql.returncode})")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise DatabaseToolMissing(f"{name} is not installed: on Debian, `apt-get install postgresql-client`.")
    return found


def _pg_env(connection: BaseDatabaseWrapper) -> dict[str, str]:
    """The server, account and database in libpq's variables (never a password on a command line)."""
    settings = connection.settings_dict
    env = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings.get(key):
            env[variable] = str(settings[key])
    env["PGDATABASE"] = str(settings["NAME"])
    if settings.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = str(settings["OPTIONS"]["sslmode"])
    return env


def _run(command: list[str], connection: BaseDatabaseWrapper, stdin: Any = None) -> None:
    result = subprocess.run(  # noqa: S603 - Debian's PostgreSQL client, fixed arguments
        [_tool(command[0]), *command[1:]],
        env=_pg_env(connection),
        stdin=stdin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")
