"""The petition's page and the agent's pages: who sees what (a draft is its initiators'; signers are never shown),
the count against the threshold, the bureau's clock, the ruling and the session; drafting, co-initiators,
opening, withdrawing and depositing, with clear refusals and forms that keep what was typed."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from infitah.petitions import services, states
from infitah.petitions.models import Petition
from tests.clients import page_as, queries
from tests.factories import AssociationFactory
from tests.petitions.factories import drafted, signed
from tests.petitions.pages import collecting, deposited, sign_many

pytestmark = pytest.mark.django_db


def url(name, petition):
    return reverse(f"petitions:{name}", args=[petition.pk])


def test_a_draft_is_its_initiators_and_a_404_for_everyone_else(client, people):
    petition = drafted(people.commune_a, people.agent)
    assert client.get(url("petition", petition)).status_code == 404
    for other in (people.citizen, people.focal_point, people.other_focal_point):
        client.force_login(other)
        assert client.get(url("petition", petition)).status_code == 404
    html = page_as(client, people.agent, url("petition", petition))
    assert "only its agent and co-initiators see it" in html


def test_the_page_shows_the_count_the_threshold_and_its_source_never_the_signers(client, people):
    petition = collecting(people)
    sign_many(petition, people, 40, people.commune_a)
    html = page_as(client, None, url("petition", petition))
    assert "40 signatures of 100 required" in html
    assert "Organic law 113-14" in html
    assert "60 signatures still missing." in html
    assert "Signer 1" not in html and "AB••" not in html
    assert people.agent.full_name in html  # the law names the agent
    assert "Sign this petition" in html


def test_a_region_petition_names_the_provinces_that_lack_signatures(client, people):
    petition = collecting(people, people.region)
    sign_many(petition, people, 20, people.commune_1)
    html = page_as(client, None, url("petition", petition))
    assert "280 signatures still missing." in html
    province_2 = people.province_2.name["fr"] if "fr" in people.province_2.name else people.province_2.name["ar"]
    missing = html[html.index('class="missing-per-province"') :]
    assert province_2 in missing and "15 missing" in missing


def test_the_page_costs_the_same_queries_for_5_or_200_signatures(client, people):
    petition = collecting(people)
    sign_many(petition, people, 5, people.commune_a)
    client.force_login(people.signer())
    few = queries(client, url("petition", petition))
    sign_many(petition, people, 195, people.commune_a, start=5)
    assert queries(client, url("petition", petition)) == few


def test_user_text_is_escaped(client, people):
    petition = collecting(people, title="Parc <script>alert(1)</script> x < y")
    petition.subject = "<img src=x onerror=alert(2)> & more"  # as if a tag had slipped past the cleaning
    petition.save()
    html = page_as(client, None, url("petition", petition))
    assert "<script>alert" not in html and "x &lt; y" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt; &amp; more" in html


def test_an_agent_drafts_to_a_council_by_its_code_and_a_bad_form_keeps_what_was_typed(client, people):
    client.force_login(people.agent)
    new = reverse("petitions:new") + f"?to={people.commune_a.code}"
    form = {"title": "Un jardin", "subject": "Créer un jardin public.", "reasons": "", "objectives": "Ombre."}
    response = client.post(new, form)
    assert response.status_code == 200 and not Petition.objects.exists()
    html = response.content.decode()
    assert "Créer un jardin public." in html and "Nothing was saved" in html
    response = client.post(new, {**form, "reasons": "La chaleur.", "respects_constitution": "on"})
    petition = Petition.objects.get()
    assert response.url == url("petition", petition)
    assert (petition.collectivity, petition.agent, petition.stage) == (people.commune_a, people.agent, states.DRAFT)
    assert client.get(reverse("petitions:new") + "?to=NOPE").status_code == 404


def test_an_association_petition_is_drafted_by_a_representative(client, people):
    association = AssociationFactory()
    association.representatives.add(people.agent)
    client.force_login(people.agent)
    form = {
        "title": "Un jardin",
        "subject": "Créer un jardin public.",
        "reasons": "La chaleur.",
        "objectives": "Ombre.",
        "respects_constitution": "on",
        "association": association.pk,
    }
    client.post(reverse("petitions:new") + f"?to={people.commune_a.code}", form)
    petition = Petition.objects.get()
    assert petition.kind == states.ASSOCIATION and petition.association == association


def test_the_agent_edits_the_draft_and_adds_then_removes_a_co_initiator(client, people):
    petition = drafted(people.commune_a, people.agent)
    co = people.signer()
    client.force_login(people.agent)
    client.post(url("edit", petition), {"action": "add", "email": "nobody@example.org"})
    assert not petition.co_initiators.exists()
    response = client.post(url("edit", petition), {"action": "add", "email": co.email.upper()})
    assert response.status_code == 302 and list(petition.co_initiators.all()) == [co]
    client.force_login(co)  # a co-initiator sees and edits the draft, but does not choose the initiators
    assert client.get(url("petition", petition)).status_code == 200
    fields = {"action": "save", "title": "New title", "subject": "S", "reasons": "R", "objectives": "O"}
    client.post(url("edit", petition), fields)
    assert Petition.objects.get(pk=petition.pk).title == "New title"
    client.post(url("edit", petition), {"action": "remove", "person": co.pk})
    assert petition.co_initiators.exists()
    client.force_login(people.agent)
    client.post(url("edit", petition), {"action": "remove", "person": co.pk})
    assert not petition.co_initiators.exists()


def test_only_the_agent_opens_and_withdraws_and_the_others_get_a_404(client, people):
    petition = drafted(people.commune_a, people.agent)
    client.force_login(people.citizen)
    assert client.post(url("open", petition)).status_code == 404
    client.force_login(people.agent)
    client.post(url("open", petition))
    assert Petition.objects.get(pk=petition.pk).stage == states.COLLECTING
    client.force_login(people.citizen)
    assert client.post(url("withdraw", petition)).status_code == 404
    client.force_login(people.agent)
    assert "This cannot be undone" in client.get(url("withdraw", petition)).content.decode()
    client.post(url("withdraw", petition))
    assert Petition.objects.get(pk=petition.pk).stage == states.WITHDRAWN


def test_a_deposit_below_the_threshold_says_what_is_missing(client, people):
    petition = collecting(people, people.region)
    sign_many(petition, people, 290, people.commune_1)
    client.force_login(people.agent)
    response = client.post(url("deposit", petition))
    html = response.content.decode()
    assert response.status_code == 400
    assert "has not reached its signature thresholds" in html
    refusal = html[html.index('id="refusal"') :]
    assert "10 signatures missing in all." in refusal and "15 missing" in refusal
    assert Petition.objects.get(pk=petition.pk).stage == states.COLLECTING


def test_the_deposit_gives_a_printable_receipt_and_starts_the_bureaus_clock(client, people):
    petition = collecting(people)
    sign_many(petition, people, 100, people.commune_a)
    client.force_login(people.agent)
    response = client.post(url("deposit", petition))
    assert response.url == url("receipt", petition)
    petition.refresh_from_db()
    html = client.get(url("receipt", petition)).content.decode()
    assert petition.receipt_number in html
    html = page_as(client, None, url("petition", petition))
    assert petition.receipt_number in html and "Reasoned notice of inadmissibility due by" in html


def test_an_association_not_eligible_is_refused_with_the_laws_reasons(client, people):
    association = AssociationFactory()
    association.representatives.add(people.agent)
    petition = drafted(people.commune_a, people.agent, association=association)
    client.force_login(people.agent)
    html = client.post(url("deposit", petition)).content.decode()
    assert "Record what shows the association may petition" in html
    form = {
        "constituted_on": "2025-01-01",
        "seat_or_branch": "Rue 1",
        "related_activity": "Environnement",
        "in_good_standing": "on",
    }
    client.post(url("eligibility", petition), form)
    html = client.post(url("deposit", petition)).content.decode()
    assert "constituted more than 3 years ago" in html
    assert "Attach at least one document" in html
    statutes = SimpleUploadedFile("statuts.txt", b"Statuts", "text/plain")
    client.post(url("eligibility", petition), {**form, "constituted_on": "2010-01-01", "documents": [statutes]})
    client.post(url("deposit", petition))
    assert Petition.objects.get(pk=petition.pk).stage == states.DEPOSITED


def test_an_overdue_notice_is_flagged_publicly(client, people):
    petition = deposited(people)  # deposited on MONDAY, a commune: notice due 12 April 2026
    assert services.notice_due(petition) == datetime.date(2026, 4, 12)
    html = page_as(client, None, url("petition", petition))
    assert 'id="overdue"' in html  # today is after April 2026


def test_the_page_shows_the_ruling_the_session_and_the_decision(client, people):
    petition = deposited(people)
    petition = services.rule_admissible(
        people.focal_point, petition, committee="Commission des affaires sociales", today=datetime.date(2026, 3, 2)
    )
    html = page_as(client, None, url("petition", petition))
    assert "Next ordinary session: May 2026" in html and "Commission des affaires sociales" in html
    # Once the bureau has ruled, its deadline for a notice of inadmissibility is no longer news.
    assert 'id="overdue"' not in html and "Reasoned notice of inadmissibility due by" not in html
    services.record_decision(
        people.focal_point, petition, decision="accepted", text="Le conseil approuve.", today=datetime.date(2026, 5, 4)
    )
    html = page_as(client, None, url("petition", petition))
    assert "Accepted by the council" in html and "Le conseil approuve." in html


def test_my_petitions_lists_what_i_initiated_and_signed(client, people):
    drafted(people.commune_a, people.agent, title="Mine")
    other = collecting(people, title="Signed one")
    signer = people.signer()
    signed(other, signer, "AB1", people.commune_a)
    assert "Mine" in page_as(client, people.agent, reverse("petitions:mine"))
    html = page_as(client, signer, reverse("petitions:mine"))
    assert "Signed one" in html and "Mine" not in html
