import pytest
from allauth.account.models import EmailAddress

from infitah.accounts.models import Role
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.people import commune_a, commune_b  # noqa: F401 - fixtures for every test here

PASSWORD = "correct horse battery staple"


@pytest.fixture
def verified_user(db):
    """Someone who signed up and confirmed their e-mail address."""
    user = UserFactory(email="amina@example.ma", full_name="Amina Idrissi")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def focal_point(client, commune_a):  # noqa: F811
    """Commune A's focal point, signed in."""
    user = RoleAssignmentFactory(role=Role.FOCAL_POINT, collectivity=commune_a).user
    client.force_login(user)
    return user
