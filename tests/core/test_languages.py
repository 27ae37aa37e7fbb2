import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_root_redirects_to_arabic_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_root_follows_the_language_cookie(client):
    client.cookies["django_language"] = "fr"
    assert client.get("/")["Location"] == "/fr/"


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr"), ("zgh", "ltr")])
def test_pages_declare_language_and_direction(client, language, direction):
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html


def test_switching_language_keeps_the_page_and_remembers_the_choice(client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/ar/network/?kind=region"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/network/?kind=region"
    assert client.cookies["django_language"].value == "fr"


def test_the_header_switcher_sends_a_get_that_keeps_the_page_and_remembers_the_choice(client):
    # The switcher is a GET form (no CSRF token, so that public pages can be served from the page cache).
    page = client.get("/ar/network/?kind=region").content.decode()
    assert '<form class="language-switcher" method="get" action="/i18n/setlang/">' in page
    assert '<input type="hidden" name="next" value="/ar/network/?kind=region">' in page
    response = client.get("/i18n/setlang/", {"language": "fr", "next": "/ar/network/?kind=region"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/network/?kind=region"
    assert client.cookies["django_language"].value == "fr"
    assert client.get("/")["Location"] == "/fr/"


def test_the_get_switcher_refuses_unknown_languages_and_foreign_addresses(client):
    response = client.get("/i18n/setlang/", {"language": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302 and not response["Location"].startswith("https://evil")
    assert "django_language" not in client.cookies
    response = client.get("/i18n/setlang/", {"language": "fr", "next": "https://evil.example/"})
    assert response["Location"] == "/" and client.cookies["django_language"].value == "fr"


def test_switching_language_changes_the_pages_not_the_profile_nor_the_mails(client, django_user_model):
    from django.core import mail

    user = django_user_model.objects.create_user("amina@example.ma", "a long enough password")
    client.force_login(user)
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/ar/accounts/profile/"})
    assert response["Location"] == "/fr/accounts/profile/"
    assert client.get("/")["Location"] == "/fr/", "the pages follow the switcher"

    user.refresh_from_db()
    assert user.preferred_language == "ar"
    profile = client.get("/fr/accounts/profile/")
    assert profile.context["form"]["preferred_language"].value() == "ar", "the profile still says Arabic"

    # Mail written outside the request (a reset asked from another device) still comes in the profile's language.
    client.logout()
    client.post("/en/accounts/password/reset/", {"email": user.email})
    with translation.override("ar"):
        assert mail.outbox[-1].subject == "[Infitah] " + translation.gettext("Password Reset Email")


def test_the_profile_language_is_changed_in_the_profile(client, django_user_model):
    user = django_user_model.objects.create_user("amina@example.ma", "a long enough password")
    client.force_login(user)
    data = {"full_name": "", "preferred_language": "fr", "residence": "", "gender": "", "age_band": ""}
    client.post("/ar/accounts/profile/", data)
    user.refresh_from_db()
    assert user.preferred_language == "fr"


def test_signed_in_user_without_cookie_gets_the_profile_language(client, django_user_model):
    user = django_user_model.objects.create_user(
        "yassine@example.ma", "a long enough password", preferred_language="fr"
    )
    client.force_login(user)
    assert client.get("/")["Location"] == "/fr/"


def test_unknown_language_prefix_is_a_page_not_found(client):
    response = client.get("/de/network/")
    assert response.status_code == 404
    assert "/ar/" in response.content.decode()


def test_switcher_refuses_unknown_languages_safely(client):
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil")


def test_switching_language_works_whatever_the_browser_language(client):
    # The switcher posts to an unprefixed URL, where the active language comes from Accept-Language.
    response = client.post(
        "/i18n/setlang/", {"language": "fr", "next": "/ar/network/"}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    )
    assert response["Location"] == "/fr/network/"
