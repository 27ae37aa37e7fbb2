"""A report whose worker died (`kill -9`) mid-way is finished by another worker: the producing worker's heartbeat
stops, the lease runs out, a reaper puts the report back in the queue and the next worker produces it."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TASK_MAX_PRIORITY

from infitah.consultations.models import ReportDocument, ReportStatus
from infitah.consultations.report_tasks import build_report_pdf
from infitah.core import document_leases


def left_by_a_dead_worker(consultation, seconds_since_last_heartbeat):
    """A report a worker claimed and was producing (40 %) when it was killed."""
    return ReportDocument.objects.create(
        consultation=consultation,
        language="ar",
        fingerprint="x",
        status=ReportStatus.RUNNING,
        progress=40,
        heartbeat_at=timezone.now() - datetime.timedelta(seconds=seconds_since_last_heartbeat),
    )


@pytest.mark.django_db(transaction=True)
def test_a_report_whose_worker_died_is_finished_by_another_worker(settings, consultation):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
    settings.INFITAH_DOCUMENT_LEASE_SECONDS = 60
    lost = left_by_a_dead_worker(consultation, seconds_since_last_heartbeat=61)

    assert document_leases.reap_abandoned() == [("consultations.ReportDocument", lost.pk)]
    lost.refresh_from_db()
    assert lost.status == ReportStatus.QUEUED

    call_command("worker", burst=True)  # the other worker

    lost.refresh_from_db()
    assert lost.status == ReportStatus.DONE and lost.progress == 100
    assert lost.file.read().startswith(b"%PDF")


@pytest.mark.django_db
def test_a_report_with_a_live_worker_is_left_to_it(settings, consultation, django_capture_on_commit_callbacks):
    settings.INFITAH_DOCUMENT_LEASE_SECONDS = 60
    alive = left_by_a_dead_worker(consultation, seconds_since_last_heartbeat=30)

    assert document_leases.reap_abandoned() == []
    build_report_pdf.call(alive.pk)  # the same job queued twice: the second copy leaves it to the live worker

    alive.refresh_from_db()
    assert alive.status == ReportStatus.RUNNING and alive.progress == 40


@pytest.mark.django_db
def test_two_reapers_queue_an_abandoned_report_once(settings, consultation):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
    settings.INFITAH_DOCUMENT_LEASE_SECONDS = 60
    lost = left_by_a_dead_worker(consultation, seconds_since_last_heartbeat=600)

    first = document_leases.reap_abandoned()
    second = document_leases.reap_abandoned()

    assert first == [("consultations.ReportDocument", lost.pk)] and second == []
    assert [job.args_kwargs["args"] for job in DBTaskResult.objects.all()] == [[lost.pk]]
    assert DBTaskResult.objects.get().priority == TASK_MAX_PRIORITY, "ahead of the tasks queued since"


@pytest.mark.parametrize(
    ("status", "seconds_ago", "abandoned"),
    [
        ("running", 61, True),
        ("running", 59, False),
        ("running", None, True),
        ("queued", 600, False),
        ("done", 600, False),
    ],
)
def test_only_a_running_report_past_its_lease_is_abandoned(settings, status, seconds_ago, abandoned):
    settings.INFITAH_DOCUMENT_LEASE_SECONDS = 60
    now = timezone.now()
    heartbeat = None if seconds_ago is None else now - datetime.timedelta(seconds=seconds_ago)
    assert document_leases.is_abandoned(status, heartbeat, now) is abandoned


@pytest.mark.django_db
def test_a_report_whose_requeue_failed_is_tried_again_at_the_next_round(settings, consultation, monkeypatch):
    settings.INFITAH_DOCUMENT_LEASE_SECONDS = 60
    lost = left_by_a_dead_worker(consultation, seconds_since_last_heartbeat=600)

    def queue_away(task, document_id):
        raise ConnectionError("the queue is away")

    monkeypatch.setattr(document_leases, "requeue", queue_away)
    with pytest.raises(ConnectionError):
        document_leases.reap_abandoned()
    lost.refresh_from_db()
    assert lost.status == ReportStatus.RUNNING, "still abandoned, so still the reaper's to queue again"

    monkeypatch.undo()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}
    assert document_leases.reap_abandoned() == [("consultations.ReportDocument", lost.pk)]
