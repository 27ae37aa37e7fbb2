import pytest

from infitah.accounts.models import Role
from tests.factories import AssociationFactory, MembershipFactory, RepresentativeFactory
from tests.forum.factories import CategoryFactory, ThreadFactory
from tests.people import (
    People,
    english_messages,  # noqa: F401 - automatic for every test here
)


class ForumPeople(People):
    """Communes A and B are network members; A's staff, B's focal point and the coordinator are forum members, with
    the representative of a verified association seated in A. The citizen is not. A public and a members-only
    category, each with a thread by A's focal point."""

    def __init__(self):
        super().__init__()
        MembershipFactory(collectivity=self.commune_a)
        MembershipFactory(collectivity=self.commune_b)
        association = AssociationFactory(seat=self.commune_a, is_verified=True)
        self.representative = RepresentativeFactory(association=association).user
        self.public = CategoryFactory(slug="public")
        self.private = CategoryFactory(slug="private", members_only=True)
        self.thread = ThreadFactory(category=self.public, author=self.focal_point, collectivity=self.commune_a)
        self.private_thread = ThreadFactory(
            category=self.private, author=self.focal_point, collectivity=self.commune_a, title="Secret plans"
        )

    def member(self, role=Role.EDITOR, collectivity=None):
        return self.holding(role, collectivity or self.commune_a)


@pytest.fixture
def people(db):
    return ForumPeople()
