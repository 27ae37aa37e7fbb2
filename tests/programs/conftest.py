import pytest

from tests.people import People as BasePeople


class People(BasePeople):
    """Who acts on programs: the staff of commune A (where the programs are), B's focal point, a citizen."""


@pytest.fixture
def people(db):
    return People()


@pytest.fixture(autouse=True)
def _english_messages():
    """These tests read the rules' messages in English; the Arabic and French ones are checked on the pages."""
    from django.utils import translation

    with translation.override("en"):
        yield
