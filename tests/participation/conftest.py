import pytest
from django.utils import translation

from infitah.accounts.models import Role
from tests.factories import AdvisoryBodyFactory, CommuneFactory, RoleAssignmentFactory, UserFactory
from tests.participation.world import discussions  # noqa: F401 - a fixture for every test here


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the source language): these tests must not break when the
    catalogues are filled in. Pages are requested under /en/ for the same reason."""
    with translation.override("en"):
        yield


@pytest.fixture
def commune_a():
    return CommuneFactory()


@pytest.fixture
def commune_b():
    return CommuneFactory()


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
def editor_a(commune_a):
    return RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune_a).user


@pytest.fixture
def editor_b(commune_b):
    return RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune_b).user
