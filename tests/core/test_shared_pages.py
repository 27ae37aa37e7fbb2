"""A public page shared by the signed-in people without power (core/sharedpages.py): rendered once for nobody,
completed for each reader, never another person's, and never given to someone with a power."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.test import Client, RequestFactory
from django.urls import path

from infitah.accounts.models import Role
from infitah.core import pagecache, sharedpages
from infitah.core.sharedpages import HEADER, fill, marker
from tests.factories import (
    AdvisoryBodyFactory,
    MembershipFactory,
    NetworkFactory,
    RepresentativeFactory,
    RoleAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.INFITAH_PAGE_CACHE_SECONDS = 60


@pytest.fixture
def member():
    NetworkFactory()
    return MembershipFactory()


def reader(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def member_page(member) -> str:
    return f"/en/network/members/{member.collectivity.code}/"


def test_a_citizen_is_completed_from_the_copy_another_citizen_made_with_their_own_name(page_cache, member):
    karim, salma = UserFactory(full_name="Karim Reader"), UserFactory(full_name="Salma Reader")

    made = reader(karim).get(member_page(member))
    given = reader(salma).get(member_page(member))

    assert (made[HEADER], given[HEADER]) == ("miss", "hit")
    assert "Karim Reader" in made.content.decode() and "Salma Reader" not in made.content.decode()
    assert "Salma Reader" in given.content.decode() and "Karim Reader" not in given.content.decode()
    assert "infitah-part:" not in given.content.decode()


def test_what_a_citizen_just_did_shows_on_their_next_read_of_the_shared_page(page_cache, member):
    karim, salma = UserFactory(), UserFactory()
    reader(karim).get(member_page(member))
    salma_client = reader(salma)
    assert "Stop following" not in salma_client.get(member_page(member)).content.decode()

    followed = salma_client.post(
        f"/en/participation/follows/territories.collectivity/{member.collectivity.pk}/",
        {"action": "follow", "next": member_page(member)},
    )
    assert followed.status_code == 302

    again = salma_client.get(member_page(member))
    assert "Stop following" in again.content.decode()
    assert "Stop following" not in reader(karim).get(member_page(member)).content.decode()


@pytest.mark.parametrize("power", ["role", "representation", "body seat", "staff"])
def test_a_person_with_a_power_gets_the_page_rendered_for_them(page_cache, member, power):
    """On a page shared by the people without power only (the forum: its members see their threads)."""
    list_page = "/en/forum/"
    person = UserFactory(full_name="Person With Power")
    reader(UserFactory()).get(list_page)  # a shared copy exists
    assert reader(person).get(list_page)[HEADER] == "hit"  # a citizen, until the power is given
    if power == "role":
        RoleAssignmentFactory(user=person, role=Role.EDITOR, collectivity=member.collectivity)
    elif power == "representation":
        RepresentativeFactory(user=person)
    elif power == "body seat":
        AdvisoryBodyFactory(collectivity=member.collectivity).members.create(user=person)
    else:
        person.is_staff = True
        person.save()
    reader(UserFactory()).get(list_page)  # the shared copy made again

    response = reader(person).get(list_page)

    assert response.status_code == 200
    assert HEADER not in response
    assert "Person With Power" in response.content.decode()


def test_a_members_staff_read_its_page_from_the_citizens_copy_with_their_programs_in_preparation(page_cache, member):
    """The member page is shared by everyone signed in: its blocks that depend on powers are rendered for them."""
    from infitah.programs.phases import Phase
    from tests.programs.factories import ProgramFactory

    ProgramFactory(
        collectivity=member.collectivity,
        phase=Phase.PREPARATION,
        title={"en": "Draft <b>program</b>", "fr": "Brouillon"},
    )
    focal_point = UserFactory(full_name="Focal Point")
    RoleAssignmentFactory(user=focal_point, role=Role.FOCAL_POINT, collectivity=member.collectivity)
    citizen_page = reader(UserFactory()).get(member_page(member))
    assert citizen_page[HEADER] == "miss" and "Draft" not in citizen_page.content.decode()

    staff_page = reader(focal_point).get(member_page(member))

    assert staff_page[HEADER] == "hit"
    text = staff_page.content.decode()
    assert "Focal Point" in text and "Draft &lt;b&gt;program&lt;/b&gt;" in text and "not public yet" in text
    assert "Draft" not in reader(UserFactory()).get(member_page(member)).content.decode()


def test_a_members_blocks_are_rendered_once_per_power_state_and_each_reader_sees_what_their_powers_show(
    page_cache, member
):
    """Staff of the member share one rendering of its programs in preparation; members of the forum one of its
    members-only threads; a power holder who may read neither is given what a citizen is."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from infitah.programs.phases import Phase
    from tests.forum.factories import CategoryFactory, ThreadFactory
    from tests.programs.factories import ProgramFactory

    ProgramFactory(collectivity=member.collectivity, phase=Phase.PREPARATION, title={"en": "Draft program"})
    ThreadFactory(
        category=CategoryFactory(members_only=True), collectivity=member.collectivity, title="Members <i>only</i>"
    )
    focal_point, editor, elsewhere = UserFactory(), UserFactory(), UserFactory()
    RoleAssignmentFactory(user=focal_point, role=Role.FOCAL_POINT, collectivity=member.collectivity)
    RoleAssignmentFactory(user=editor, role=Role.EDITOR, collectivity=member.collectivity)
    RoleAssignmentFactory(user=elsewhere, role=Role.EDITOR)  # of a collectivity outside the network
    reader(UserFactory()).get(member_page(member))
    first = reader(focal_point).get(member_page(member)).content.decode()
    editors = reader(editor)
    editors.get("/en/")  # their menu, roles and forum standing read once

    with CaptureQueriesContext(connection) as queries:
        second = editors.get(member_page(member))
    asked = [query["sql"] for query in queries.captured_queries]  # before the next request clears the log

    theirs = reader(elsewhere).get(member_page(member))
    assert second[HEADER] == "hit" and theirs[HEADER] == "hit"
    for page in (first, second.content.decode()):
        assert "Draft program" in page and "Members &lt;i&gt;only&lt;/i&gt;" in page
    assert asked and not any(table in sql for sql in asked for table in ("programs_program", "forum_thread"))
    assert "Draft program" not in theirs.content.decode() and "Members" not in theirs.content.decode()


