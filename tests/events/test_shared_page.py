"""An event's page is shared by everyone signed in (core/sharedpages.py): what a reader's powers add to it (the
managers' tools, the links to a program still in preparation, its axes and commitments) is rendered for them in the
copy another reader's visit made, and never shown to a reader without that power."""

import pytest

from infitah.accounts.models import Role
from infitah.core.sharedpages import HEADER
from infitah.events.models import Finding
from infitah.programs.phases import Phase
from tests.core.page_cache_helpers import (  # noqa: F401 -- page_cache: a fixture
    page_cache,
    rendered_for,
    signed_in_client,
    without_tokens,
)
from tests.events.factories import EventFactory
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

TOOLS = ("Mark attendance", "Edit the agenda", "Attendance statistics")


@pytest.fixture
def workshop():
    """A co-creation workshop of a program still in preparation, whose finding fed one of its commitments."""
    program = ProgramFactory(title={"en": "Open <b>Qasba</b>"}, phase=Phase.PREPARATION)
    commitment = CommitmentFactory(
        axis=AxisFactory(program=program, title={"en": "Ledgers"}), title={"en": "Draft ledger"}
    )
    event = EventFactory(collectivity=program.collectivity, program=program, title={"en": "Co-creation day"})
    finding = Finding.objects.create(event=event, text={"en": "Publish the budget"})
    finding.axes.add(commitment.axis)
    finding.commitments.add(commitment)
    return event


def page_of(user, event) -> tuple[str, str]:
    response = signed_in_client(user).get(f"/en/events/{event.pk}/")
    assert response.status_code == 200
    return response[HEADER], without_tokens(response.content)


def test_a_manager_reads_the_events_page_from_the_copy_with_their_tools_and_the_draft_programs_links(
    settings, workshop
):
    focal_point = UserFactory(full_name="Focal Point")
    RoleAssignmentFactory(user=focal_point, role=Role.FOCAL_POINT, collectivity=workshop.collectivity)
    made, citizens = page_of(UserFactory(), workshop)
    assert made == "miss"

    given, theirs = page_of(focal_point, workshop)

    assert given == "hit"
    assert theirs == rendered_for(settings, focal_point, f"/en/events/{workshop.pk}/")
    assert all(tool in theirs for tool in TOOLS)
    assert "Open &lt;b&gt;Qasba&lt;/b&gt;" in theirs and "Axes: Ledgers" in theirs and ">Draft ledger</a>" in theirs
    assert "Co-creation day" in citizens and "Publish the budget" in citizens
    assert not any(tool in citizens for tool in TOOLS)
    assert "Qasba" not in citizens and "Ledgers" not in citizens and "Draft ledger" not in citizens


def test_another_members_staff_are_given_the_citizens_page_but_for_their_menu(settings, workshop):
    elsewhere = UserFactory()
    RoleAssignmentFactory(user=elsewhere, role=Role.EDITOR)
    page_of(UserFactory(), workshop)

    given, theirs = page_of(elsewhere, workshop)

    assert given == "hit"
    assert theirs == rendered_for(settings, elsewhere, f"/en/events/{workshop.pk}/")
    assert not any(tool in theirs for tool in TOOLS) and "Qasba" not in theirs and "Ledgers" not in theirs


def test_once_the_program_is_public_every_reader_is_given_its_links(workshop):
    workshop.program.phase = Phase.CO_CREATION
    workshop.program.save()
    elsewhere = UserFactory()
    RoleAssignmentFactory(user=elsewhere, role=Role.EDITOR)
    made, citizens = page_of(UserFactory(), workshop)

    given, theirs = page_of(elsewhere, workshop)

    assert (made, given) == ("miss", "hit")
    for page in (citizens, theirs):
        assert "Open &lt;b&gt;Qasba&lt;/b&gt;" in page and "Axes: Ledgers" in page and ">Draft ledger</a>" in page


def test_the_list_and_calendar_are_shared_with_whoever_they_show_no_unpublished_event(settings, people):
    """The events list and the month's calendar are given from the copy everyone signed in shares to a reader with a
    power who may see no unpublished event (the link to add one is theirs alone); a reader who may see one (its
    collectivity's staff, the network coordinators) has them rendered, with it."""
    from django.utils import timezone

    from tests.core.page_cache_helpers import assert_rendered_showing, read_from_one_copy

    EventFactory(collectivity=people.commune_a, title={"en": "Open budget day"})
    draft = EventFactory(collectivity=people.commune_b, title={"en": "Draft hearing"}, is_published=False)
    month = timezone.localtime(draft.starts_at)
    addresses = ["/en/events/", f"/en/events/calendar/{month.year}/{month.month}/"]
    given_the_copy = {
        "citizen": people.citizen,
        "editor of A": people.editor,  # manages events, but B's draft is not theirs to see
        "council member of A": people.council_member,
    }
    pages = read_from_one_copy(settings, given_the_copy, addresses)
    add = 'href="/en/admin/events/event/add/"'
    assert {name: (add in listed, "Draft hearing" in month_page) for name, (listed, month_page) in pages.items()} == {
        "citizen": (False, False),
        "editor of A": (True, False),
        "council member of A": (False, False),
    }

    for address in addresses:  # B's staff, the coordinators: they see the draft
        assert_rendered_showing([people.other_focal_point, people.coordinator], address, "Draft hearing")
