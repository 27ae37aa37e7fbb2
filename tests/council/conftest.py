import pytest

from tests.people import english_messages  # noqa: F401 - automatic for every test here
from tests.petitions.conftest import PetitionPeople


@pytest.fixture
def people(db):
    return PetitionPeople()
