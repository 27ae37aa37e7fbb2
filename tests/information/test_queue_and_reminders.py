"""The officers' queue (overdue first, then by due date; filters; counts; one collectivity at a time), what waits for
them on the landing page, and the daily reminder of what falls due: to each officer, about their collectivities
only, never with the requester's identity."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from infitah.accounts.models import Role
from infitah.information import services, states, waiting
from infitah.information.emails import send_reminders
from infitah.information.models import RequestKind
from infitah.information.tasks import send_information_reminders
from tests.clients import page_as, queries
from tests.information.factories import MONDAY, filed_request
from tests.people import People

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


class QueuePeople(People):
    def __init__(self):
        super().__init__()
        self.officer_b = self.holding(Role.INFORMATION_OFFICER, self.commune_b)
        self.second_officer_a = self.holding(Role.INFORMATION_OFFICER, self.commune_a)


@pytest.fixture
def people(db):
    return QueuePeople()


@pytest.fixture
def requests(people):
    """In A: one overdue (filed long ago), one urgent due within days, one ordinary due in weeks, one answered.
    In B: one overdue."""
    return {
        "overdue": filed_request(people.commune_a, people.citizen, on=MONDAY, subject="Overdue budget"),
        "urgent": filed_request(
            people.commune_a, people.citizen, kind=RequestKind.URGENT, on=TODAY, subject="Urgent rehousing"
        ),
        "ordinary": filed_request(people.commune_a, people.citizen, on=TODAY, subject="Ordinary markets"),
        "answered": services.perform(
            people.information_officer,
            filed_request(people.commune_a, people.citizen, on=TODAY, subject="Answered minutes"),
            states.ANSWER,
            response="Voici.",
        ),
        "in_b": filed_request(people.commune_b, people.citizen, on=MONDAY, subject="Overdue in B"),
    }


def queue_url(query=""):
    return reverse("information:queue") + query


def test_the_queue_puts_the_overdue_first_then_the_soonest_due(client, people, requests):
    html = page_as(client, people.information_officer, queue_url())
    order = [html.index(requests[key].reference) for key in ("overdue", "urgent", "ordinary")]
    assert order == sorted(order)
    assert requests["answered"].reference not in html  # open requests by default
    assert requests["in_b"].reference not in html
    counts = html[html.index('id="queue-counts"') : html.index("</ul>", html.index('id="queue-counts"'))]
    assert "Open: <strong>3</strong>" in counts and "Overdue: <strong>1</strong>" in counts
    assert "Closed: <strong>1</strong>" in counts and "Urgent: <strong>1</strong>" in counts
    assert "AB123456" not in html and "Fatima" not in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("?overdue=on", ["overdue"], ["urgent", "ordinary", "answered"]),
        ("?kind=urgent", ["urgent"], ["overdue", "ordinary"]),
        ("?state=answered", ["answered"], ["overdue", "urgent", "ordinary"]),
        ("?state=all", ["overdue", "urgent", "ordinary", "answered"], []),
        ("?due_within=7", ["urgent"], ["overdue", "ordinary"]),
    ],
)
def test_the_queue_filters(client, people, requests, query, shown, hidden):
    html = page_as(client, people.information_officer, queue_url(query))
    for key in shown:
        assert requests[key].reference in html, key
    for key in hidden:
        assert requests[key].reference not in html, key


def test_officers_of_b_see_only_bs_queue_and_never_as(client, people, requests):
    html = page_as(client, people.officer_b, queue_url())
    assert requests["in_b"].reference in html and requests["overdue"].reference not in html
    client.force_login(people.officer_b)
    assert client.get(queue_url(f"?collectivity={people.commune_a.code}")).status_code == 404


def test_an_officer_of_several_collectivities_chooses_the_queue(client, people, requests):
    both = people.holding(Role.INFORMATION_OFFICER, people.commune_a)
    from tests.factories import RoleAssignmentFactory

    RoleAssignmentFactory(user=both, role=Role.INFORMATION_OFFICER, collectivity=people.commune_b)
    html = page_as(client, both, queue_url(f"?collectivity={people.commune_b.code}"))
    assert requests["in_b"].reference in html and requests["overdue"].reference not in html
    assert f"?collectivity={people.commune_a.code}" in html


@pytest.mark.parametrize("who", ["citizen", "focal_point", "coordinator"])
def test_people_who_are_not_information_officers_are_refused_the_queue_with_the_reason(client, people, who):
    client.force_login(getattr(people, who))
    response = client.get(queue_url())
    assert response.status_code == 403
    assert "Only the information officers" in response.content.decode()


def test_a_visitor_is_asked_to_sign_in_for_the_queue(client):
    response = client.get(queue_url())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_queue_costs_the_same_queries_for_5_or_30_requests(client, people):
    for _ in range(5):
        filed_request(people.commune_a, people.citizen, on=TODAY)
    client.force_login(people.information_officer)
    client.get(queue_url())
    few = queries(client, queue_url())
    for n in range(25):
        filed_request(people.commune_a, people.citizen, on=MONDAY if n % 2 else TODAY, kind=RequestKind.URGENT)
    assert queries(client, queue_url()) == few


# --- The landing page ------------------------------------------------------------------------------------------


def test_officers_find_the_requests_falling_due_on_their_landing_page(people, requests):
    items = waiting.requests_falling_due(people.information_officer)
    urls = [item.url for item in items]
    assert urls == [requests["overdue"].get_absolute_url(), requests["urgent"].get_absolute_url()]
    assert items[0].overdue and not items[1].overdue
    assert waiting.requests_falling_due(people.citizen) == []
    assert [item.url for item in waiting.requests_falling_due(people.officer_b)] == [
        requests["in_b"].get_absolute_url()
    ]


def test_the_landing_group_costs_the_same_queries_whatever_the_number(people, django_assert_max_num_queries):
    filed_request(people.commune_a, people.citizen, on=MONDAY)
    officer = type(people.information_officer).objects.get(pk=people.information_officer.pk)
    with django_assert_max_num_queries(3) as captured:
        waiting.requests_falling_due(officer)
    for _ in range(10):
        filed_request(people.commune_a, people.citizen, on=MONDAY)
    officer = type(officer).objects.get(pk=officer.pk)
    with django_assert_max_num_queries(len(captured)):
        waiting.requests_falling_due(officer)


# --- The daily reminder ---------------------------------------------------------------------------------------


def test_the_reminder_tells_each_officer_what_falls_due_in_their_collectivities_only(people, requests):
    # Each reminder is written in its reader's language: this officer reads English, the others the default Arabic.
    type(people.information_officer).objects.filter(pk=people.information_officer.pk).update(preferred_language="en")
    mail.outbox.clear()
    assert send_reminders() == 3  # two officers of A, one of B
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {
        people.information_officer.email,
        people.second_officer_a.email,
        people.officer_b.email,
    }
    to_a = by_recipient[people.information_officer.email].body
    assert requests["overdue"].reference in to_a and requests["urgent"].reference in to_a
    assert requests["ordinary"].reference not in to_a  # due in weeks
    assert requests["answered"].reference not in to_a and requests["in_b"].reference not in to_a
    assert "Overdue since" in to_a
    to_b = by_recipient[people.officer_b.email].body
    assert "Overdue since" not in to_b and "طلبات الحصول على المعلومات" in to_b
    assert requests["in_b"].reference in to_b and requests["overdue"].reference not in to_b
    for message in mail.outbox:
        assert "AB123456" not in message.body and "Fatima" not in message.body
        assert people.citizen.email not in message.to


def test_each_officer_gets_one_reminder_a_day_however_often_it_runs(people, requests):
    mail.outbox.clear()
    assert send_reminders() == 3
    assert send_reminders() == 0
    assert len(mail.outbox) == 3
    assert send_reminders(TODAY + datetime.timedelta(days=1)) == 3  # the next day, again


def test_nobody_gets_an_empty_reminder(people):
    filed_request(people.commune_a, people.citizen, on=TODAY)  # due in weeks
    mail.outbox.clear()
    assert send_reminders() == 0
    assert mail.outbox == []


def test_the_reminder_is_a_command(people, requests):
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_information_reminders", stdout=out)
    assert "3 reminder(s) sent." in out.getvalue() and len(mail.outbox) == 3


def test_the_reminder_is_a_task(people, requests):
    mail.outbox.clear()
    result = send_information_reminders.enqueue()
    assert result.return_value == 3 and len(mail.outbox) == 3


def test_a_paused_request_is_not_falling_due(people):
    paused = filed_request(people.commune_a, people.citizen, on=MONDAY)
    services.perform(people.information_officer, paused, states.ASK_CLARIFICATION, message="Which year?", today=MONDAY)
    mail.outbox.clear()
    assert send_reminders() == 0


def test_an_officer_without_an_email_address_or_inactive_is_skipped(people, requests):

    people.second_officer_a.is_active = False
    people.second_officer_a.save()
    mail.outbox.clear()
    assert send_reminders() == 2
