"""The demo data, as `infitah demo` loads it: every installed app's loader, in the order of their dependencies."""

from django.utils.module_loading import import_string

from infitah.core.capabilities import demo_loaders
from infitah.core.search import bulk_changes


def load_demo() -> list[tuple[object, str]]:
    """Load every app's demo data; the demo logins (role, e-mail)."""
    logins = []
    with bulk_changes():  # the search index is built once, at the end, as `infitah demo` does
        for _label, loader in demo_loaders():
            logins.extend(import_string(loader)() or [])
    return logins
