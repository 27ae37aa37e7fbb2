"""Sign-up with e-mail verification, login, and the bad input the foundation issue names."""

import re
import time
from unittest import mock

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from infitah.accounts.models import User
from tests.accounts.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a long sentence nobody guesses 42"


def sign_up(client, email="yassine@example.ma", language="ar", **extra):
    data = {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "full_name": "Yassine", **extra}
    return client.post(f"/{language}/accounts/signup/", data)


def log_in(client, email="yassine@example.ma", password=NEW_PASSWORD, language="ar"):
    return client.post(f"/{language}/accounts/login/", {"login": email, "password": password})


def link_in(message):
    return re.search(re.escape(settings.SITE_URL) + r"(/\S+)", message.body).group(1)


def allauth_message(code, language):
    with translation.override(language):
        return str(DefaultAccountAdapter.error_messages[code])


def is_signed_in(client):
    return "_auth_user_id" in client.session


def test_sign_up_in_arabic_sends_an_arabic_verification_mail_and_login_works_after_confirming(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/confirm-email/"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["yassine@example.ma"]
    with translation.override("ar"):
        subject = translation.gettext("Please Confirm Your Email Address")
    assert subject != "Please Confirm Your Email Address", "allauth's Arabic catalogue is missing"
    assert message.subject == f"[Infitah] {subject}"
    assert "للتأكيد" in message.body  # "to confirm", from allauth's Arabic mail text
    link = link_in(message)
    assert link.startswith("/ar/accounts/confirm-email/")

    user = User.objects.get(email="yassine@example.ma")
    assert user.full_name == "Yassine"
    assert user.preferred_language == "ar"
    assert not EmailAddress.objects.get(user=user).verified

    page = client.get(link)
    assert page.status_code == 200
    assert "yassine@example.ma" in page.content.decode()
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/home/"
    assert is_signed_in(client)


def test_sign_up_in_french_sends_the_mail_in_french(client):
    sign_up(client, language="fr")
    with translation.override("fr"):
        subject = translation.gettext("Please Confirm Your Email Address")
    assert mail.outbox[0].subject == f"[Infitah] {subject}"
    assert link_in(mail.outbox[0]).startswith("/fr/accounts/confirm-email/")


def test_login_before_verification_is_refused_with_the_verification_sent_page(client):
    sign_up(client)
    cache.clear()  # a few minutes later: allauth sends at most one confirmation mail every 3 minutes

    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/confirm-email/"
    assert not is_signed_in(client)
    page = client.get(response["Location"])
    assert "account/verification_sent.html" in [t.name for t in page.templates]
    assert len(mail.outbox) == 2, "logging in with an unconfirmed address sends a new link"


def test_an_expired_confirmation_link_explains_itself_and_leaves_the_account_unverified(client, settings):
    too_old = time.time() - (settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS * 24 + 1) * 3600
    # allauth's links are signed with the time they were made: sign this one "days ago".
    with mock.patch.object(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(int(too_old))):
        sign_up(client)
    link = link_in(mail.outbox[0])

    page = client.get(link)
    html = page.content.decode()
    assert page.status_code == 200
    assert page.context["confirmation"] is None
    assert 'role="alert"' in html
    assert 'href="/ar/accounts/login/"' in html, "the page shows how to get a new link"
    assert not EmailAddress.objects.get(email="yassine@example.ma").verified
    assert client.post(link).status_code == 404
    assert not EmailAddress.objects.get(email="yassine@example.ma").verified

    cache.clear()  # later: logging in sends a fresh link, which works
    log_in(client)
    fresh_link = link_in(mail.outbox[-1])
    assert fresh_link != link
    client.post(fresh_link)
    assert EmailAddress.objects.get(email="yassine@example.ma").verified


def test_a_tampered_confirmation_link_gets_the_same_clear_page(client):
    page = client.get("/fr/accounts/confirm-email/not-a-real-key/")
    assert page.status_code == 200
    assert page.context["confirmation"] is None
    assert "account/email_confirm.html" in [t.name for t in page.templates]


def visible_text(response):
    """The page as a person reads it: the main content's text, with the CSRF token and whitespace left out."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


@pytest.mark.parametrize("existing", ["signed up", "created by an administrator"])
def test_signing_up_with_a_registered_address_looks_the_same_and_tells_its_owner_in_their_language(client, existing):
    if existing == "signed up":
        sign_up(client, email="yassine@example.ma", language="fr")
        client.logout()
    else:
        UserFactory(email="yassine@example.ma", preferred_language="fr")
    mail.outbox.clear()
    cache.clear()

    registered = sign_up(client, email="Yassine@Example.MA", language="ar")
    registered_page = client.get(registered["Location"])
    stranger = Client()
    unregistered = sign_up(stranger, email="nobody@example.ma", language="ar")
    unregistered_page = stranger.get(unregistered["Location"])

    assert registered.status_code == unregistered.status_code == 302
    assert registered["Location"] == unregistered["Location"] == "/ar/accounts/confirm-email/"
    # The same page, word for word, but for the address each person typed.
    typed = re.compile(r"yassine@example\.ma|nobody@example\.ma", re.IGNORECASE)
    assert typed.sub("ADDRESS", visible_text(registered_page)) == typed.sub("ADDRESS", visible_text(unregistered_page))
    owner_note = (
        "If this address already has an account, its owner receives an e-mail saying so, with a link to reset "
        "the password, instead of a confirmation link."
    )
    with translation.override("ar"):
        assert translation.gettext(owner_note) != owner_note
        assert translation.gettext(owner_note) in visible_text(registered_page)
    assert User.objects.filter(email__iexact="yassine@example.ma").count() == 1

    (to_owner,) = [m for m in mail.outbox if m.to == ["Yassine@Example.MA"] or m.to == ["yassine@example.ma"]]
    with translation.override("fr"):
        assert to_owner.subject == "[Infitah] " + translation.gettext("Account Already Exists")
        assert translation.gettext("Account Already Exists") != "Account Already Exists"
    assert "/fr/accounts/password/reset/" in to_owner.body, "the owner gets the way back in, in French"


def test_signing_up_costs_one_password_hash_whether_or_not_the_address_is_registered(client, verified_user):
    """Not a timing measurement: the slow part of a sign-up, hashing a password, happens in both cases."""
    from django.contrib.auth.hashers import MD5PasswordHasher

    hashes = []
    original = MD5PasswordHasher.encode
    with mock.patch.object(MD5PasswordHasher, "encode", lambda self, *args: hashes.append(1) or original(self, *args)):
        sign_up(client, email=verified_user.email)
        registered = len(hashes)
        sign_up(Client(), email="nobody@example.ma")
    assert registered == len(hashes) - registered == 1


def test_the_sign_up_page_explains_it_never_says_whether_an_address_is_registered(client):
    page = client.get("/fr/accounts/signup/")
    text = visible_text(page)
    with translation.override("fr"):
        note = translation.gettext(
            "If this address already has an account, this page will not say so: we send an e-mail to the address "
            "instead, telling its owner that someone tried to sign up with it and how to sign in or reset the "
            "password. That way nobody can use this page to find out who is registered."
        )
    assert note.startswith("Si cette adresse a déjà un compte")
    assert note in text


def test_password_reset_looks_the_same_for_a_registered_and_an_unknown_address(client, verified_user):
    registered = client.post("/ar/accounts/password/reset/", {"email": verified_user.email})
    stranger = Client()
    unknown = stranger.post("/ar/accounts/password/reset/", {"email": "nobody@example.ma"})
    assert registered.status_code == unknown.status_code == 302
    assert registered["Location"] == unknown["Location"]
    assert visible_text(client.get(registered["Location"])) == visible_text(stranger.get(unknown["Location"]))
    form_text = visible_text(client.get("/ar/accounts/password/reset/"))
    with translation.override("ar"):
        note = translation.gettext(
            "The next page is the same whether or not the address has an account, so nobody can use this form to "
            "find out who is registered. If the address has no account, the e-mail says so."
        )
    assert note.startswith("الصفحة التالية")
    assert note in form_text


@pytest.mark.parametrize("email", ["yassine", "yassine@", "yassine@example", "ياسين@example.ma@x"])
def test_a_malformed_email_is_refused_with_a_message_next_to_the_field(client, email):
    response = sign_up(client, email=email)
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_error"' in html
    assert 'id="id_email_error"' in html
    assert not User.objects.exists()
    assert mail.outbox == []


def test_wrong_password_is_refused_without_signing_in(client, verified_user):
    response = log_in(client, email=verified_user.email, password="not the password")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [allauth_message("email_password_mismatch", "ar")]
    assert not is_signed_in(client)


def test_after_five_wrong_passwords_even_the_right_one_is_refused_for_a_while(client, verified_user):
    for _attempt in range(5):
        response = log_in(client, email=verified_user.email, password="not the password")
        assert response.context["form"].non_field_errors() == [allauth_message("email_password_mismatch", "ar")]

    response = log_in(client, email=verified_user.email, password=PASSWORD)
    assert response.status_code == 200
    limited = allauth_message("too_many_login_attempts", "ar")
    assert limited != "Too many failed login attempts. Try again later."
    assert response.context["form"].non_field_errors() == [limited]
    assert limited in response.content.decode()
    assert not is_signed_in(client)


def test_the_rate_limit_counts_per_address_not_per_person_typing(client, verified_user):
    other = UserFactory(email="other@example.ma")
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)
    for _attempt in range(5):
        log_in(client, email=verified_user.email, password="not the password")

    response = log_in(client, email=other.email, password=PASSWORD)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_right_password_signs_in_a_verified_user(client, verified_user):
    response = log_in(client, email="AMINA@example.ma", password=PASSWORD, language="fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/home/"
    assert is_signed_in(client)


def test_logging_out_is_a_post_and_returns_home(client, verified_user):
    client.force_login(verified_user)
    assert client.get("/ar/accounts/logout/").status_code == 200  # a confirmation page, no logout on GET
    assert is_signed_in(client)
    response = client.post("/ar/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"
    assert not is_signed_in(client)


def test_password_reset_by_mail_in_the_owners_language_then_login_with_the_new_password(client, verified_user):
    verified_user.preferred_language = "fr"
    verified_user.save()
    # Whoever asks, on whatever page, the mail goes to the account's owner in the language they chose.
    response = client.post("/ar/accounts/password/reset/", {"email": verified_user.email})
    assert response["Location"] == "/ar/accounts/password/reset/done/"
    assert client.get(response["Location"]).status_code == 200
    with translation.override("fr"):
        assert mail.outbox[0].subject == "[Infitah] " + translation.gettext("Password Reset Email")

    set_password_page = client.get(link_in(mail.outbox[0]), follow=True)
    form_url = set_password_page.redirect_chain[-1][0]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == "/ar/accounts/password/reset/key/done/"
    assert client.get(response["Location"]).status_code == 200
    assert not is_signed_in(client)

    assert log_in(client, email=verified_user.email, password=PASSWORD).status_code == 200
    assert log_in(client, email=verified_user.email, password=NEW_PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_a_used_or_wrong_password_reset_link_offers_a_new_one(client, verified_user):
    page = client.get("/ar/accounts/password/reset/key/1-not-a-token/", follow=True)
    assert page.context["token_fail"]
    assert 'href="/ar/accounts/password/reset/"' in page.content.decode()


def test_password_change_when_signed_in(client, verified_user):
    client.force_login(verified_user)
    page = client.get("/ar/accounts/password/change/")
    assert page.status_code == 200
    response = client.post(
        "/ar/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    verified_user.refresh_from_db()
    assert verified_user.check_password(NEW_PASSWORD)


def test_password_change_with_a_wrong_current_password_keeps_the_old_one(client, verified_user):
    client.force_login(verified_user)
    response = client.post(
        "/ar/accounts/password/change/",
        {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["oldpassword"]
    verified_user.refresh_from_db()
    assert verified_user.check_password(PASSWORD)


def test_email_management_lists_the_address_and_adds_another_one(client, verified_user):
    client.force_login(verified_user)
    page = client.get("/fr/accounts/email/")
    assert page.status_code == 200
    assert verified_user.email in page.content.decode()
    response = client.post("/fr/accounts/email/", {"action_add": "", "email": "amina.work@example.ma"})
    assert response.status_code == 302
    assert EmailAddress.objects.filter(user=verified_user, email="amina.work@example.ma", verified=False).exists()
    assert mail.outbox[-1].to == ["amina.work@example.ma"]


ENTRANCE_PAGES = [
    "accounts/signup/",
    "accounts/login/",
    "accounts/confirm-email/",
    "accounts/password/reset/",
    "accounts/password/reset/done/",
    "accounts/password/reset/key/done/",
]
MANAGE_PAGES = ["accounts/email/", "accounts/password/change/", "accounts/logout/"]


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
@pytest.mark.parametrize("page", ENTRANCE_PAGES)
def test_account_pages_use_infitahs_layout(client, page, language, direction):
    response = client.get(f"/{language}/{page}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "base.html" in [t.name for t in response.templates]
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert 'class="skip-link"' in html
    assert 'href="/static/infitah/css/infitah.css"' in html


@pytest.mark.parametrize("page", MANAGE_PAGES)
def test_account_management_pages_use_infitahs_layout_and_lead_back_to_the_profile(client, verified_user, page):
    client.force_login(verified_user)
    response = client.get(f"/ar/{page}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "base.html" in [t.name for t in response.templates]
    assert 'class="form-card"' in html
    assert 'class="breadcrumb"><a href="/ar/accounts/profile/">' in html


def test_every_sign_up_field_has_a_label_and_the_button_is_styled(client):
    html = client.get("/ar/accounts/signup/").content.decode()
    for field in ["email", "full_name", "password1", "password2"]:
        assert f'<label for="id_{field}">' in html
    assert '<button class="button" type="submit">' in html
    assert 'aria-describedby="id_password1_helptext"' in html
