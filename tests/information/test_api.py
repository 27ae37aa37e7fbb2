"""A developer reads the register as JSON: the public requests with their history, due dates, reply and ground, and
the figures per collectivity and for the network. Never who asked (unless they chose to show their name), never a
national ID number, never an internal note; answers cost a fixed number of queries whatever the rows."""

import pytest

from infitah.information import services, states
from infitah.information.models import Ground, RequestKind
from tests.api.helpers import API, get_json, queries
from tests.information.factories import filed_request
from tests.information.register_factories import answered, days, hidden, refused

pytestmark = pytest.mark.django_db


def test_a_request_comes_with_its_history_dates_and_reply_never_its_requester(client, people):
    officer = people.information_officer
    request = filed_request(people.commune_a, people.citizen, subject="Market hall budget")
    services.perform(officer, request, states.START, today=days(1))
    services.perform(officer, request, states.EXTEND, message="Many documents to gather", today=days(2))
    services.add_note(officer, request, "Call the finance office first")
    request = services.perform(
        officer, request, states.REFUSE, response="Defence", ground=Ground.DEFENCE, today=days(3)
    )

    item = get_json(client, f"{API}/information/requests/{request.reference}")

    assert item["subject"] == "Market hall budget"
    assert item["collectivity_code"] == people.commune_a.code
    assert item["state"] == "refused" and item["ground"] == "defence" and item["response"] == "Defence"
    assert item["received_on"] == request.received_on.isoformat()
    assert item["replied_on"] == days(3).isoformat()
    assert item["extended_on"] == days(2).isoformat()
    assert item["requester_name"] is None
    assert [(e["act"], e["state"], e["on"]) for e in item["history"]] == [
        ("file", "received", request.received_on.isoformat()),
        ("start", "in_progress", days(1).isoformat()),
        ("extend", "extended", days(2).isoformat()),
        ("refuse", "refused", days(3).isoformat()),
    ]
    assert item["history"][2]["message"] == "Many documents to gather"
    text = str(item)
    assert "Fatima Zahra Bennani" not in text and "AB123456" not in text and "finance office" not in text
    assert "national_id" not in text and "contact_email" not in text and "actor" not in text


def test_a_name_the_requester_chose_to_show_is_given(client, people):
    request = filed_request(people.commune_a, people.citizen, requester_name="Karim Alaoui")
    services.set_publish_name(people.citizen, request, True)
    assert get_json(client, f"{API}/information/requests/{request.reference}")["requester_name"] == "Karim Alaoui"


def test_a_request_out_of_the_register_is_not_found(client, people):
    request = hidden(people.commune_a, people.information_officer)
    get_json(client, f"{API}/information/requests/{request.reference}", status=404)
    assert get_json(client, f"{API}/information/requests")["items"] == []
    get_json(client, f"{API}/information/requests/NOPE-2025-0001", status=404)


def test_the_list_filters_by_collectivity_state_kind_and_year(client, people):
    officer = people.information_officer
    in_b = filed_request(people.commune_b)
    urgent = filed_request(people.commune_a, kind=RequestKind.URGENT)
    refusal = refused(people.commune_a, officer)
    earlier = filed_request(people.commune_a, on=days(-364))

    def found(**params):
        return {item["reference"] for item in get_json(client, f"{API}/information/requests", **params)["items"]}

    assert found(collectivity=people.commune_b.code) == {in_b.reference}
    assert found(state="refused") == {refusal.reference}
    assert found(kind="urgent") == {urgent.reference}
    assert found(year=days(-364).year) == {earlier.reference}
    assert len(found()) == 4
    answer = get_json(client, f"{API}/information/requests")
    assert answer["items"][-1]["reference"] == earlier.reference  # newest first
    get_json(client, f"{API}/information/requests", status=422, state="lost")


def test_the_statistics_of_the_network_and_of_a_collectivity(client, people):
    officer = people.information_officer
    answered(people.commune_a, officer, after=2)
    refused(people.commune_a, officer, ground=Ground.PRIVATE_LIFE)
    filed_request(people.commune_b)

    network = get_json(client, f"{API}/information/statistics")
    assert network["network"]["received"] == 3 and network["network"]["replied"] == 2
    assert network["network"]["refused_share"] == 0.5
    by_code = {row["collectivity_code"]: row for row in network["collectivities"]}
    assert by_code[people.commune_b.code]["on_time_rate"] is None  # nothing replied: no data, not 0
    assert by_code[people.commune_a.code]["grounds"] == {"private_life": 1}

    one = get_json(client, f"{API}/information/statistics/{people.commune_a.code}")
    assert one["collectivity_code"] == people.commune_a.code and one["on_time_rate"] == 1.0
    assert get_json(client, f"{API}/information/statistics/{people.commune_a.code}", year=2020)["received"] == 0
    get_json(client, f"{API}/information/statistics/NOPE", status=404)


def test_answers_cost_the_same_queries_whatever_the_number_of_requests(client, people):
    officer = people.information_officer
    first = filed_request(people.commune_a)
    urls = [
        f"{API}/information/requests",
        f"{API}/information/requests/{first.reference}",
        f"{API}/information/statistics",
        f"{API}/information/statistics/{people.commune_a.code}",
    ]
    few = [queries(client, url) for url in urls]
    for number in range(6):
        request = filed_request(people.commune_a if number % 2 else people.commune_b, on=days(number))
        if number % 2:
            services.perform(officer, request, states.START, today=days(number + 1))
    first = services.perform(officer, first, states.START, today=days(1))
    services.perform(officer, first, states.EXTEND, message="Many files", today=days(2))
    assert [queries(client, url) for url in urls] == few
