"""Which background worker runs the configured task backend: RQ workers when tasks queue in Redis (django-tasks-rq),
django-tasks-db's worker when they queue in the database. Both run the document reaper beside their loop."""

from __future__ import annotations

from django.conf import settings

RQ_BACKEND = "django_tasks_rq.RQBackend"
DB_BACKEND = "django_tasks_db.DatabaseBackend"


def task_backend() -> str:
    return str(settings.TASKS["default"]["BACKEND"])


def uses_redis_queue() -> bool:
    return task_backend() == RQ_BACKEND


def worker_kind() -> str:
    """'rq', 'db', or 'none' when tasks run inside the request (the immediate backend): nothing to start."""
    backend = task_backend()
    if backend == RQ_BACKEND:
        return "rq"
    if backend == DB_BACKEND:
        return "db"
    return "none"
