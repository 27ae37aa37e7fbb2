"""A refusal is a page of the site, in the person's language, that says why and what to do — not Django's bare
"403 Forbidden"."""

import pytest
from django.test import Client

from infitah.accounts.models import Role
from infitah.programs.phases import Phase
from tests.factories import CommuneFactory, RoleAssignmentFactory, UserFactory
from tests.programs.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def test_the_rules_reason_is_shown_in_the_sites_layout(client):
    commune = CommuneFactory()
    program = ProgramFactory(collectivity=commune, phase=Phase.CO_CREATION)
    client.force_login(RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune).user)

    response = client.get(f"/en/programs/{program.pk}/phase/")

    assert response.status_code == 403
    html = response.content.decode()
    assert "Access refused" in html
    assert "Only the focal point of the program&#x27;s collectivity changes its phase." in html
    assert "ask the focal point of your collectivity" in html
    assert 'class="site-header"' in html and "403 Forbidden" not in html


def test_the_reason_is_in_the_persons_language(client):
    commune = CommuneFactory()
    program = ProgramFactory(collectivity=commune, phase=Phase.CO_CREATION)
    client.force_login(RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune).user)

    html = client.get(f"/fr/programs/{program.pk}/phase/").content.decode()

    assert "Accès refusé" in html
    assert "Seul le point focal de la collectivité du programme change sa phase." in html


def test_a_refusal_without_a_reason_gets_the_general_explanation(client):
    client.force_login(RoleAssignmentFactory(role=Role.FOCAL_POINT, collectivity=CommuneFactory()).user)

    response = client.get("/en/admin/accounts/user/")

    assert response.status_code == 403
    html = response.content.decode()
    assert "Your account does not give you access to this page or this action." in html
    assert "ask the focal point of your collectivity" in html


def test_the_way_back_is_offered_only_towards_this_site(client):
    client.force_login(UserFactory())
    commune = CommuneFactory()
    program = ProgramFactory(collectivity=commune, phase=Phase.CO_CREATION)
    url = f"/en/programs/{program.pk}/phase/"

    from_here = client.get(url, HTTP_REFERER=f"http://testserver/en/programs/{program.pk}/").content.decode()
    from_elsewhere = client.get(url, HTTP_REFERER="https://evil.example/").content.decode()

    assert f'href="http://testserver/en/programs/{program.pk}/"' in from_here
    assert "Go back to the previous page" in from_here
    assert "evil.example" not in from_elsewhere


def test_a_form_refused_for_its_security_token_says_what_to_do():
    user = UserFactory()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)

    response = browser.post("/fr/accounts/profile/", {"full_name": "Amina"})

    assert response.status_code == 403
    html = response.content.decode()
    assert "Formulaire non accepté" in html
    assert "Autorisez les cookies de ce site" in html
    assert 'class="site-header"' in html
