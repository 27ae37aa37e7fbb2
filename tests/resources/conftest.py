import pytest

from tests.people import (
    People,
    english_messages,  # noqa: F401 - automatic for every test here
)


@pytest.fixture
def people(db):
    return People()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
