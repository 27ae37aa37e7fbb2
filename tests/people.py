"""Who acts in the tests of a capability: the staff of commune A (where the objects under test are), commune B's
focal point (the other collectivity, who must be refused), a network coordinator and a citizen.

Each app's tests/<app>/conftest.py subclasses `People` to add what its tests need (a body and its members, a
resident citizen…) and exposes it as the `people` fixture.
"""

import pytest
from django.utils import translation

from infitah.accounts.models import Role
from tests.factories import CommuneFactory, RoleAssignmentFactory, UserFactory


class People:
    def __init__(self):
        self.commune_a, self.commune_b = CommuneFactory(), CommuneFactory()
        self.focal_point = self.holding(Role.FOCAL_POINT, self.commune_a)
        self.editor = self.holding(Role.EDITOR, self.commune_a)
        self.information_officer = self.holding(Role.INFORMATION_OFFICER, self.commune_a)
        self.council_member = self.holding(Role.COUNCIL_MEMBER, self.commune_a)
        self.other_focal_point = self.holding(Role.FOCAL_POINT, self.commune_b)
        self.coordinator = self.holding(Role.NETWORK_COORDINATOR, None)
        self.citizen = self.make_citizen()

    def make_citizen(self):
        return UserFactory()

    @staticmethod
    def holding(role, collectivity):
        """A new person holding `role` in `collectivity` (None: network-wide)."""
        return RoleAssignmentFactory(role=role, collectivity=collectivity).user


@pytest.fixture(autouse=True)
def english_messages():
    """Messages are asserted in English (the source language): the tests must not break when the catalogues are
    filled in; the Arabic and French texts are checked on the pages. Automatic where a conftest imports it."""
    with translation.override("en"):
        yield


@pytest.fixture
def commune_a():
    """For the tests that want collectivities without the whole `People`: where the objects under test are."""
    return CommuneFactory()


@pytest.fixture
def commune_b():
    """The other collectivity, whose staff must be refused."""
    return CommuneFactory()
