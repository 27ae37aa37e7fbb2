"""A task for the queue tests: importable by path, as a worker (another process, with RQ) must import it."""

from django_tasks import task


@task()
def add(a: int, b: int) -> int:
    return a + b
