import pytest

from tests.factories import UserFactory
from tests.people import People as BasePeople
from tests.people import english_messages  # noqa: F401 - automatic for every test here


class People(BasePeople):
    """Who acts on events: the staff of commune A (where the events are), B's focal point, citizens."""

    def __init__(self):
        super().__init__()
        self.other_citizen = self.make_citizen()

    def make_citizen(self):
        return UserFactory(preferred_language="en")


@pytest.fixture
def people(db):
    return People()
