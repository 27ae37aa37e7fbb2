import pytest
from allauth.account.models import EmailAddress

from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture
def verified_user(db):
    """Someone who signed up and confirmed their e-mail address."""
    user = UserFactory(email="amina@example.ma", full_name="Amina Idrissi")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user
