import pytest

from infitah.bodies.models import BodyKind, BureauRole, SeatType
from tests.bodies.factories import BodyMemberFactory
from tests.factories import AdvisoryBodyFactory, UserFactory
from tests.people import People as BasePeople
from tests.people import english_messages  # noqa: F401 - automatic for every test here


class People(BasePeople):
    """Commune A's equality body with a member who has an account; A's staff; B's focal point; a citizen."""

    def __init__(self):
        super().__init__()
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


@pytest.fixture
def people(db):
    return People()
