"""A signed-in person reads their pages again from a cache kept for them alone: nobody else is ever given them, the
form token in them is their own session's, and any write to the database makes the next read fresh."""

import re

import pytest
from django.db import connection, transaction
from django.test import Client, override_settings

from infitah.core import pagecache
from infitah.core.signedincache import HEADER, counts_as_write, placeholder
from infitah.participation.models import Notification
from infitah.participation.notifications import notify
from tests.core.page_cache_helpers import page_cache  # noqa: F401
from tests.factories import AdvisoryBodyFactory, CommuneFactory, MembershipFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def member():
    return MembershipFactory(collectivity=CommuneFactory(name={"ar": "جماعة تمصلوحت", "fr": "Tamesloht"}))


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def form_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_a_person_reads_their_page_again_and_nobody_else_is_given_it(member):
    amina, youssef = UserFactory(full_name="Amina Reader"), UserFactory(full_name="Youssef Other")
    first = signed_in(amina)
    assert first.get("/en/network/")[HEADER] == "miss"
    again = first.get("/en/network/")
    assert again[HEADER] == "hit" and "Amina Reader" in again.content.decode()

    other = signed_in(youssef).get("/en/network/")
    assert other[HEADER] == "miss", "another person's page is rendered for them"
    assert "Youssef Other" in other.content.decode() and "Amina Reader" not in other.content.decode()

    anonymous = Client().get("/en/network/")
    assert HEADER not in anonymous and "Amina Reader" not in anonymous.content.decode()


def test_each_language_and_address_has_its_own_page(member):
    client = signed_in(UserFactory())
    client.get("/en/network/")
    french = client.get("/fr/network/")
    assert french[HEADER] == "miss" and 'lang="fr"' in french.content.decode()
    assert client.get("/en/network/?page=1")[HEADER] == "miss"


def test_any_write_even_to_rows_no_public_page_shows_makes_the_next_read_fresh(member):
    person = UserFactory()
    client = signed_in(person)
    inbox = "/en/participation/notifications/"
    client.get(inbox)
    assert client.get(inbox)[HEADER] == "hit"

    body = AdvisoryBodyFactory(collectivity=member.collectivity, name={"en": "Youth council of Tamesloht"})
    notify("comment_posted", body, actor=UserFactory(), recipients=[person])
    fresh = client.get(inbox)
    assert fresh[HEADER] == "miss" and "Youth council of Tamesloht" in fresh.content.decode()
    assert client.get(inbox)[HEADER] == "hit"

    Notification.objects.filter(recipient=person).update(is_read=True)
    assert client.get(inbox)[HEADER] == "miss", "a queryset update counts"
    assert client.get(inbox)[HEADER] == "hit"

    with connection.cursor() as cursor:
        cursor.execute("UPDATE participation_notification SET is_read = %s", [False])
    assert client.get(inbox)[HEADER] == "miss", "raw SQL counts"


def test_the_form_token_in_a_page_read_again_is_the_visitors_own(member):
    person = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    client.get("/en/network/")
    again = client.get("/en/network/")
    assert again[HEADER] == "hit"
    page = again.content.decode()
    assert placeholder() not in page
    logged_out = client.post("/en/accounts/logout/", {"csrfmiddlewaretoken": form_token(page)})
    assert logged_out.status_code == 302, "the token of the kept page is accepted for this session"
    assert "_auth_user_id" not in client.session

    stranger = Client(enforce_csrf_checks=True)
    stranger.force_login(UserFactory())
    refused = stranger.post("/en/accounts/logout/", {"csrfmiddlewaretoken": form_token(page)})
    assert refused.status_code == 403, "another session's token is refused"


@override_settings(ROOT_URLCONF="tests.core.page_cache_urls")
def test_a_message_waiting_is_shown_not_a_kept_page(member):
    client = signed_in(UserFactory())
    client.get("/en/network/")
    assert client.get("/en/network/")[HEADER] == "hit"
    shown = client.get("/en/page-cache-test/message/", follow=True)
    assert "A message for the next page" in shown.content.decode()
    assert HEADER not in shown, "answered by the view, neither read from the cache nor kept"
    assert "A message for the next page" not in client.get("/en/network/").content.decode()


@override_settings(ROOT_URLCONF="tests.core.page_cache_urls")
def test_a_page_that_asked_for_a_real_form_token_is_not_kept(monkeypatch):
    monkeypatch.setattr(pagecache, "_cacheable", {*pagecache._cacheable, "page_cache_test:form"})
    client = signed_in(UserFactory())
    client.get("/en/page-cache-test/form/")
    assert client.get("/en/page-cache-test/form/")[HEADER] == "miss"


def test_a_page_read_again_costs_the_session_and_the_person_only(member, django_assert_max_num_queries):
    client = signed_in(UserFactory())
    assert client.get("/en/network/")[HEADER] == "miss"
    with django_assert_max_num_queries(2):  # the session and the person; the stamps are in the (memory) cache
        assert client.get("/en/network/")[HEADER] == "hit"


