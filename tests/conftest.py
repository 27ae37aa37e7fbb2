import shutil
import tempfile
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # Plain static storage: tests must not depend on a prior collectstatic.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.LANGUAGE_COOKIE_SECURE = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background tasks run at once, in the test's thread and transaction.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": []}}
    if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        # Without Redis the platform's cache is in the database; tests that touch no database still need one.
        # The shared cache itself is tested where it matters (tests/accounts/test_login_throttle.py).
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _fresh_cache(_test_settings):
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    cache.clear()
    # Transactional tests flush the database and content types come back with new ids; the manager's
    # process-wide cache would hand out the old ones (seen after the browser tests' serialized rollback).
    ContentType.objects.clear_cache()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """A test that activates a language (a demo loader, a mail in someone's language) must not change the
    addresses the next test builds."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, test in a WAL file like the demo and production do, not in Django's shared in-memory
    database: that one locks whole tables and fails concurrent writers at once ("database table is
    locked") instead of queueing them, so the concurrency tests would test the test database."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # In memory-backed storage when the machine has it: a file, without waiting for the disk.
        shm = Path("/dev/shm")
        where = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() else tmp_path_factory.mktemp("database")
        database.setdefault("TEST", {})["NAME"] = str(where / "test.sqlite3")
        yield
        shutil.rmtree(where, ignore_errors=True)
    else:
        yield
