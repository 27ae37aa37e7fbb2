"""The request side's pages, per role: a citizen files a request and reads the acknowledgment; everyone reads a public
request, without the requester's identity; the requester sees their identity masked, the collectivity's information
officers in full, with their action forms and internal notes; officers of another collectivity and coordinators
see only what the public sees. Bad input is refused with the reason and the typed text kept."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from infitah.accounts.models import Role
from infitah.information import services, states
from infitah.information.models import Complaint, Ground, InformationRequest, InternalNote, RequestEvent, RequestKind
from tests.clients import page_as, queries
from tests.factories import MembershipFactory, UserFactory
from tests.information.factories import MONDAY, filed_request
from tests.people import People

pytestmark = pytest.mark.django_db

NATIONAL_ID = "AB123456"
MASKED = "AB••••56"
NAME = "Fatima Zahra Bennani"


class RequestPeople(People):
    def __init__(self):
        super().__init__()
        MembershipFactory(collectivity=self.commune_a)
        self.officer_b = self.holding(Role.INFORMATION_OFFICER, self.commune_b)
        self.other_citizen = UserFactory()


@pytest.fixture
def people(db):
    return RequestPeople()


@pytest.fixture
def info(people):
    """A public request to commune A, filed today by the citizen."""
    return filed_request(people.commune_a, people.citizen, on=datetime.date.today())


def url(name, info):
    return reverse(f"information:{name}", args=[info.reference])


FORM = {
    "requester_name": NAME,
    "national_id": "ab 123456",
    "contact_email": "fatima@example.ma",
    "postal_address": "",
    "subject": "ميزانية 2024",
    "description": "تقرير تنفيذ ميزانية 2024 حسب الأبواب",
    "access_form": "email",
    "kind": "ordinary",
    "urgency_reason": "",
}


# --- Filing -------------------------------------------------------------------------------------------------------


def test_a_citizen_files_a_request_and_reads_its_reference_and_due_date(client, people):
    client.force_login(people.citizen)
    response = client.post(reverse("information:file"), {**FORM, "collectivity": people.commune_a.code})
    filed = InformationRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == url("filed", filed)
    assert filed.requester == people.citizen and filed.national_id == NATIONAL_ID
    html = client.get(response["Location"]).content.decode()
    assert filed.reference in html
    assert filed.due_on.isoformat() in html  # the <time> of the due date
    assert "working days left" in html and "What happens next" in html
    assert "AB123456" not in html


def test_the_acknowledgment_email_gives_the_reference_and_due_date_never_the_id_number(
    client, people, django_capture_on_commit_callbacks
):
    type(people.citizen).objects.filter(pk=people.citizen.pk).update(preferred_language="en")
    client.force_login(people.citizen)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("information:file"), {**FORM, "collectivity": people.commune_a.code})
    filed = InformationRequest.objects.get()
    to_the_requester = [m for m in mail.outbox if set(m.to) & {"fatima@example.ma", people.citizen.email}]
    assert len(to_the_requester) == 1  # the acknowledgment, not a second e-mail for the notification
    message = to_the_requester[0]
    assert message.to == ["fatima@example.ma"] and filed.reference in message.subject
    assert filed.reference in message.body and "What happens next" in message.body
    assert filed.due_on.strftime("%Y") in message.body
    assert NATIONAL_ID not in message.body and NAME in message.body


def test_the_acknowledgment_is_written_in_the_requesters_language(people, django_capture_on_commit_callbacks):
    from django.utils import translation
    from django.utils.formats import date_format

    people.citizen.preferred_language = "fr"
    people.citizen.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        filed = filed_request(people.commune_a, people.citizen, on=datetime.date.today())
    with translation.override("fr"):
        due = date_format(filed.due_on, "j F Y")
    (message,) = [m for m in mail.outbox if people.citizen.email in m.to]
    assert due in message.body


def test_the_form_chooses_the_collectivity_from_the_member_page_link(client, people):
    client.force_login(people.citizen)
    html = client.get(reverse("information:file") + f"?to={people.commune_a.code}").content.decode()
    assert f'value="{people.commune_a.code}" selected' in html


def test_a_visitor_is_asked_to_sign_in_before_filing(client):
    response = client.get(reverse("information:file"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("change", "field_error"),
    [
        ({"national_id": "123456"}, "one or two letters followed by digits"),
        ({"national_id": "ABC12"}, "one or two letters followed by digits"),
        ({"subject": ""}, "This field is required"),
        ({"kind": "urgent", "urgency_reason": ""}, "Say why the request is urgent"),
        ({"access_form": "copy", "postal_address": ""}, "Give the postal address"),
        ({"collectivity": ""}, "Choose the collectivity"),
    ],
)
def test_bad_input_is_refused_with_the_reason_and_what_was_typed_kept(client, people, change, field_error):
    client.force_login(people.citizen)
    data = {**FORM, "collectivity": people.commune_a.code, **change}
    response = client.post(reverse("information:file"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert field_error in html
    assert "تقرير تنفيذ ميزانية 2024 حسب الأبواب" in html  # the description is kept
    assert not InformationRequest.objects.exists()


def test_a_collectivity_outside_the_network_is_not_offered(client, people):
    client.force_login(people.citizen)
    response = client.post(reverse("information:file"), {**FORM, "collectivity": people.commune_b.code})
    assert "Select a valid choice" in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_only_the_requester_reads_the_acknowledgment_page(client, people, info):
    for someone in (None, people.other_citizen, people.officer_b):
        client.logout()
        if someone:
            client.force_login(someone)
        assert client.get(url("filed", info)).status_code in (302, 404)
    client.force_login(people.citizen)
    assert client.get(url("filed", info)).status_code == 200


# --- One request's page, per role -------------------------------------------------------------------------------


def test_what_each_role_sees_on_a_public_request(client, people, info):
    services.add_note(people.information_officer, info, "Ask the finance department")
    roles = {
        "anonymous": None,
        "requester": people.citizen,
        "other citizen": people.other_citizen,
        "officer of A": people.information_officer,
        "officer of B": people.officer_b,
        "coordinator": people.coordinator,
    }
    pages = {role: page_as(client, person, url("request", info)) for role, person in roles.items()}
    for role, html in pages.items():
        assert info.subject in html and info.description in html, role
        assert 'id="history"' in html, role
    # The number in full: the collectivity's information officers only. Masked: the requester. Nobody else.
    assert NATIONAL_ID in pages["officer of A"]
    assert MASKED in pages["requester"] and NATIONAL_ID not in pages["requester"]
    for role in ("anonymous", "other citizen", "officer of B", "coordinator"):
        assert NATIONAL_ID not in pages[role] and MASKED not in pages[role], role
        assert NAME not in pages[role], role  # the requester did not choose to show their name
        assert 'id="identity"' not in pages[role], role
    # The officers' forms and notes: officers of A only.
    assert "Ask the finance department" in pages["officer of A"] and 'id="officer-actions"' in pages["officer of A"]
    for role in ("anonymous", "requester", "other citizen", "officer of B", "coordinator"):
        assert "Ask the finance department" not in pages[role], role
        assert 'id="officer-actions"' not in pages[role], role
    assert 'id="withdraw-form"' in pages["requester"] and 'id="withdraw-form"' not in pages["other citizen"]


def test_the_officers_see_one_form_per_act_possible_now(client, people, info):
    html = page_as(client, people.information_officer, url("request", info))
    for act in ("start", "ask_clarification", "extend", "answer", "answer_partially", "refuse", "transfer"):
        assert f'id="act-{act}"' in html, act
    assert 'id="act-clarify"' not in html  # nothing to clarify: no clarification was asked


def test_the_name_is_public_only_when_the_requester_chose_it(client, people, info):
    assert NAME not in page_as(client, None, url("request", info))
    client.force_login(people.citizen)
    client.post(url("visibility", info), {"publish_name": "on"})
    html = page_as(client, None, url("request", info))
    assert NAME in html and NATIONAL_ID not in html


def test_a_request_kept_out_of_the_register_is_a_404_to_all_but_its_requester_and_officers(client, people, info):
    client.force_login(people.information_officer)
    response = client.post(url("visibility", info), {"is_public": "0", "reason": "Names a private person"})
    assert response.status_code == 302
    for someone in (None, people.other_citizen, people.officer_b, people.coordinator):
        client.logout()
        if someone:
            client.force_login(someone)
        assert client.get(url("request", info)).status_code == 404
    for someone in (people.citizen, people.information_officer):
        html = page_as(client, someone, url("request", info))
        assert "kept out of the public register" in html and "Names a private person" in html


def test_hiding_a_request_needs_a_reason(client, people, info):
    client.force_login(people.information_officer)
    response = client.post(url("visibility", info), {"is_public": "0", "reason": ""})
    assert response.status_code == 200 and "Write something first" in response.content.decode()
    info.refresh_from_db()
    assert info.is_public


def test_an_unknown_reference_is_a_404(client):
    assert client.get(reverse("information:request", args=["C0-2025-9999"])).status_code == 404


# --- The officers' acts -------------------------------------------------------------------------------------------


def test_a_partial_answer_shows_its_response_ground_and_withheld_part_to_everyone(client, people, info):
    client.force_login(people.information_officer)
    response = client.post(
        url("act", info),
        {
            "act": "answer_partially",
            "response": "Voici le rapport d'exécution, chapitres 1 à 3.",
            "ground": Ground.PRIVATE_LIFE,
            "withheld": "Les noms des bénéficiaires des aides sociales.",
        },
    )
    assert response.status_code == 302
    html = page_as(client, None, url("request", info))
    assert "Voici le rapport d&#x27;exécution, chapitres 1 à 3." in html
    assert "Private life (art. 7)" in html
    assert "Les noms des bénéficiaires des aides sociales." in html
    assert "Partially answered" in html


def test_already_published_needs_the_link_and_shows_it(client, people, info):
    client.force_login(people.information_officer)
    data = {"act": "refuse", "response": "Déjà publié.", "ground": Ground.ALREADY_PUBLISHED, "published_at": ""}
    response = client.post(url("act", info), data)
    assert response.status_code == 200 and "must say where" in response.content.decode()
    assert "Déjà publié." in response.content.decode()  # the typed response is kept
    data["published_at"] = "https://commune.example.ma/budget-2024.pdf"
    assert client.post(url("act", info), data).status_code == 302
    assert 'href="https://commune.example.ma/budget-2024.pdf"' in page_as(client, None, url("request", info))


def test_answering_a_closed_request_is_refused_with_the_typed_answer_kept(client, people, info):
    services.perform(people.information_officer, info, states.ANSWER, response="The report.")
    client.force_login(people.information_officer)
    response = client.post(url("act", info), {"act": "answer", "response": "Un autre texte"})
    html = response.content.decode()
    assert response.status_code == 409
    assert "This request is closed" in html
    assert info.events.count() == 2


def test_extending_twice_is_refused(client, people, info):
    client.force_login(people.information_officer)
    assert client.post(url("act", info), {"act": "extend", "message": "Many documents"}).status_code == 302
    response = client.post(url("act", info), {"act": "extend", "message": "Again"})
    # The extension is no longer offered, and a forged second one is refused with the law's reason.
    assert response.status_code == 409 and "one extension only" in response.content.decode()
    assert 'id="act-extend"' not in page_as(client, people.information_officer, url("request", info))


def test_extending_after_the_deadline_is_refused(client, people):
    late = filed_request(people.commune_a, people.citizen, on=MONDAY)  # its deadline passed long ago
    client.force_login(people.information_officer)
    response = client.post(url("act", late), {"act": "extend", "message": "Too late"})
    assert response.status_code == 409 and "deadline has passed" in response.content.decode()
    assert "Too late" in response.content.decode()


def test_an_extension_without_its_reason_is_refused(client, people, info):
    client.force_login(people.information_officer)
    response = client.post(url("act", info), {"act": "extend", "message": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    info.refresh_from_db()
    assert not info.is_extended


def test_people_other_than_the_officers_of_a_cannot_act(client, people, info):
    for someone in (people.citizen, people.other_citizen, people.officer_b, people.coordinator):
        client.force_login(someone)
        response = client.post(url("act", info), {"act": "answer", "response": "Forged"})
        assert response.status_code == 403, someone
        assert "Only the information officers" in response.content.decode()
    info.refresh_from_db()
    assert info.state == states.RECEIVED


def test_officers_of_another_collectivity_get_a_404_for_a_hidden_request(client, people, info):
    services.set_visibility(people.information_officer, info, is_public=False, reason="Private")
    client.force_login(people.officer_b)
    assert client.post(url("act", info), {"act": "answer", "response": "x"}).status_code == 404
    assert client.post(url("note", info), {"text": "x"}).status_code == 404


def test_internal_notes_are_for_the_officers_only(client, people, info):
    client.force_login(people.information_officer)
    assert client.post(url("note", info), {"text": "Called the finance department"}).status_code == 302
    assert InternalNote.objects.get().text == "Called the finance department"
    assert "Called the finance department" not in page_as(client, people.citizen, url("request", info))
    client.force_login(people.other_citizen)
    assert client.post(url("note", info), {"text": "Forged"}).status_code == 403
    assert InternalNote.objects.count() == 1


# --- The requester's acts and remedies ----------------------------------------------------------------------------


def test_the_requester_clarifies_and_the_deadline_runs_again(client, people, info):
    services.perform(people.information_officer, info, states.ASK_CLARIFICATION, message="Which year?")
    html = page_as(client, people.citizen, url("request", info))
    assert 'id="clarify-form"' in html and "The deadline stands still" in html
    response = client.post(url("clarify", info), {"message": "L'année 2024"})
    assert response.status_code == 302
    info.refresh_from_db()
    assert info.state == states.IN_PROGRESS and info.due_on is not None


def test_only_the_requester_withdraws(client, people, info):
    client.force_login(people.other_citizen)
    assert client.post(url("withdraw", info), {"message": ""}).status_code == 403
    client.force_login(people.citizen)
    assert client.post(url("withdraw", info), {"message": ""}).status_code == 302
    info.refresh_from_db()
    assert info.state == states.WITHDRAWN


def test_the_requester_complains_then_the_officers_record_the_heads_decision_and_the_cdai_referral(
    client, people, info
):
    services.perform(
        people.information_officer, info, states.REFUSE, response="Non.", ground=Ground.ADMINISTRATIVE_INVESTIGATION
    )
    html = page_as(client, people.citizen, url("request", info))
    assert 'id="complaint-form"' in html and "You may complain until" in html
    assert 'id="complaint-form"' not in page_as(client, people.other_citizen, url("request", info))
    client.force_login(people.citizen)
    assert client.post(url("complain", info), {"text": "Le refus n'est pas motivé."}).status_code == 302
    client.force_login(people.information_officer)
    today = datetime.date.today().isoformat()
    data = {"decision": "dismissed", "decision_text": "L'enquête est en cours.", "decided_on": today}
    assert client.post(url("complaint_decision", info), data).status_code == 302
    data = {"cdai_referred_on": today, "cdai_reference": "CDAI-77", "cdai_decided_on": "", "cdai_outcome": ""}
    assert client.post(url("cdai_referral", info), data).status_code == 302
    html = page_as(client, None, url("request", info))
    assert "Le refus n&#x27;est pas motivé." in html
    assert "Complaint dismissed" in html and "L&#x27;enquête est en cours." in html
    assert "CDAI-77" in html


def test_complaining_out_of_time_is_refused_with_the_last_day(client, people):
    old = filed_request(people.commune_a, people.citizen, on=MONDAY)
    services.perform(people.information_officer, old, states.ANSWER, response="Voici.", today=MONDAY)
    html = page_as(client, people.citizen, url("request", old))
    assert "The time to complain to the head of the collectivity ended on" in html
    response = client.post(url("complain", old), {"text": "Trop tard ?"})
    assert response.status_code == 409 and "The time to complain ended on" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_complaint_before_any_reply_or_missed_deadline_is_refused(client, people, info):
    client.force_login(people.citizen)
    response = client.post(url("complain", info), {"text": "Trop tôt"})
    assert response.status_code == 409 and "once the collectivity has replied" in response.content.decode()


def test_a_head_decision_without_a_complaint_is_a_404(client, people, info):
    client.force_login(people.information_officer)
    data = {"decision": "upheld", "decision_text": "x", "decided_on": datetime.date.today().isoformat()}
    assert client.post(url("complaint_decision", info), data).status_code == 404


# --- Response templates ---------------------------------------------------------------------------------------


def test_an_officer_starts_the_answer_from_a_template_in_arabic_or_french(client, people, info):
    from infitah.information.models import ResponseTemplate

    template = ResponseTemplate.objects.create(
        use="answer",
        title={"ar": "جواب", "fr": "Réponse"},
        body={"ar": "نوافيكم بالمعلومات المطلوبة", "fr": "Veuillez trouver l'information demandée"},
    )
    ResponseTemplate.objects.create(
        collectivity=people.commune_b, use="answer", title={"ar": "ب", "fr": "B"}, body={"ar": "ب", "fr": "Texte de B"}
    )
    html = page_as(client, people.information_officer, url("request", info) + f"?template={template.pk}&lang=ar")
    assert "نوافيكم بالمعلومات المطلوبة" in html
    assert "Texte de B" not in html and f"?template={template.pk}&amp;lang=fr" in html


# --- Lists and query counts -------------------------------------------------------------------------------------


def test_my_requests_lists_mine_only(client, people, info):
    other = filed_request(people.commune_a, people.other_citizen, subject="Autre demande")
    html = page_as(client, people.citizen, reverse("information:mine"))
    assert info.reference in html and other.reference not in html
    assert NATIONAL_ID not in html


def _history(info, count):
    RequestEvent.objects.bulk_create(
        RequestEvent(request=info, act="start", state_from="received", state_to="in_progress", on=info.received_on)
        for _ in range(count)
    )
    InternalNote.objects.bulk_create(InternalNote(request=info, text=f"Note {n}") for n in range(count))


@pytest.mark.parametrize("who", ["information_officer", "citizen", None])
def test_the_request_page_costs_the_same_queries_with_5_or_30_events(client, people, info, who):
    services.perform(people.information_officer, info, states.ANSWER, response="Voici.")
    Complaint.objects.create(request=info, filed_on=info.received_on, text="Plainte")
    _history(info, 5)
    if who:
        client.force_login(getattr(people, who))
    few = queries(client, url("request", info))
    _history(info, 25)
    assert queries(client, url("request", info)) == few


def test_the_member_page_offers_to_request_information(client, people):
    html = page_as(client, None, reverse("territories:member", args=[people.commune_a.code]))
    assert reverse("information:file") + f"?to={people.commune_a.code}" in html


def test_an_urgent_request_is_due_in_three_working_days(client, people):
    client.force_login(people.citizen)
    data = {**FORM, "collectivity": people.commune_a.code, "kind": "urgent", "urgency_reason": "Un logement menace"}
    client.post(reverse("information:file"), data)
    filed = InformationRequest.objects.get()
    assert filed.kind == RequestKind.URGENT
    assert (filed.due_on - filed.received_on).days <= 9


def test_the_platform_administrators_keep_the_response_templates_in_the_back_office(client, people):
    from infitah.information.models import ResponseTemplate

    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/en/admin/information/responsetemplate/add/").status_code == 200
    response = client.post(
        "/en/admin/information/responsetemplate/add/",
        {
            "use": "refusal",
            "title_0": "رفض",
            "title_1": "Refus",
            "body_0": "نأسف لعدم إمكان الاستجابة",
            "body_1": "Nous regrettons de ne pouvoir donner suite",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ResponseTemplate.objects.get().body["fr"] == "Nous regrettons de ne pouvoir donner suite"
    client.force_login(people.information_officer)
    assert client.get("/en/admin/information/responsetemplate/").status_code in (302, 403)
