import pytest

from tests.factories import UserFactory
from tests.people import People as BasePeople


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


@pytest.fixture(autouse=True)
def _english_messages():
    """These tests read the messages in English; the Arabic and French ones are checked on the pages."""
    from django.utils import translation

    with translation.override("en"):
        yield
