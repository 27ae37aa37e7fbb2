import os
import shutil
import tempfile
from importlib import import_module
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Property tests must not depend on the machine's speed: no per-example deadline and no "too slow" health check
# anywhere; in CI (CI=true) also derandomized, so a run is repeatable.
hypothesis_settings.register_profile(
    "infitah", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
hypothesis_settings.register_profile("ci", parent=hypothesis_settings.get_profile("infitah"), derandomize=True)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "infitah")


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
    # The page cache is off by default in tests: many tests read `response.context`, which a page served from the
    # cache does not have. tests/core/test_page_cache*.py turn it on (`page_cache` fixture) and test it.
    settings.INFITAH_PAGE_CACHE_SECONDS = 0
    if "pages" not in settings.CACHES:
        settings.CACHES = {**settings.CACHES, "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _fresh_cache(_test_settings):
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache, caches

    from infitah.core import partobjects

    cache.clear()
    caches["pages"].clear()
    partobjects.forget()  # kept per copy, whose name holds random stamps: never met again, but a test starts clean
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


@pytest.fixture(autouse=True)
def _shipped_regions(request):
    """Every database test starts with what data migrations ship (the twelve regions, the petition thresholds, the
    categories of proactive publication), whatever ran before it.

    A transactional test ends by emptying the tables (the regions with them). pytest-django runs those tests last
    and pytest-randomly shuffles within that grouping, but a test must not rely on its place in the run: if the
    regions are gone, put them back the way the migration does.
    """
    marker = request.node.get_closest_marker("django_db")
    uses_database = marker is not None or {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    if not uses_database:
        return
    request.getfixturevalue("_django_db_helper")
    from django.apps import apps

    from infitah.information.models import PublicationCategory
    from infitah.petitions.models import ThresholdRule
    from infitah.territories.models import Collectivity, CollectivityKind

    if not Collectivity.objects.filter(kind=CollectivityKind.REGION).exists():
        import_module("infitah.territories.migrations.0002_regions").add_regions(apps, None)
    if not ThresholdRule.objects.exists():
        import_module("infitah.petitions.migrations.0002_shipped_thresholds").ship(apps, None)
    if not PublicationCategory.objects.exists():
        import_module("infitah.information.migrations.0002_publication_categories").add_categories(apps, None)


def pytest_collection_modifyitems(items):
    """Every transactional test restores the database it found (serialized rollback).

    A transactional test ends by emptying the tables. Without serialized rollback Django then re-creates the
    content types with new ids, and the next test that does restore its data (the browser tests) fails on
    duplicate content types: the suite passed only in one order. With every transactional test restoring, any
    order works.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        transactional = kwargs.get("transaction") or {"transactional_db", "live_server"} & set(item.fixturenames)
        if transactional and not kwargs.get("serialized_rollback"):
            kwargs.update(transaction=True, serialized_rollback=True)
            # First among the item's own markers, so that it is the closest one pytest-django reads.
            item.own_markers.insert(0, pytest.mark.django_db(**kwargs).mark)
