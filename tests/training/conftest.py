import pytest

from infitah.accounts.models import Role
from tests.factories import AssociationFactory, MembershipFactory, RepresentativeFactory, UserFactory
from tests.people import (
    People,
    english_messages,  # noqa: F401 - automatic for every test here
)


class TrainingPeople(People):
    """Communes A and B are members of the network; A has an editor trainee and an association with its
    representative; a citizen holds neither role."""

    def __init__(self):
        super().__init__()
        MembershipFactory(collectivity=self.commune_a)
        MembershipFactory(collectivity=self.commune_b)
        self.trainee = self.holding(Role.EDITOR, self.commune_a)
        self.association = AssociationFactory(seat=self.commune_a)
        self.representative = RepresentativeFactory(association=self.association).user
        self.other_editor = self.holding(Role.EDITOR, self.commune_b)

    def make_citizen(self):
        return UserFactory(preferred_language="en")


@pytest.fixture
def people(db):
    return TrainingPeople()
