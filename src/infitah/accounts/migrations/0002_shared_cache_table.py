"""Create the database cache's table when the settings use it (no REDIS_URL): `migrate` is then all a new
deployment runs. Does nothing when the cache is Redis; `createcachetable` skips tables that exist."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=True)]
