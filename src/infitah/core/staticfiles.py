"""Collect static files only when their sources changed.

Collecting with whitenoise's compressed manifest storage takes most of a minute on two cores (every file hashed
and compressed twice), so `infitah serve` must not do it on every start: it collects at install and again only
when a source file was added, removed or changed since the last collection.
"""

import hashlib
import os

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command

FINGERPRINT_NAME = ".sources-fingerprint"


def sources_fingerprint():
    """A digest of every static source file's path, size and modification time, in a stable order."""
    entries = []
    for finder in get_finders():
        for path, storage in finder.list(ignore_patterns=["CVS", ".*", "*~"]):
            entries.append(f"{path}\0{_size_and_time(storage.path(path))}")
    entries.sort()
    digest = hashlib.sha256()
    digest.update(settings.STORAGES["staticfiles"]["BACKEND"].encode())
    for entry in entries:
        digest.update(entry.encode("utf-8", "surrogateescape"))
        digest.update(b"\n")
    return digest.hexdigest()


def _size_and_time(filename):
    result = os.stat(filename)
    return f"{result.st_size}:{result.st_mtime_ns}"


def collect_if_changed(stdout=None):
    """Collect static files unless the last collection was made from the same sources. Returns True if it collected."""
    marker = settings.STATIC_ROOT / FINGERPRINT_NAME
    current = sources_fingerprint()
    if marker.exists() and marker.read_text() == current:
        return False
    if stdout is not None:
        stdout.write("Collecting static files (once, after install or when they change)…")
    call_command("collectstatic", interactive=False, verbosity=0)
    marker.write_text(current)
    return True
