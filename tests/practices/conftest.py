import pytest

from infitah.accounts.models import Role
from tests.people import (
    People,
    english_messages,  # noqa: F401 - automatic for every test here
)


class PracticePeople(People):
    """Commune A's staff (who share A's practices), commune B's focal point and editor (who adopt them and must never
    touch A's), a network coordinator (who reviews), a citizen."""

    def __init__(self):
        super().__init__()
        self.other_editor = self.holding(Role.EDITOR, self.commune_b)


@pytest.fixture
def people(db):
    return PracticePeople()
