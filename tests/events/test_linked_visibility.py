"""A published event linked to a program still in preparation names nothing of that program to those who may not
see it — no title, no phase, no axis or commitment of its findings — on its page, in the feeds and in the API; and
an advisory body's page lists only the meetings its visitor may see."""

import pytest

from infitah.events.models import EventKind, Finding
from infitah.programs.phases import Phase
from tests.events.factories import EventFactory
from tests.factories import AdvisoryBodyFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory

pytestmark = pytest.mark.django_db

SECRET_PROGRAM = "Programme secret en préparation"
SECRET_AXIS = "Axe encore confidentiel"
SECRET_COMMITMENT = "Engagement encore confidentiel"


@pytest.fixture
def workshop(people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.PREPARATION, title={"fr": SECRET_PROGRAM})
    axis = AxisFactory(program=program, title={"fr": SECRET_AXIS})
    commitment = CommitmentFactory(axis=axis, title={"fr": SECRET_COMMITMENT})
    event = EventFactory(
        collectivity=people.commune_a, program=program, phase=Phase.PREPARATION, title={"fr": "Atelier public"}
    )
    finding = Finding.objects.create(event=event, text={"fr": "Une conclusion publique"})
    finding.axes.add(axis)
    finding.commitments.add(commitment)
    return event


def texts_of_the_program():
    return (SECRET_PROGRAM, SECRET_AXIS, SECRET_COMMITMENT, "Preparation")


def test_the_event_page_names_nothing_of_a_program_in_preparation(client, people, workshop):
    for visitor in (None, people.citizen, people.other_focal_point):
        if visitor:
            client.force_login(visitor)
        html = client.get(f"/en/events/{workshop.pk}/").content.decode()
        assert "Atelier public" in html and "Une conclusion publique" in html
        for text in texts_of_the_program():
            assert text not in html, (visitor, text)
        assert f"/programs/{workshop.program_id}/" not in html


def test_the_collectivitys_staff_see_the_program_and_everyone_once_it_is_public(client, people, workshop):
    client.force_login(people.council_member)
    html = client.get(f"/en/events/{workshop.pk}/").content.decode()
    for text in texts_of_the_program():
        assert text in html, text
    client.logout()
    workshop.program.phase = Phase.CO_CREATION
    workshop.program.save()
    html = client.get(f"/en/events/{workshop.pk}/").content.decode()
    assert SECRET_PROGRAM in html and SECRET_AXIS in html and SECRET_COMMITMENT in html


def test_the_feeds_name_nothing_of_a_program_in_preparation(client, workshop):
    for url in ("/en/events/feed.atom", "/en/events/feed.ics"):
        content = client.get(url).content.decode()
        assert "Atelier public" in content, url
        for text in texts_of_the_program():
            assert text not in content, (url, text)


def test_the_api_leaves_out_the_link_to_a_program_in_preparation(client, workshop):
    listed = client.get("/api/v1/events").json()["items"]
    assert [item["program_id"] for item in listed] == [None]
    detail = client.get(f"/api/v1/events/{workshop.pk}").json()
    assert detail["program_id"] is None and detail["phase"] == ""
    assert detail["findings"] == [{"text": {"fr": "Une conclusion publique"}, "axis_ids": [], "commitment_ids": []}]
    for text in texts_of_the_program():
        assert text not in str(detail)
    workshop.program.phase = Phase.CO_CREATION
    workshop.program.save()
    detail = client.get(f"/api/v1/events/{workshop.pk}").json()
    assert detail["program_id"] == workshop.program_id and detail["phase"] == Phase.PREPARATION
    assert len(detail["findings"][0]["commitment_ids"]) == 1


def test_a_body_page_lists_only_the_meetings_its_visitor_may_see(client, people):
    body = AdvisoryBodyFactory(collectivity=people.commune_a)
    common = {"collectivity": people.commune_a, "kind": EventKind.BODY_MEETING, "advisory_body": body}
    EventFactory(**common, title={"ar": "اجتماع منشور", "fr": "Réunion publiée"})
    EventFactory(**common, title={"ar": "اجتماع غير منشور", "fr": "Réunion non publiée"}, is_published=False)
    html = client.get(f"/fr/bodies/{body.pk}/").content.decode()
    assert "Réunion publiée" in html and "Réunion non publiée" not in html
    client.force_login(people.editor)
    html = client.get(f"/fr/bodies/{body.pk}/").content.decode()
    assert "Réunion publiée" in html and "Réunion non publiée" in html
