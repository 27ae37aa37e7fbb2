"""Background tasks (django-tasks) of the catalogue: preparing the export of a large dataset (prepared.py)."""

from django_tasks import task

from infitah.opendata import prepared


@task()
def prepare_export(key: str, format_key: str, language: str, version: str) -> bool:
    return prepared.prepare(key, format_key, language, version) is not None
