import datetime

import pytest

from tests.factories import AssociationFactory, RepresentativeFactory, UserFactory
from tests.monitoring.factories import adopted_program, seat
from tests.people import People as BasePeople
from tests.people import english_messages  # noqa: F401 - automatic for every test here


class People(BasePeople):
    """Commune A's adopted program, whose commitment a verified association co-owns (its representative
    co-monitors it) and whose committee seats a citizen with an account; B's adopted program; A's program the
    council has not adopted yet."""

    def __init__(self):
        super().__init__()
        self.association = AssociationFactory(
            seat=self.commune_a, is_verified=True, verified_at=datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC)
        )
        self.co_owner = RepresentativeFactory(association=self.association, user=UserFactory(full_name="Amina")).user
        self.program = adopted_program(self.commune_a, associations=[self.association])
        self.committee_member = UserFactory(full_name="Youssef El Idrissi")
        seat(self.program, self.committee_member)
        self.program_b = adopted_program(self.commune_b)
        self.not_adopted = adopted_program(self.commune_a, adopt_it=False)


@pytest.fixture
def people(db):
    return People()