def test_pages_nobody_declared_are_never_kept(member):
    client = signed_in(UserFactory())
    client.get("/en/accounts/profile/")
    assert HEADER not in client.get("/en/accounts/profile/")


def test_with_the_cache_off_nothing_is_kept(member, settings):
    settings.INFITAH_PAGE_CACHE_SECONDS = 0
    client = signed_in(UserFactory())
    client.get("/en/network/")
    assert HEADER not in client.get("/en/network/")


@pytest.mark.parametrize(
    ("sql", "counted"),
    [
        ('INSERT INTO "participation_comment" ("body") VALUES (%s)', True),
        ('UPDATE "accounts_user" SET "last_login" = %s', True),
        ('  delete from "participation_notification" WHERE id = 1', True),
        ('REPLACE INTO "x" VALUES (1)', True),
        ('SELECT "accounts_user"."id" FROM "accounts_user"', False),
        ('SELECT 1 FROM "x" FOR UPDATE', False),
        ('INSERT INTO "django_session" ("session_key") VALUES (%s)', False),
        ('UPDATE "django_session" SET "session_data" = %s', False),
        ('DELETE FROM "infitah_cache" WHERE "cache_key" IN (%s)', False),
        ('INSERT INTO "infitah_cache" ("cache_key", "value", "expires") VALUES (%s, %s, %s)', False),
        ("SAVEPOINT s1", False),
    ],
)
def test_what_counts_as_a_write(sql, counted):
    assert counts_as_write(sql) is counted


def test_a_change_to_the_session_alone_makes_the_next_read_fresh(member):
    client = signed_in(UserFactory())
    client.get("/en/network/")
    assert client.get("/en/network/")[HEADER] == "hit"
    session = client.session
    session["a_step_of_some_form"] = 2
    session.save()
    assert client.get("/en/network/")[HEADER] == "miss"


def test_the_placeholder_of_the_form_token_cannot_be_typed_by_anyone_who_lacks_the_secret_key(settings):
    ours = placeholder()
    settings.SECRET_KEY = "another deployment's secret key, long enough to be one"
    assert placeholder() != ours and len(ours) == len(placeholder()) == 64


@pytest.fixture
def stamps_in_the_database_cache(settings):
    """The embedded default's caches: the stamps in the database's own cache table, the pages in local memory."""
    from django.core.management import call_command

    from infitah.core.signedincache import flush_deferred_writes

    # A write left for the connection's next statement moves the stamps of the caches it was made under, not these
    # (whose table may not exist yet: with Redis configured, migrate made none).
    flush_deferred_writes()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "infitah_cache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "autocommit-writes"},
    }
    call_command("createcachetable")


@pytest.mark.django_db(transaction=True)
def test_writes_in_and_outside_a_transaction_are_kept_on_the_embedded_default_and_make_the_next_read_fresh(
    stamps_in_the_database_cache, member
):
    """The embedded default: SQLite, the stamps in the database's own cache table. Moving the stamp on the same
    connection while SQLite's INSERT … RETURNING was still open once rolled back a write made in autocommit mode (a
    sign-up, a script, `infitah shell`: nobody could sign up on `make demo`), and left the stamp unmoved for a write
    inside a transaction (a follow, a comment: the person's kept pages ignored it)."""
    from django.core.cache import caches

    from infitah.accounts.models import User

    caches["pages"].clear()
    amina = signed_in(UserFactory(full_name="Amina Reader"))
    assert amina.get("/en/network/")[HEADER] == "miss" and amina.get("/en/network/")[HEADER] == "hit"
    password = "a long sentence nobody guesses 42"
    signed_up = Client().post(
        "/fr/accounts/signup/",
        {"email": "yassine@example.ma", "full_name": "Yassine", "password1": password, "password2": password},
    )
    assert signed_up.status_code == 302 and User.objects.filter(email="yassine@example.ma").exists()
    assert amina.get("/en/network/")[HEADER] == "miss", "the next read is fresh"
    assert amina.get("/en/network/")[HEADER] == "hit"
    assert not connection.in_atomic_block

    created = User.objects.create(email="new.person@example.org", full_name="New Person")

    assert User.objects.filter(pk=created.pk).exists(), "the write is kept"
    assert amina.get("/en/network/")[HEADER] == "miss", "and the next read is fresh"
    assert amina.get("/en/network/")[HEADER] == "hit"

    # Inside a transaction (most views' writes), an INSERT … RETURNING as its last statement: the stamp moved with
    # it once silently did not move, and a person's kept pages ignored what they had just done.
    with transaction.atomic():
        User.objects.create(email="third.person@example.org", full_name="Third Person")
    assert amina.get("/en/network/")[HEADER] == "miss", "the next read is fresh"
