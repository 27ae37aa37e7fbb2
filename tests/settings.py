"""The test suite's settings: the platform's, plus the minimal capability that proves the seam (tests/noticeboard)."""

from infitah.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.noticeboard"]  # noqa: F405
