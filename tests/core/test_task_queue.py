"""Background tasks queue in Redis (RQ, django-tasks-rq) when REDIS_URL is set, in the database otherwise; the
worker started by `infitah worker` (and `infitah serve --with-worker`) is the one of the configured queue.

The suite runs on both set-ups (SQLite alone, PostgreSQL with Redis in CI): each test asserts the branch it is on."""

import os

import pytest
from django.core.management import call_command
from django_tasks.base import TaskResultStatus

from tests.core.queue_tasks import add


def configured_tasks():
    # The settings module as loaded, before tests/conftest.py swaps in the immediate backend.
    from infitah import settings as project_settings

    return project_settings.TASKS, project_settings.INSTALLED_APPS


def test_tasks_queue_in_redis_when_redis_is_configured_and_in_the_database_otherwise():
    from infitah import settings as project_settings

    tasks, installed = configured_tasks()
    if os.environ.get("REDIS_URL"):
        assert tasks["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
        assert "django_rq" in installed
        assert project_settings.RQ_QUEUES["default"]["URL"] == os.environ["REDIS_URL"]
    else:
        assert tasks["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
        assert "django_rq" not in installed


@pytest.mark.django_db(transaction=True)
def test_a_queued_task_runs_on_the_worker_and_its_result_is_visible(settings):
    settings.TASKS = configured_tasks()[0]
    if os.environ.get("REDIS_URL"):
        import django_rq

        django_rq.get_queue("default").empty()  # jobs another run left behind would run in this burst
    queued = add.enqueue(2, 3)
    assert queued.status == TaskResultStatus.READY, "nothing runs before a worker takes it"

    call_command("worker", burst=True)

    queued.refresh()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert queued.return_value == 5
    expected = "RQBackend" if os.environ.get("REDIS_URL") else "DatabaseBackend"
    assert type(queued.task.get_backend()).__name__ == expected


def test_serve_with_worker_starts_the_worker_of_the_configured_queue(monkeypatch):
    from infitah.core.management.commands import serve

    started = []
    monkeypatch.setattr(serve.subprocess, "Popen", lambda command: started.append(command))
    serve.Command().start_worker()

    assert started[0][-2:] == ["infitah", "worker"]


def test_the_worker_refuses_to_start_when_tasks_run_inside_the_request(settings):
    from django.core.management.base import CommandError

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": []}}
    with pytest.raises(CommandError, match="no queue"):
        call_command("worker", burst=True)
