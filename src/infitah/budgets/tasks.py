"""Background tasks (django-tasks): the import of a budget file."""

from django_tasks import task

from infitah.budgets import services


@task()
def run_import(job_id: int) -> int | None:
    return services.run_import(job_id)
