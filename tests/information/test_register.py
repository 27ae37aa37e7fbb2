"""The public register: anyone finds what was asked of the network's members and what they did, never who asked."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from infitah.information import services
from infitah.information.models import Ground, RequestKind
from tests.information.factories import MONDAY, filed_request
from tests.information.register_factories import answered, days, hidden, refused

pytestmark = pytest.mark.django_db


def url():
    return reverse("information:register")  # in the test's language (English)


def page(client, **query):
    response = client.get(url(), query)
    assert response.status_code == 200
    return response.content.decode()


def test_anyone_reads_a_request_with_its_dates_and_state_but_not_who_asked(client, people):
    request = answered(people.commune_a, people.information_officer, subject="Budget of the market hall")
    html = page(client)
    assert request.reference in html
    assert reverse("information:request", args=[request.reference]) in html
    assert "<bdi>Budget of the market hall</bdi>" in html
    assert "Answered" in html
    assert request.received_on.isoformat() in html and request.due_on.isoformat() in html
    assert request.replied_on.isoformat() in html
    assert "Fatima Zahra Bennani" not in html
    assert "AB123456" not in html


def test_a_requester_who_chose_to_show_their_name_is_named(client, people):
    request = filed_request(people.commune_a, people.citizen, requester_name="Karim Alaoui")
    services.set_publish_name(people.citizen, request, True)
    assert "<bdi>Karim Alaoui</bdi>" in page(client)


def test_a_request_kept_out_of_the_register_is_not_listed(client, people):
    hidden(people.commune_a, people.information_officer, subject="About my neighbour's file")
    filed_request(people.commune_a, subject="Roads budget")
    html = page(client)
    assert "Roads budget" in html
    assert "neighbour" not in html


def test_a_request_past_its_due_date_is_flagged_overdue_and_can_be_filtered(client, people):
    late = filed_request(people.commune_a, subject="Late one")  # due in spring 2025
    recent = filed_request(people.commune_a, subject="Recent one", on=timezone.localdate())
    answered(people.commune_a, people.information_officer, subject="Answered late", after=90)
    assert "overdue" in page(client)
    html = page(client, overdue="on")
    assert late.reference in html
    assert recent.reference not in html
    assert "Answered late" not in html  # a reply, even a late one, is no longer overdue


def test_search_finds_words_of_the_subject_the_description_and_the_response(client, people):
    officer = people.information_officer
    by_subject = filed_request(people.commune_a, subject="Public lighting contracts")
    by_description = filed_request(people.commune_a, description="Minutes of the council of January")
    by_response = answered(people.commune_a, officer, response="The waste collection tender is attached")
    other = filed_request(people.commune_a, subject="Something else")

    def found(query):
        html = page(client, q=query)
        return {r.reference for r in (by_subject, by_description, by_response, other) if r.reference in html}

    assert found("lighting") == {by_subject.reference}
    assert found("council january") == {by_description.reference}
    assert found("TENDER") == {by_response.reference}
    assert found("nothing-like-this") == set()


def test_arabic_words_find_the_request_whatever_their_place_in_the_text(client, people):
    request = filed_request(people.commune_a, subject="ميزانية المساءلة", description="محاضر دورات المجلس الجماعي")
    assert request.reference in page(client, q="المساءلة")
    assert request.reference in page(client, q="المجلس ميزانية")
    assert request.reference not in page(client, q="الإنارة")


def test_filters_by_collectivity_state_kind_year_and_ground(client, people):
    officer = people.information_officer
    in_a = filed_request(people.commune_a, subject="In A")
    in_b = filed_request(people.commune_b, subject="In B")
    urgent = filed_request(people.commune_a, kind=RequestKind.URGENT, subject="Urgent one")
    refusal = refused(people.commune_a, officer, ground=Ground.DEFENCE)
    next_year = filed_request(people.commune_a, on=days(365), subject="Next year")
    everything = {in_a, in_b, urgent, refusal, next_year}

    def found(**query):
        html = page(client, **query)
        return {r for r in everything if r.reference in html}

    assert found(collectivity=people.commune_b.code) == {in_b}
    assert found(state="refused") == {refusal}
    assert found(kind="urgent") == {urgent}
    assert found(year=str(days(365).year)) == {next_year}
    assert found(ground=Ground.DEFENCE) == {refusal}
    assert found() == everything


def test_newest_first_and_paginated(client, people):
    oldest = filed_request(people.commune_a, subject="Oldest", on=MONDAY)
    for number in range(30):
        filed_request(people.commune_a, subject=f"Request {number}", on=days(1 + number))
    first = page(client)
    assert oldest.reference not in first
    assert "Page 1 of 2" in first
    assert oldest.reference in page(client, page="2")


def test_a_wrong_filter_is_explained_and_the_register_still_shows(client, people):
    filed_request(people.commune_a, subject="Still here")
    html = page(client, collectivity="NOPE", year="abc")
    assert "Still here" in html
    assert "Select a valid choice" in html


def queries_for(client, **query):
    client.get(url(), query)  # per-process caches filled
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url(), query).status_code == 200
    return len(captured)


def test_the_register_costs_the_same_queries_whatever_the_number_of_requests(client, people):
    officer = people.information_officer
    answered(people.commune_a, officer)
    filed_request(people.commune_a)  # overdue, and its description speaks of a report
    few = queries_for(client), queries_for(client, q="report", overdue="on")
    for number in range(12):
        answered(people.commune_a, officer, on=days(number))
        filed_request(people.commune_b, on=days(number))
    assert (queries_for(client), queries_for(client, q="report", overdue="on")) == few
