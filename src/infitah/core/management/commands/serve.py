import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Infitah with a production WSGI server (gunicorn), static files included."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("INFITAH_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("INFITAH_THREADS", "4")))
        parser.add_argument("--no-collectstatic", action="store_true")

    def handle(self, *args, host, port, workers, threads, no_collectstatic, **options):
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Infitah on http://{host}:{port}/ ({workers} workers × {threads} threads)")
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
        os.execv(sys.executable, command)  # noqa: S606 - replace this process so signals reach gunicorn
