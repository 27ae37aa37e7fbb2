"""Law 09-08: the privacy notice, downloading one's data, deleting one's account."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.utils import translation

from infitah.accounts.models import Role, RoleAssignment, User
from infitah.participation.models import Comment, Follow
from tests.accounts.conftest import PASSWORD
from tests.factories import CommuneFactory, UserFactory

pytestmark = pytest.mark.django_db


def text_of(response):
    import re

    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_privacy_notice_says_what_is_kept_why_how_long_and_the_rights_of_law_09_08(client, language, settings):
    settings.INFITAH_PRIVACY_EMAIL = "donnees@infitah.example.ma"
    page = client.get(f"/{language}/accounts/privacy/")
    assert page.status_code == 200
    text = text_of(page)
    with translation.override(language):
        for sentence in [
            "Privacy notice",
            "What we collect, and why",
            "For how long",
            "Your rights",
        ]:
            assert translation.gettext(sentence) != sentence, f"{sentence!r} is not translated"
            assert translation.gettext(sentence) in text
    assert {"ar": "09-08", "fr": "09-08"}[language] in text
    assert {"ar": "اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي", "fr": "CNDP"}[language] in text
    for right in {"ar": ["الولوج", "التصحيح", "التعرض"], "fr": ["accès", "rectification", "opposer"]}[language]:
        assert right in text
    assert "mailto:donnees@infitah.example.ma" in page.content.decode()
    assert f'href="/{language}/accounts/profile/delete/"' in page.content.decode()


@pytest.mark.parametrize("page", ["/ar/accounts/signup/", "/ar/"])
def test_the_privacy_notice_is_linked_from_sign_up_and_every_page(client, page):
    assert 'href="/ar/accounts/privacy/"' in client.get(page).content.decode()


def test_download_my_data_holds_what_every_app_keeps_about_me_and_nobody_elses(client, verified_user):
    from infitah.accounts.personal_data import registry

    commune = CommuneFactory()
    RoleAssignment.objects.create(user=verified_user, role=Role.EDITOR, collectivity=commune)
    Follow.objects.create(user=verified_user, target=commune, collectivity=commune)
    UserFactory(email="someone.else@example.ma", full_name="Someone Else")
    client.force_login(verified_user)

    response = client.get("/ar/accounts/profile/my-data.json")
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert set(registry) <= set(data), "every app's part is in the file"
    assert {"account", "participation", "consultations", "events", "advisory_bodies"} <= set(data)
    assert data["account"]["email"] == "amina@example.ma"
    assert data["account"]["full_name"] == "Amina Idrissi"
    assert data["roles"] == [
        {"role": "editor", "collectivity": commune.pk, "granted_at": data["roles"][0]["granted_at"]}
    ]
    assert len(data["participation"]["follows"]) == 1
    assert "someone.else@example.ma" not in response.content.decode()


def test_download_my_data_needs_to_be_signed_in(client):
    assert client.get("/ar/accounts/profile/my-data.json")["Location"].startswith("/ar/accounts/login/")


def test_the_profile_offers_download_and_deletion(client, verified_user):
    client.force_login(verified_user)
    html = client.get("/fr/accounts/profile/").content.decode()
    assert 'href="/fr/accounts/profile/my-data.json"' in html
    assert 'href="/fr/accounts/profile/delete/"' in html


def test_deleting_my_account_needs_my_password(client, verified_user):
    client.force_login(verified_user)
    response = client.post("/fr/accounts/profile/delete/", {"password": "not my password"})
    assert response.status_code == 200
    with translation.override("fr"):
        assert translation.gettext("This is not your password.") in response.content.decode()
    verified_user.refresh_from_db()
    assert verified_user.email == "amina@example.ma"
    assert verified_user.is_active


def test_deleting_my_account_erases_me_keeps_my_comments_as_a_former_participant_and_ends_my_sessions(
    client, verified_user
):
    commune = CommuneFactory()
    verified_user.gender = "female"
    verified_user.age_band = "25_34"
    verified_user.residence = commune
    verified_user.save()
    RoleAssignment.objects.create(user=verified_user, role=Role.FOCAL_POINT, collectivity=commune)
    Follow.objects.create(user=verified_user, target=commune, collectivity=commune)
    comment = Comment.objects.create(
        target=commune, collectivity=commune, author=verified_user, body="Un avis sur le budget."
    )
    phone = Client()
    phone.force_login(verified_user)
    client.force_login(verified_user)

    response = client.post("/fr/accounts/profile/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    home = client.get(response["Location"])
    with translation.override("fr"):
        deleted = translation.gettext(
            "Your account has been deleted and your personal data erased. What you contributed stays on the "
            "platform under “former participant”."
        )
    assert deleted.startswith("Votre compte a été supprimé")
    assert deleted in home.content.decode()

    person = User.objects.get(pk=verified_user.pk)
    assert "amina" not in person.email
    assert (person.full_name, person.gender, person.age_band, person.residence) == ("", "", "", None)
    assert not person.is_active and not person.has_usable_password()
    assert not RoleAssignment.objects.filter(user=person).exists()
    assert not Follow.objects.filter(user=person).exists()
    assert not EmailAddress.objects.filter(user=person).exists()

    comment.refresh_from_db()
    assert comment.body == "Un avis sur le budget."
    with translation.override("fr"):
        assert comment.author.display_name == translation.pgettext("a deleted account's author", "Former participant")
        assert comment.author.display_name != "Former participant"
    assert phone.get("/fr/accounts/profile/").status_code == 302, "the session on the phone has ended"
    assert client.post("/fr/accounts/login/", {"login": "amina@example.ma", "password": PASSWORD}).status_code == 200
