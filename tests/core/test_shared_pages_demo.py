"""On the demo's pages, a citizen given the copy of a page shared by people without power (core/sharedpages.py) reads
exactly the page the view renders for them: their name and menu, what they follow and support, their own comments
(hidden ones too), their forms. Checked for two citizens in different states, each completed from a copy the other
one's read rendered; and people with a power are never given the shared copy."""

import datetime
import re
from contextlib import suppress

import pytest
from django.test import Client
from django.urls import resolve
from django.utils import translation

from infitah.accounts.models import User
from infitah.core import sharedpages
from infitah.core.sharedpages import HEADER
from infitah.events.models import Event, Registration
from infitah.events.registrations import RegistrationRefused, register
from infitah.participation.comments import post_comment
from infitah.participation.follows import follow
from infitah.participation.models import Comment, Follow
from infitah.participation.supports import support
from infitah.participation.targets import ParticipationRefused
from infitah.training.models import Course, Enrolment
from tests.core.page_cache_helpers import demo_database, page_cache, without_tokens  # noqa: F401
from tests.core.test_page_cache import PAGE_KINDS
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_database", "page_cache")]

CITIZEN = "citizen@infitah.example"
WITH_POWERS = (
    "focal.marrakech-safi@infitah.example",  # a role
    "association@infitah.example",  # an association's representative
    "body.member@infitah.example",  # a seat on an advisory body
    "coordinator@infitah.example",  # a network role
    "admin@infitah.example",  # staff
)


def shared(url: str, to_everyone: bool = False, user: User | None = None) -> bool:
    with translation.override("en"):
        return sharedpages.is_shared(resolve(url).view_name, to_everyone=to_everyone, user=user)


def shared_addresses() -> list[str]:
    """Up to three rows of every page kind declared shared."""
    found = []
    for kind in PAGE_KINDS:
        for row in kind.rows()[:3]:
            url = kind.url(row)
            if shared(url) and url not in found:
                found.append(url)
    return found


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def engaged_citizen() -> User:
    """A citizen who follows, supports and comments on what the shared pages show (one comment since hidden)."""
    person = UserFactory(full_name="Salma Engaged", email="salma@example.org")
    comments = []
    for kind in PAGE_KINDS:
        for row in kind.rows()[:3]:
            if not shared(kind.url(row)):
                continue
            for act in (follow, support):
                with suppress(ParticipationRefused):  # a row that takes no follow or support, or not now
                    act(person, row)
            with suppress(ParticipationRefused):  # closed, or not commentable
                comments.append(post_comment(person, row, f"Salma's remark on {kind}"))
            if isinstance(row, Course):  # enrolled while she represented an association (a citizen may not enrol)
                Enrolment.objects.get_or_create(course=row, user=person)
            if isinstance(row, Event):
                with suppress(RegistrationRefused):  # registration closed
                    register(person, row, now=row.starts_at - datetime.timedelta(days=7))  # when it was open
    comments[0].is_hidden = True  # hidden by the moderators: still shown to her, its author
    comments[0].save()
    # The state is really there: the test compares pages that differ from one citizen to the other.
    assert Follow.objects.filter(user=person).count() >= 5
    assert Comment.objects.filter(author=person, is_hidden=True).exists()
    assert Registration.objects.filter(user=person).exists()
    assert Enrolment.objects.filter(user=person).exists()
    return person


def test_each_citizen_reads_the_page_rendered_for_them_from_a_copy_another_one_made(settings, engaged_citizen):
    pages = shared_addresses()
    assert len(pages) >= 8, pages
    citizen = User.objects.get(email=CITIZEN)
    for first, second in ((citizen, engaged_citizen), (engaged_citizen, citizen)):
        settings.INFITAH_PAGE_CACHE_SECONDS = 60
        from django.core.cache import caches

        caches["pages"].clear()
        completed = {}
        for address in pages:
            made = signed_in(first).get(address)
            given = signed_in(second).get(address)
            if made.status_code == 200:
                assert (made[HEADER], given[HEADER]) == ("miss", "hit"), address
            else:  # a draft nobody but its authors and staff may see: the view answers for the reader
                assert HEADER not in given, address
            completed[address] = given

        settings.INFITAH_PAGE_CACHE_SECONDS = 0
        reader = signed_in(second)
        for address in pages:
            rendered = reader.get(address)
            assert HEADER not in rendered
            assert completed[address].status_code == rendered.status_code, address
            assert without_tokens(completed[address].content) == without_tokens(rendered.content), (address, second)


def test_the_completed_page_carries_the_readers_own_state(engaged_citizen):
    program_page = next(address for address in shared_addresses() if re.search(r"/programs/\d+/$", address))
    signed_in(User.objects.get(email=CITIZEN)).get(program_page)  # the shared copy, made by another citizen

    page = signed_in(engaged_citizen).get(program_page)

    assert page[HEADER] == "hit"
    text = page.content.decode()
    assert "Salma Engaged" in text  # the account menu is hers
    assert "Stop following" in text  # she follows the program
    assert "infitah-part:" not in text  # every marker was completed
    assert "Salma Engaged" not in signed_in(User.objects.get(email=CITIZEN)).get(program_page).content.decode()


@pytest.mark.parametrize("email", WITH_POWERS)
def test_a_person_with_a_power_reads_the_page_rendered_for_them_from_a_copy_only_where_it_is_shared_by_everyone(
    settings, email
):
    """Their staff tools, drafts and forms are personal parts of such a page; any other page is rendered for them."""
    person = User.objects.get(email=email)
    citizen = User.objects.get(email=CITIZEN)
    given = {}
    for address in shared_addresses():
        made = signed_in(citizen).get(address)
        response = signed_in(person).get(address)
        if shared(address, to_everyone=True, user=person) and made.status_code == 200:
            assert response[HEADER] == "hit", (email, address)
            given[address] = response
        else:
            assert HEADER not in response, (email, address)
    assert given, "some page is shared by everyone"

    settings.INFITAH_PAGE_CACHE_SECONDS = 0
    reader = signed_in(person)
    for address, response in given.items():
        rendered = reader.get(address)
        assert HEADER not in rendered
        assert response.status_code == rendered.status_code, address
        assert without_tokens(response.content) == without_tokens(rendered.content), (address, email)
