"""Nothing personal goes through the page cache: signed-in pages are neither stored nor served from it, a page that
carries a CSRF token is never stored, each language has its own entries; and what changes no public page (a
login, a session) leaves the cache warm, while a hit costs a fixed number of queries."""

import pytest
from django.contrib.auth.signals import user_logged_in
from django.test import override_settings

from infitah.core import pagecache
from infitah.core.pagestamps import pages_changed, pages_changed_in_bulk
from tests.core.page_cache_helpers import HEADER, page_cache  # noqa: F401
from tests.factories import CommuneFactory, MembershipFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def member():
    return MembershipFactory(collectivity=CommuneFactory(name={"ar": "جماعة تمصلوحت", "fr": "Tamesloht"}))


def test_a_signed_in_person_never_gets_the_anonymous_page_nor_leaves_theirs_in_the_cache(client, member):
    person = UserFactory(full_name="Amina Signed-In")
    assert client.get("/en/network/")[HEADER] == "miss"
    assert client.get("/en/network/")[HEADER] == "hit"

    client.force_login(person)
    signed_in = client.get("/en/network/")
    assert HEADER not in signed_in, "a signed-in request neither reads nor writes the cache"
    assert "Log out" in signed_in.content.decode()

    client.logout()
    anonymous = client.get("/en/network/")
    assert anonymous[HEADER] == "hit"
    assert "Log out" not in anonymous.content.decode() and "Log in" in anonymous.content.decode()


def test_a_visitor_with_a_session_or_a_message_waiting_is_answered_by_the_view(client, member):
    client.get("/en/network/")
    assert client.get("/en/network/")[HEADER] == "hit"
    client.cookies["sessionid"] = "an-anonymous-session"
    assert HEADER not in client.get("/en/network/")
    del client.cookies["sessionid"]
    client.cookies["messages"] = "a-flash-message"
    assert HEADER not in client.get("/en/network/")


@override_settings(ROOT_URLCONF="tests.core.page_cache_urls")
def test_a_page_carrying_a_csrf_token_is_never_stored(client, monkeypatch):
    monkeypatch.setattr(pagecache, "_cacheable", {*pagecache._cacheable, "page_cache_test:form"})
    first = client.get("/en/page-cache-test/form/")
    assert first.status_code == 200 and "csrfmiddlewaretoken" in first.content.decode()
    second = client.get("/en/page-cache-test/form/")
    assert second[HEADER] == "miss", "each visitor gets a page with their own token"


def test_anonymous_pages_carry_no_csrf_token_and_switch_language_by_a_get_form(client, member):
    page = client.get("/en/network/").content.decode()
    assert "csrfmiddlewaretoken" not in page
    assert '<form class="language-switcher" method="get" action="/i18n/setlang/">' in page


def test_each_language_has_its_own_entry(client, member):
    client.get("/ar/network/")
    assert client.get("/ar/network/")[HEADER] == "hit"
    french = client.get("/fr/network/")
    assert french[HEADER] == "miss"
    assert '<html lang="fr" dir="ltr">' in french.content.decode() and "Tamesloht" in french.content.decode()
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/network/").content.decode()


def test_the_query_string_is_part_of_the_address(client, member):
    client.get("/en/network/?kind=commune")
    assert client.get("/en/network/")[HEADER] == "miss"
    assert client.get("/en/network/?kind=commune")[HEADER] == "hit"


def test_a_login_or_a_session_does_not_empty_the_cache(client, member):
    person = UserFactory()
    client.get("/en/network/")
    client.force_login(person)  # a session row
    user_logged_in.send(sender=type(person), request=None, user=person)  # last_login, saved alone
    client.logout()
    assert client.get("/en/network/")[HEADER] == "hit"


def test_a_sign_up_leaves_the_cache_full_but_a_renamed_account_empties_it(client, member):
    """A wave of sign-ups when a consultation opens: a new account is named on no public page yet."""
    from django.test import Client

    from infitah.accounts.models import User

    page = f"/en/network/members/{member.collectivity.code}/"
    client.get(page), client.get("/en/network/")
    password = "a long sentence nobody guesses 42"
    signed_up = Client().post(
        "/fr/accounts/signup/",
        {"email": "yassine@example.ma", "full_name": "Yassine", "password1": password, "password2": password},
    )
    assert signed_up.status_code == 302 and User.objects.filter(email="yassine@example.ma").exists()
    assert client.get(page)[HEADER] == "hit" and client.get("/en/network/")[HEADER] == "hit"

    person = User.objects.get(email="yassine@example.ma")
    person.full_name = "Yassine Alaoui"  # a name that may already be shown beside something they wrote
    person.save()
    assert client.get(page)[HEADER] == "miss" and client.get("/en/network/")[HEADER] == "miss"


def test_a_change_to_another_member_leaves_a_members_page_cached_but_not_the_network_page(client, member):
    other = MembershipFactory()
    page = f"/en/network/members/{member.collectivity.code}/"
    client.get(page), client.get("/en/network/")
    other.collectivity.name = {"ar": "جماعة أخرى", "fr": "Une autre commune"}
    other.collectivity.save()
    assert client.get(page)[HEADER] == "hit"
    network = client.get("/en/network/")
    assert network[HEADER] == "miss" and "Une autre commune" in client.get("/fr/network/").content.decode()


def test_writes_without_signals_say_what_they_changed(client, member):
    from infitah.territories.models import Collectivity

    client.get("/en/network/")
    Collectivity.objects.filter(pk=member.collectivity.pk).update(name={"ar": "تمصلوحت", "fr": "Tamesloht Ville"})
    pages_changed(member.collectivity.pk)
    assert "Tamesloht Ville" in client.get("/fr/network/").content.decode()
    with pages_changed_in_bulk():
        Collectivity.objects.filter(pk=member.collectivity.pk).update(name={"ar": "تمصلوحت", "fr": "Tamesloht Cité"})
        member.save()  # moves nothing until the bulk block ends
    assert "Tamesloht Cité" in client.get("/fr/network/").content.decode()


@override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "infitah_cache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page-cache-queries"},
    }
)
def test_a_hit_reads_only_the_stamps_in_the_shared_database_cache(client, member, django_assert_max_num_queries):
    from django.core.cache import caches
    from django.core.management import call_command

    call_command("createcachetable")  # with Redis configured, migrate made no cache table
    caches["pages"].clear()
    client.get("/en/network/")
    with django_assert_max_num_queries(1):
        hit = client.get("/en/network/")
    assert hit[HEADER] == "hit" and "Tamesloht" in client.get("/fr/network/").content.decode()


def test_the_cache_can_be_turned_off(client, member, settings):
    settings.INFITAH_PAGE_CACHE_SECONDS = 0
    client.get("/en/network/")
    assert HEADER not in client.get("/en/network/")
