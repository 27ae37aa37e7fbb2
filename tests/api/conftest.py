import pytest

from tests.people import (
    People,
    english_messages,  # noqa: F401 - automatic for every test here
)


@pytest.fixture
def people(db):
    return People()
