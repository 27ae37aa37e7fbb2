import pytest

from infitah.evaluation.models import Party
from tests.evaluation.factories import CampaignFactory, FrameworkFactory, IndicatorFactory, assessment
from tests.factories import AssociationFactory, RepresentativeFactory, UserFactory
from tests.people import People as BasePeople
from tests.people import english_messages  # noqa: F401 - automatic for every test here


class People(BasePeople):
    """Who acts in co-evaluation: commune A's staff (whose campaign it is), the representative of the association
    designated for A's independent assessment, B's focal point, a coordinator, and a representative of an
    association designated nowhere."""

    def __init__(self):
        super().__init__()
        self.association = AssociationFactory(seat=self.commune_a)
        self.representative = RepresentativeFactory(association=self.association).user
        self.other_representative = RepresentativeFactory(association=AssociationFactory(seat=self.commune_a)).user
        self.framework = FrameworkFactory()
        self.indicators = [IndicatorFactory(framework=self.framework, scale_min=0, scale_max=4) for _ in range(3)]
        self.campaign = CampaignFactory(framework=self.framework, collectivity=self.commune_a)
        self.own = assessment(self.campaign, Party.SELF)
        self.independent = assessment(self.campaign, Party.INDEPENDENT)
        self.independent.associations.set([self.association])

    def make_citizen(self):
        return UserFactory(preferred_language="en")


@pytest.fixture
def people(db):
    return People()
