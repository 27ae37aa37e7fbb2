import pytest

from tests.people import People as BasePeople
from tests.people import english_messages  # noqa: F401 - automatic for every test here


class People(BasePeople):
    """Who acts on programs: the staff of commune A (where the programs are), B's focal point, a citizen."""


@pytest.fixture
def people(db):
    return People()
