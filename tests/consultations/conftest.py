import pytest

from tests.consultations.factories import ConsultationFactory, published_program
from tests.factories import UserFactory
from tests.people import People as BasePeople
from tests.people import english_messages  # noqa: F401 - automatic for every test here


class People(BasePeople):
    """Commune A's staff (where the consulted program is), B's focal point, a citizen of A, one from elsewhere."""

    def __init__(self):
        super().__init__()
        self.outsider = UserFactory(residence=self.commune_b)

    def make_citizen(self):
        return UserFactory(residence=self.commune_a, gender="female", age_band="25_34")


@pytest.fixture
def people(db):
    return People()


@pytest.fixture
def program(people):
    return published_program(people.commune_a)


@pytest.fixture
def consultation(program):
    return ConsultationFactory(program=program)
