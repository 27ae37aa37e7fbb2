from django.core.signals import request_finished
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate

from infitah.core import capabilities


class ApiConfig(capabilities.CapabilityConfig):
    name = "infitah.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        super().ready()
        from infitah.api import counting

        # Every write moves the stamps the lists' cached totals are checked against (counting.py).
        connection_created.connect(counting.install, dispatch_uid="infitah.api.counting")
        request_finished.connect(counting.flush_deferred, dispatch_uid="infitah.api.counting")
        post_migrate.connect(counting.after_migrate, sender=self, dispatch_uid="infitah.api.counting")
        for connection in connections.all(initialized_only=True):
            counting.install(sender=None, connection=connection)
