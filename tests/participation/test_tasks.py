"""Background tasks: queued in the database by default, run by `infitah db_worker`; the demo starts one."""

import pytest
from django.core import mail
from django.core.management import call_command

from infitah.participation.comments import post_comment
from infitah.participation.follows import follow
from infitah.participation.models import Notification


def test_the_database_backend_is_the_default_outside_the_tests():
    # The settings module as loaded, before tests/conftest.py swaps in the immediate backend.
    # With REDIS_URL the queue is Redis (tests/core/test_task_queue.py); the database app stays installed for
    # `infitah db_worker` and the results already in its table.
    import os

    from infitah import settings as project_settings

    expected = "django_tasks_rq.RQBackend" if os.environ.get("REDIS_URL") else "django_tasks_db.DatabaseBackend"
    assert project_settings.TASKS["default"]["BACKEND"] == expected
    assert {"django_tasks", "django_tasks_db"} <= set(project_settings.INSTALLED_APPS)


@pytest.mark.django_db(transaction=True)
def test_a_notification_e_mail_waits_in_the_queue_until_the_worker_runs(settings, discussion, citizen, neighbour):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
    follow(neighbour, discussion)

    post_comment(citizen, discussion, "Queued news")

    assert mail.outbox == [], "nothing is mailed during the request"
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert [m.to for m in mail.outbox] == [[neighbour.email]]
    assert Notification.objects.get().emailed_at is not None


def test_the_demo_serves_with_one_worker(monkeypatch):
    from infitah.core.management.commands import demo

    calls = []
    monkeypatch.setattr(demo, "call_command", lambda name, **options: calls.append((name, options)))
    monkeypatch.setattr(demo, "demo_loaders", list)

    demo.Command().handle(port=8123, no_serve=False)

    assert ("serve", {"port": 8123, "host": "127.0.0.1", "with_worker": True}) in calls


def test_a_stopping_worker_is_asked_first_then_killed(monkeypatch):
    import subprocess
    import sys

    from infitah.core.management.commands import serve

    monkeypatch.setattr(serve, "WORKER_GRACE_SECONDS", 0.5)
    stubborn = subprocess.Popen(  # noqa: S603 - a child that ignores SIGTERM
        [
            sys.executable,
            "-c",
            "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print(1, flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
    )
    stubborn.stdout.readline()
    polite = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])  # noqa: S603

    serve.stop_process(stubborn)
    serve.stop_process(polite)

    assert stubborn.returncode == -9
    assert polite.returncode == -15
