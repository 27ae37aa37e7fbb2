import pytest

from infitah.accounts.models import Role
from tests.consultations.factories import ConsultationFactory, published_program
from tests.factories import CommuneFactory, RoleAssignmentFactory, UserFactory


class People:
    """Commune A's staff (where the consulted program is), B's focal point, a citizen of A, one from elsewhere."""

    def __init__(self):
        self.commune_a, self.commune_b = CommuneFactory(), CommuneFactory()
        self.focal_point = self._role(Role.FOCAL_POINT, self.commune_a)
        self.editor = self._role(Role.EDITOR, self.commune_a)
        self.information_officer = self._role(Role.INFORMATION_OFFICER, self.commune_a)
        self.other_focal_point = self._role(Role.FOCAL_POINT, self.commune_b)
        self.citizen = UserFactory(residence=self.commune_a, gender="female", age_band="25_34")
        self.outsider = UserFactory(residence=self.commune_b)

    @staticmethod
    def _role(role, collectivity):
        return RoleAssignmentFactory(role=role, collectivity=collectivity).user


@pytest.fixture
def people(db):
    return People()


@pytest.fixture
def program(people):
    return published_program(people.commune_a)


@pytest.fixture
def consultation(program):
    return ConsultationFactory(program=program)


@pytest.fixture(autouse=True)
def _english_messages():
    from django.utils import translation

    with translation.override("en"):
        yield
