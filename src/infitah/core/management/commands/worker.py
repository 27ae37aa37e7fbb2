import logging
import os
import socket

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from infitah.core.document_leases import Reaper
from infitah.core.workers import worker_kind


class Command(BaseCommand):
    help = (
        "Run one background task worker for the configured backend: an RQ worker when tasks queue in Redis "
        "(REDIS_URL), else the database worker (infitah db_worker). Reports whose worker died are taken over."
    )

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="Run the tasks waiting now, then exit.")
        parser.add_argument("--name", default="", help="The worker's name (default: host and process id).")

    def handle(self, *args, burst=False, name="", **options):
        logging.basicConfig(level=os.environ.get("LOG_LEVEL", "WARNING"))
        kind = worker_kind()
        name = name or f"{socket.gethostname()}-{os.getpid()}"
        if kind == "none":
            raise CommandError("Tasks run inside the request (INFITAH_TASK_BACKEND): there is no queue to work on.")
        reaper = Reaper().start()
        try:
            if kind == "rq":
                self.run_rq(burst, name)
            else:
                options = {"batch": True} if burst else {}
                call_command("db_worker", reload=False, worker_id=name[:64], **options)
        finally:
            reaper.stop()

    def run_rq(self, burst, name):
        import django_rq
        from django_tasks_rq import Job

        # Each task runs in a forked child (RQ's work horse): a report's memory is given back when it ends.
        worker = django_rq.get_worker("default", job_class=Job, name=name)
        worker.work(burst=burst, with_scheduler=True, logging_level=os.environ.get("LOG_LEVEL", "WARNING"))
