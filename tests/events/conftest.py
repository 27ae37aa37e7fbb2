import pytest

from infitah.accounts.models import Role
from tests.factories import CommuneFactory, RoleAssignmentFactory, UserFactory


class People:
    """Who acts on events: the staff of commune A (where the events are), B's focal point, citizens."""

    def __init__(self):
        self.commune_a, self.commune_b = CommuneFactory(), CommuneFactory()
        self.focal_point = self._role(Role.FOCAL_POINT, self.commune_a)
        self.editor = self._role(Role.EDITOR, self.commune_a)
        self.information_officer = self._role(Role.INFORMATION_OFFICER, self.commune_a)
        self.other_focal_point = self._role(Role.FOCAL_POINT, self.commune_b)
        self.coordinator = RoleAssignmentFactory(role=Role.NETWORK_COORDINATOR, collectivity=None).user
        self.citizen = UserFactory(preferred_language="en")
        self.other_citizen = UserFactory(preferred_language="en")

    @staticmethod
    def _role(role, collectivity):
        return RoleAssignmentFactory(role=role, collectivity=collectivity).user


@pytest.fixture
def people(db):
    return People()


@pytest.fixture(autouse=True)
def _english_messages():
    """These tests read the messages in English; the Arabic and French ones are checked on the pages."""
    from django.utils import translation

    with translation.override("en"):
        yield