def test_a_marker_that_is_not_genuine_is_dropped_and_a_genuine_one_completed():
    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    genuine = str(marker("core.account_nav")).encode()
    forged = genuine.replace(genuine[-8:-3], b"00000")
    unknown = b"<!--infitah-part:no.such_part::::0123456789abcdef0123-->"

    completed = fill(request, b"<p>" + forged + unknown + b"</p><ul>" + genuine + b"</ul>")

    assert completed.startswith(b"<p></p><ul>")
    assert b"infitah-part" not in completed
    assert b"/accounts/login/" in completed  # the account menu, for this (anonymous) reader


def only_for_signed_in(request):
    if not request.user.is_authenticated:
        raise Http404
    return HttpResponse(f"<p>{request.user.full_name}</p>")


urlpatterns = [path("en/only-for-signed-in/", only_for_signed_in, name="only_for_signed_in")]


def test_a_page_an_anonymous_visitor_is_refused_is_rendered_for_the_reader(page_cache, settings, monkeypatch):
    settings.ROOT_URLCONF = __name__
    monkeypatch.setattr(pagecache, "_cacheable", {"only_for_signed_in"})
    monkeypatch.setattr(sharedpages, "_shared", {"only_for_signed_in": False})

    response = reader(UserFactory(full_name="Karim Reader")).get("/en/only-for-signed-in/")

    assert response.status_code == 200
    assert response.content == b"<p>Karim Reader</p>"
    assert HEADER not in response


def test_no_account_menu_entry_marks_a_shared_page_as_the_current_one():
    """The account menu is completed once per person for all the shared pages: it may not differ between them."""
    from django.template.loader import get_template

    from infitah.core.contributions import account_menu, ordered

    sources = [get_template(item.template).template.source for item in ordered(account_menu)]
    sources.append(get_template("core/_account_nav.html").template.source)
    assert len(sources) >= 6
    for name in sharedpages._shared:
        assert not any(f"'{name}'" in source or f'"{name}"' in source for source in sources), name


def test_a_process_that_rendered_no_page_yet_completes_a_shared_copy():
    """Another web process made the copy: this one has loaded no template library, which register the parts."""
    import subprocess
    import sys

    script = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'infitah.settings'); django.setup()\n"
        "from django.contrib.auth.models import AnonymousUser\n"
        "from django.test import RequestFactory\n"
        "from infitah.core.sharedpages import fill, marker\n"
        "request = RequestFactory().get('/en/'); request.user = AnonymousUser()\n"
        "print(fill(request, str(marker('core.account_nav')).encode()).decode())\n"
    )
    command = [sys.executable, "-c", script]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)  # noqa: S603
    assert "/accounts/login/" in completed.stdout


