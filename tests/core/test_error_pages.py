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


@pytest.mark.urls("tests.core.refusing_urls")
@pytest.mark.parametrize(
    ("language", "title", "reason"),
    [
        ("ar", "الولوج مرفوض", "لا يمكن الإشعار بالتوصل بآراء هذه الهيئة إلا من طرف موظفي جماعتها الترابية."),
        ("fr", "Accès refusé", "Seule l’équipe de la collectivité territoriale de cette instance peut accuser"),
    ],
    ids=["arabic", "french"],
)
def test_a_services_refusal_that_no_view_catches_is_the_403_page_with_its_reason(client, language, title, reason):
    client.force_login(UserFactory())

    response = client.get(f"/{language}/uncaught-refusal/")

    assert response.status_code == 403
    html = response.content.decode()
    assert title in html
    assert reason in html
    assert 'class="site-header"' in html and "403 Forbidden" not in html


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


def test_a_form_with_too_many_fields_gets_a_page_that_says_so_in_french(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = client.post("/fr/accounts/login/", {f"field{number}": "x" for number in range(20)})

    assert response.status_code == 400
    html = response.content.decode()
    assert "La demande n’a pas pu être lue" in html
    assert "Rien n’a été enregistré" in html
    assert 'class="site-header"' in html


def test_too_many_password_resets_get_a_page_that_says_to_wait_in_arabic(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reset_password": "2/m/ip"}
    for _ in range(2):
        client.post("/ar/accounts/password/reset/", {"email": "someone@example.ma"})

    response = client.post("/ar/accounts/password/reset/", {"email": "someone@example.ma"})

    assert response.status_code == 429
    html = response.content.decode()
    assert "محاولات كثيرة جدا" in html
    assert "انتظر بضع دقائق" in html
    assert 'class="site-header"' in html
