"""Pages as a signed-in person sees them (never served from a cache of anonymous pages).

The frame every visitor of a language shares (the navigation's labels and addresses, the footer) is computed once per
process and language (core.chrome): each request still gets its own language, its own current page and its own
account menu. And a signed-in page costs the same number of queries whatever the number of rows behind it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from infitah.accounts.models import Role
from infitah.core.contributions import NavigationItem, navigation
from infitah.participation.models import Notification
from infitah.participation.notifications import notify
from tests.factories import (
    AdvisoryBodyFactory,
    MembershipFactory,
    NetworkFactory,
    RoleAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    NetworkFactory()
    return MembershipFactory()


@pytest.fixture
def officer(member):
    """An information officer of a member commune: staff, with entries of the account menu a citizen lacks."""
    return RoleAssignmentFactory(
        role=Role.INFORMATION_OFFICER, collectivity=member.collectivity, user__full_name="Nadia Staff"
    ).user


@pytest.fixture
def citizen():
    return UserFactory(full_name="Karim Citizen")


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def queries(client, url):
    client.get(url)  # per-process memos filled: the pin is about every later request
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_frame_is_in_the_language_of_each_request_one_after_the_other(client, citizen, member):
    client.force_login(citizen)
    expected = {}
    for language in ("en", "fr", "ar"):
        with translation.override(language):
            expected[language] = (translation.gettext("Privacy notice"), translation.gettext("The network"))
    assert len({footer for footer, _nav in expected.values()}) == 3, "the three languages differ"

    for language in ("en", "fr", "ar", "en", "fr"):
        html = page(client, f"/{language}/network/")
        footer, network = expected[language]
        assert footer in html
        assert f'href="/{language}/network/" aria-current="page">{network}</a>' in html
        assert f'href="/{language}/accounts/privacy/"' in html
        others = [other for other in expected if other != language]
        assert not any(expected[other][0] in html for other in others), "no footer frozen in another language"


def test_the_current_page_is_marked_on_each_request(client, citizen, member):
    client.force_login(citizen)
    assert 'href="/en/network/" aria-current="page"' in page(client, "/en/network/")
    assert 'href="/en/network/" aria-current="page"' not in page(client, "/en/")
    assert 'href="/en/network/">' in page(client, "/en/")


def test_the_account_menu_is_each_persons_own(client, officer, citizen):
    for person, other in ((officer, citizen), (citizen, officer), (officer, citizen)):
        client.force_login(person)
        html = page(client, "/en/network/")
        assert person.full_name in html and other.full_name not in html
        handles_requests = "Requests for information to handle" in html
        assert handles_requests == (person == officer), "the officers' queue is offered to the officer only"


def test_a_navigation_entry_registered_while_running_appears_on_the_next_page(client, citizen, monkeypatch):
    client.force_login(citizen)
    assert "Extra entry" not in page(client, "/en/")
    monkeypatch.setitem(navigation, "extra", NavigationItem("extra", "Extra entry", "territories:charter", order=999))
    html = page(client, "/en/")
    assert '<a href="/en/network/charter/">Extra entry</a>' in html
    assert "Extra entry" in page(client, "/fr/network/")


@pytest.mark.parametrize("person", ["officer", "citizen"])
def test_signed_in_network_and_member_pages_cost_the_same_with_10_or_100_members(client, person, request, member):
    client.force_login(request.getfixturevalue(person))
    urls = ("/ar/", "/ar/network/", f"/ar/network/members/{member.collectivity.code}/", "/ar/accounts/home/")
    MembershipFactory.create_batch(9)
    few = {url: queries(client, url) for url in urls}
    MembershipFactory.create_batch(90)
    many = {url: queries(client, url) for url in urls}
    assert few == many
    # The session and the person (2), the unread count and the roles for the header (2), then the page's own.
    assert few["/ar/network/"] <= 13


@pytest.mark.parametrize("person", ["officer", "citizen"])
def test_the_notifications_page_costs_the_same_with_5_or_100_notifications(client, person, request, member):
    reader = request.getfixturevalue(person)
    client.force_login(reader)
    body = AdvisoryBodyFactory(collectivity=member.collectivity)
    actor = UserFactory()
    for _ in range(5):
        notify("comment_posted", body, actor=actor, recipients=[reader])
    few = queries(client, "/ar/participation/notifications/")
    for _ in range(95):
        notify("comment_posted", body, actor=UserFactory(), recipients=[reader])
    assert Notification.objects.filter(recipient=reader).count() == 100
    assert queries(client, "/ar/participation/notifications/") == few