def test_an_account_menu_holding_a_real_form_token_is_never_kept_for_the_person(settings):
    """Kept for a person, the menu must hold the placeholder each answer replaces, never one session's token."""
    from infitah.core import signedincache

    settings.INFITAH_PAGE_CACHE_SECONDS = 60
    person = UserFactory(full_name="Karim Reader")
    menus = []
    for _session in range(2):
        request = RequestFactory().get("/en/")
        request.user = person
        request._signed_in_stamps = {"writes": "w", "site": "s"}  # what the signed-in cache read first
        menus.append(fill(request, str(marker("core.account_nav")).encode()))
    assert b"Karim Reader" in menus[0]
    assert signedincache.placeholder().encode() not in menus[0]
    assert menus[0] != menus[1], "each request's own token, not a kept one"


def test_readers_without_power_share_one_menu_rendering_each_with_their_name_and_unread_count(page_cache, member):
    """Their menu is rendered once per language and unread count: each reader still reads their own name
    (escaped, direction-isolated) and their own count."""
    from infitah.participation.models import Notification
    from infitah.participation.targets import content_type_of

    karim = UserFactory(full_name="Karim Reader")
    salma = UserFactory(full_name="<b>Salma</b> & co")
    nadia = UserFactory(full_name="Nadia Reader")
    for recipient in (salma, salma, nadia):
        Notification.objects.create(
            recipient=recipient,
            verb="contribution_answered",
            content_type=content_type_of(member.collectivity),
            object_id=member.collectivity.pk,
            collectivity=member.collectivity,
        )

    pages = {person.pk: reader(person).get(member_page(member)).content.decode() for person in (karim, salma, nadia)}

    assert "<bdi>Karim Reader</bdi>" in pages[karim.pk] and "(2 unread)" not in pages[karim.pk]
    assert "<bdi>&lt;b&gt;Salma&lt;/b&gt; &amp; co</bdi>" in pages[salma.pk] and "<b>Salma" not in pages[salma.pk]
    assert "(2 unread)" in pages[salma.pk]
    assert "(1 unread)" in pages[nadia.pk] and "<bdi>Nadia Reader</bdi>" in pages[nadia.pk]
    assert not any(name in pages[nadia.pk] for name in ("Karim", "Salma"))


def test_readers_with_powers_share_a_menu_only_with_readers_whose_powers_open_the_same_entries(page_cache, member):
    """A power holder's menu is rendered once per language, count and what their powers open (desks, the officers'
    queue, API tokens, the back office): nobody is given an entry of another person's powers, each reads their name."""
    officer = UserFactory(full_name="Officer Reader")
    RoleAssignmentFactory(user=officer, role=Role.INFORMATION_OFFICER, collectivity=member.collectivity)
    editor = UserFactory(full_name="Editor Reader")
    RoleAssignmentFactory(user=editor, role=Role.EDITOR, collectivity=member.collectivity)
    admin = UserFactory(full_name="Admin Reader", is_staff=True, is_superuser=True)
    body_member = UserFactory(full_name="Body Reader")
    AdvisoryBodyFactory(collectivity=member.collectivity).members.create(user=body_member)
    reader(UserFactory()).get(member_page(member))  # the copy

    pages = {
        person.full_name: reader(person).get(member_page(member)).content.decode()
        for person in (admin, officer, editor, body_member)
    }

    def menu(page: str) -> str:
        return page[page.index("Reader</bdi>") : page.index("Log out")]

    assert all(f"<bdi>{name}</bdi>" in page for name, page in pages.items())
    for name in ("Admin Reader", "Officer Reader", "Editor Reader"):  # a collectivity's staff use it too
        assert "Back office" in menu(pages[name]), name
    assert "Requests for information to handle" in menu(pages["Officer Reader"])
    assert "Monitoring desks" in menu(pages["Editor Reader"])
    assert "Requests for information to handle" not in menu(pages["Editor Reader"])
    body_members = menu(pages["Body Reader"])
    assert not any(entry in body_members for entry in ("Back office", "Monitoring desks", "API tokens", "to handle"))
