import pytest

from infitah.accounts.models import Role
from infitah.bodies.models import BodyKind, BureauRole, SeatType
from tests.bodies.factories import BodyMemberFactory
from tests.factories import AdvisoryBodyFactory, CommuneFactory, RoleAssignmentFactory, UserFactory


class People:
    """Commune A's equality body with a member who has an account; A's staff; B's focal point; a citizen."""

    def __init__(self):
        self.commune_a, self.commune_b = CommuneFactory(), CommuneFactory()
        self.body = AdvisoryBodyFactory(
            collectivity=self.commune_a,
            kind=BodyKind.EQUALITY,
            name={"ar": "هيئة المساواة وتكافؤ الفرص ومقاربة النوع", "fr": "Instance de l'égalité"},
        )
        self.other_body = AdvisoryBodyFactory(collectivity=self.commune_b, kind=BodyKind.EQUALITY)
        self.member_user = UserFactory(full_name="Khadija Ait Taleb", email="khadija@example.ma")
        self.member = BodyMemberFactory(
            body=self.body, user=self.member_user, full_name="", bureau_role=BureauRole.RAPPORTEUR
        )
        self.named_member = BodyMemberFactory(body=self.body, full_name="Mohamed Amine", seat_type=SeatType.EXPERT)
        self.focal_point = self._role(Role.FOCAL_POINT, self.commune_a)
        self.editor = self._role(Role.EDITOR, self.commune_a)
        self.information_officer = self._role(Role.INFORMATION_OFFICER, self.commune_a)
        self.council_member = self._role(Role.COUNCIL_MEMBER, self.commune_a)
        self.other_focal_point = self._role(Role.FOCAL_POINT, self.commune_b)
        self.coordinator = RoleAssignmentFactory(role=Role.NETWORK_COORDINATOR, collectivity=None).user
        self.citizen = UserFactory()

    @staticmethod
    def _role(role, collectivity):
        return RoleAssignmentFactory(role=role, collectivity=collectivity).user


@pytest.fixture
def people(db):
    return People()


@pytest.fixture(autouse=True)
def _english_messages():
    from django.utils import translation

    with translation.override("en"):
        yield
