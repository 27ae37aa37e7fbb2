import pytest
from allauth.account.models import EmailAddress

from infitah.accounts.models import Role
from tests.factories import CommuneFactory, ProvinceFactory, RegionFactory, UserFactory
from tests.people import (
    People,
    english_messages,  # noqa: F401 - automatic for every test here
)


class PetitionPeople(People):
    """Commune A (a commune of 30,000: 100 signatures) with its staff; a region of 900,000 (300 signatures, 15 in each
    of its two provinces) with its bureau; signers with verified e-mail addresses."""

    def __init__(self):
        super().__init__()
        self.region = RegionFactory(population=900_000)
        self.province_1 = ProvinceFactory(parent=self.region)
        self.province_2 = ProvinceFactory(parent=self.region)
        self.commune_1 = CommuneFactory(parent=self.province_1)
        self.commune_2 = CommuneFactory(parent=self.province_2)
        self.region_focal_point = self.holding(Role.FOCAL_POINT, self.region)
        self.agent = self.signer()

    @staticmethod
    def signer():
        user = UserFactory()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user


@pytest.fixture
def people(db):
    return PetitionPeople()
