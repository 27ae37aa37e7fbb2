from django.core.signals import request_finished
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class CoreConfig(capabilities.CapabilityConfig):
    name = "infitah.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        super().ready()
        from infitah.core import counting

        # Every write moves the stamps that kept totals and figures are checked against (counting.py).
        connection_created.connect(counting.install, dispatch_uid="infitah.core.counting")
        request_finished.connect(counting.flush_deferred, dispatch_uid="infitah.core.counting")
        post_migrate.connect(counting.after_migrate, sender=self, dispatch_uid="infitah.core.counting")
        for connection in connections.all(initialized_only=True):
            counting.install(sender=None, connection=connection)
