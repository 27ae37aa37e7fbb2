import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand

from infitah.core.site import served_site_url
from infitah.core.staticfiles import collect_if_changed
from infitah.core.workers import worker_kind

# How long a stopping background worker may take to finish its current task before it is killed.
WORKER_GRACE_SECONDS = 10


class Command(BaseCommand):
    help = "Serve Infitah with a production WSGI server (gunicorn), static files included."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("INFITAH_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("INFITAH_THREADS", "4")))
        parser.add_argument("--no-collectstatic", action="store_true")
        parser.add_argument(
            "--with-worker",
            action="store_true",
            help="Also run one background task worker (infitah worker: RQ with REDIS_URL, else the database "
            "worker) as a child process, stopped on exit.",
        )

    def handle(self, *args, host, port, workers, threads, no_collectstatic, with_worker=False, **options):
        if not no_collectstatic:
            collect_if_changed(stdout=self.stdout)
        self.stdout.write(f"Infitah on http://{host}:{port}/ ({workers} workers × {threads} threads)")
        # E-mails, feeds and calendars link to the public address; without one set, to this server's. The web
        # processes and the worker started below inherit it.
        os.environ.setdefault("INFITAH_SITE_URL", served_site_url(host, port))
        self.stdout.write(f"Links in e-mails and feeds go to {os.environ['INFITAH_SITE_URL']}/ (INFITAH_SITE_URL)")
        sys.stdout.flush()
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "infitah.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--access-logfile",
            os.environ.get("INFITAH_ACCESS_LOG", "-"),
            "--forwarded-allow-ips",
            os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]
        if not with_worker:
            os.execv(sys.executable, command)  # noqa: S606 - replace this process so signals reach gunicorn
        self.supervise(command)

    def start_worker(self):
        self.stdout.write(f"Background task worker started (infitah worker, {worker_kind()} queue)")
        sys.stdout.flush()
        # The same interpreter and environment as this process: the worker sees the same settings, database and queue.
        return subprocess.Popen([sys.executable, "-m", "infitah", "worker"])  # noqa: S603

    def supervise(self, command):
        """Run gunicorn and one worker side by side; restart the worker if it dies; stop both together."""
        worker = self.start_worker()
        server = subprocess.Popen(command)  # noqa: S603 - our own interpreter and arguments
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True
            if server.poll() is None:
                server.send_signal(signal.SIGTERM)  # gunicorn's graceful shutdown

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            while server.poll() is None:
                if not stopping and worker.poll() is not None:
                    self.stderr.write(f"The background worker stopped (exit code {worker.returncode}); restarting it.")
                    time.sleep(2)
                    worker = self.start_worker()
                time.sleep(0.5)
        finally:
            stop_process(worker)
        sys.exit(server.returncode)


def stop_process(process):
    if process.poll() is not None:
        return
    process.terminate()  # the worker finishes the task in hand, then exits
    try:
        process.wait(WORKER_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
