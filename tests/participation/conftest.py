import pytest

from infitah.accounts.models import Role
from tests.factories import AdvisoryBodyFactory, RoleAssignmentFactory, UserFactory
from tests.participation.world import discussions  # noqa: F401 - a fixture for every test here
from tests.people import commune_a, commune_b, english_messages  # noqa: F401 - fixtures for every test here


@pytest.fixture
def discussion(discussions, commune_a):  # noqa: F811
    """An open discussion in commune A."""
    return AdvisoryBodyFactory(collectivity=commune_a)


@pytest.fixture
def citizen():
    return UserFactory(full_name="Salma Idrissi")


@pytest.fixture
def neighbour():
    return UserFactory(full_name="Youssef Amrani")


@pytest.fixture
def editor_a(commune_a):  # noqa: F811
    return RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune_a).user


@pytest.fixture
def editor_b(commune_b):  # noqa: F811
    return RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune_b).user
