"""The bureau's pages: its desk (overdue first), the admissibility ruling and the council's decision, refused out of
order with a clear message; the list of signers and its CSV, the bureau's alone (404 for anyone else, another
collectivity's bureau included), formulas neutralised; who is told of each step; what waits for whom."""

import datetime

import pytest
from django.urls import reverse

from infitah.participation.models import Notification
from infitah.petitions import services, states, waiting
from infitah.petitions.models import Petition
from tests.petitions.factories import MONDAY, signed
from tests.petitions.pages import collecting, deposited, sign_many

pytestmark = pytest.mark.django_db


def url(name, petition):
    return reverse(f"petitions:{name}", args=[petition.pk])


def test_the_desk_lists_the_councils_petitions_overdue_first(client, people):
    late = deposited(people)  # deposited in January 2026: notice overdue
    recent = collecting(people, title="A recent one")
    sign_many(recent, people, 100, people.commune_a, start=500)
    recent = services.deposit(people.agent, recent)
    client.force_login(people.focal_point)
    html = client.get(reverse("petitions:bureau")).content.decode()
    assert html.index(late.title) < html.index("A recent one")
    assert html.count('class="overdue"') == 1
    assert client.get(reverse("petitions:bureau") + f"?collectivity={people.commune_b.code}").status_code == 404


@pytest.mark.parametrize("who", ["other_focal_point", "citizen", "editor"])
def test_only_the_councils_bureau_rules_and_reads_the_signers(client, people, who):
    petition = deposited(people)
    client.force_login(getattr(people, who))
    for name in ("rule", "decide", "signatures", "signatures_csv"):
        assert client.get(url(name, petition)).status_code == 404, name
    assert client.post(url("rule", petition), {"ruling": "admissible", "committee": "X"}).status_code == 404
    assert Petition.objects.get(pk=petition.pk).stage == states.DEPOSITED
    if who == "other_focal_point":
        assert client.get(reverse("petitions:bureau")).content.decode().count(petition.title) == 0


def test_anonymous_visitors_are_sent_to_sign_in(client, people):
    petition = deposited(people)
    for name in ("rule", "signatures", "signatures_csv"):
        assert client.get(url(name, petition)).status_code == 302


def test_a_ruling_needs_its_committee_or_its_reasons_and_keeps_what_was_typed(client, people):
    petition = deposited(people)
    client.force_login(people.council_member)
    html = client.post(url("rule", petition), {"ruling": "inadmissible", "reasons": ""}).content.decode()
    assert "give the reasons" in html
    html = client.post(url("rule", petition), {"ruling": "admissible", "reasons": "Texte gardé"}).content.decode()
    assert "Name the committee" in html and "Texte gardé" in html
    assert Petition.objects.get(pk=petition.pk).stage == states.DEPOSITED
    client.post(url("rule", petition), {"ruling": "inadmissible", "reasons": "Hors compétence du conseil."})
    html = client.get(url("petition", petition)).content.decode()
    assert "Declared inadmissible" in html and "Hors compétence du conseil." in html


def test_decisions_out_of_order_are_refused_clearly(client, people):
    petition = collecting(people)
    client.force_login(people.focal_point)
    html = client.post(url("rule", petition), {"ruling": "admissible", "committee": "X"}).content.decode()
    assert "not possible at this stage" in html
    html = client.post(url("decide", petition), {"decision": "accepted", "decision_text": "Oui"}).content.decode()
    assert "not possible at this stage" in html and "Oui" in html
    assert Petition.objects.get(pk=petition.pk).stage == states.COLLECTING


def test_admissible_then_decided_and_each_step_is_told(client, people):
    petition = deposited(people)
    signer = petition.signatures.get(full_name="Karim Bennani").signer
    client.force_login(people.focal_point)
    client.post(url("rule", petition), {"ruling": "admissible", "committee": "Commission sociale"})
    petition.refresh_from_db()
    assert petition.stage == states.ADMISSIBLE and petition.session_month is not None
    assert Notification.objects.filter(recipient=signer, verb="petition_admissible").exists()
    assert Notification.objects.filter(recipient=people.agent, verb="petition_admissible").exists()
    client.post(url("decide", petition), {"decision": "rejected", "decision_text": "Budget insuffisant."})
    assert Petition.objects.get(pk=petition.pk).decision == "rejected"
    assert Notification.objects.filter(recipient=signer, verb="petition_decided").exists()


def test_the_deposit_tells_the_bureau_and_the_signers_never_with_an_id_number(client, people):
    petition = collecting(people)
    sign_many(petition, people, 99, people.commune_a)
    signer = people.signer()
    signed(petition, signer, "ZX987654", people.commune_a)
    client.force_login(people.agent)
    client.post(url("deposit", petition))
    assert Notification.objects.filter(recipient=people.focal_point, verb="petition_to_rule_on").exists()
    assert Notification.objects.filter(recipient=people.council_member, verb="petition_to_rule_on").exists()
    assert not Notification.objects.filter(recipient=people.other_focal_point).exists()
    assert Notification.objects.filter(recipient=signer, verb="petition_deposited").exists()
    from django.core import mail

    assert all("987654" not in message.body for message in mail.outbox)


def test_the_signers_list_and_csv_show_masked_numbers_and_neutralise_formulas(client, people):
    petition = collecting(people)
    signed(petition, people.signer(), "AB123456", people.commune_a, name='=HYPERLINK("http://evil")')
    client.force_login(people.focal_point)
    html = client.get(url("signatures", petition)).content.decode()
    assert "AB••••56" in html and "AB123456" not in html
    response = client.get(url("signatures_csv", petition))
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body and "AB••••56" in body and "AB123456" not in body


def test_the_signers_list_costs_the_same_queries_for_5_or_200(client, people, django_assert_max_num_queries):
    from tests.clients import queries

    petition = collecting(people)
    sign_many(petition, people, 5, people.commune_a)
    client.force_login(people.focal_point)
    few = queries(client, url("signatures", petition))
    sign_many(petition, people, 195, people.commune_a, start=5)
    with django_assert_max_num_queries(few):
        client.get(url("signatures", petition))


def test_what_waits_for_the_bureau_and_the_agent(people):
    petition = collecting(people)
    sign_many(petition, people, 100, people.commune_a)
    [item] = waiting.yours(people.agent)
    assert item.url == url("deposit", petition) and "deposit" in item.note
    services.deposit(people.agent, petition, today=MONDAY)
    assert waiting.yours(people.agent) == []
    [item] = waiting.to_rule_on(people.focal_point, now=None)
    assert item.url == url("rule", petition) and item.due == datetime.date(2026, 4, 12)
    assert waiting.to_rule_on(people.other_focal_point) == []


def test_what_waits_costs_the_same_queries_for_one_petition_or_many(people, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    deposited(people)
    collecting(people)
    with CaptureQueriesContext(connection) as one:
        waiting.to_rule_on(people.focal_point)
        waiting.yours(people.agent)
    for _ in range(4):
        collecting(people)
    deposited(people)
    with django_assert_max_num_queries(len(one)):
        assert len(waiting.to_rule_on(people.focal_point)) == 2
        assert len(waiting.yours(people.agent)) == 5
