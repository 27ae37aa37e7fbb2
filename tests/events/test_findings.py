"""The organiser's staff record an event's findings on the site, tied to the axes and commitments of the event's
program; the commitment's page then shows the event it came from. Nobody else records them."""

import pytest

from infitah.events.models import Finding
from infitah.participation.models import AuditLogEntry
from infitah.programs.phases import Phase
from tests.events.factories import EventFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory
from tests.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.CO_CREATION)
    axis = AxisFactory(program=program, title={"ar": "الشفافية", "fr": "Transparence"})
    CommitmentFactory(axis=axis, title={"ar": "نشر الميزانية", "fr": "Budget ouvert"})
    return EventFactory(collectivity=people.commune_a, program=program, title={"fr": "Atelier de co-création"})


def test_staff_record_a_finding_and_the_commitment_shows_the_workshop(client, people, workshop):
    commitment = workshop.program.commitments.get()
    client.force_login(people.editor)
    response = client.post(
        f"/en/events/{workshop.pk}/findings/new/",
        {"text_1": "Publier le budget en format ouvert", "commitments": [commitment.pk], "order": "1"},
    )
    assert response.status_code == 302
    finding = Finding.objects.get(event=workshop)
    assert list(finding.commitments.all()) == [commitment]
    assert AuditLogEntry.objects.filter(action="events.add_finding", actor=people.editor).exists()
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "Atelier de co-création" in page


def test_an_empty_finding_is_refused_and_the_choices_stay(client, people, workshop):
    axis = workshop.program.axes.get()
    client.force_login(people.focal_point)
    response = client.post(f"/en/events/{workshop.pk}/findings/new/", {"axes": [axis.pk], "order": "1"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert [str(value) for value in response.context["form"]["axes"].value()] == [str(axis.pk)]
    assert not Finding.objects.exists()


def test_a_commitment_of_another_program_cannot_be_tied(client, people, workshop):
    elsewhere = CommitmentFactory(axis=AxisFactory(program=ProgramFactory(collectivity=people.commune_b)))
    client.force_login(people.editor)
    response = client.post(
        f"/en/events/{workshop.pk}/findings/new/", {"text_1": "Conclusion", "commitments": [elsewhere.pk], "order": "1"}
    )
    assert response.status_code == 200
    assert not Finding.objects.exists()


def test_only_the_organisers_staff_record_findings(client, people, workshop):
    finding = Finding.objects.create(event=workshop, text={"fr": "Conclusion"})
    for outsider in (people.other_focal_point, people.citizen, people.council_member):
        client.force_login(outsider)
        reason = "Only the organiser's staff record the findings of this event."
        refused(client.get(f"/en/events/{workshop.pk}/findings/"), reason)
        refused(client.post(f"/en/events/{workshop.pk}/findings/{finding.pk}/delete/"), reason)
    assert Finding.objects.filter(pk=finding.pk).exists()
    client.force_login(people.focal_point)
    assert client.post(f"/en/events/{workshop.pk}/findings/{finding.pk}/delete/").status_code == 302
    assert not Finding.objects.exists()


def test_an_edit_and_a_removal_are_audited_with_the_values_before_and_after(client, people, workshop):
    commitment = workshop.program.commitments.get()
    finding = Finding.objects.create(event=workshop, text={"fr": "Publier le budget"}, order=1)
    finding.axes.set([workshop.program.axes.get()])
    client.force_login(people.editor)
    url = f"/en/events/{workshop.pk}/findings/{finding.pk}/"
    data = {"text_1": "Publier le budget chaque trimestre", "commitments": [commitment.pk], "order": "1"}
    assert client.post(url, data).status_code == 302
    edit = AuditLogEntry.objects.get(action="events.change_finding")
    assert edit.changes == {
        "text": [{"fr": "Publier le budget"}, {"fr": "Publier le budget chaque trimestre"}],
        "axes": [[workshop.program.axes.get().pk], []],
        "commitments": [[], [commitment.pk]],
    }
    assert client.post(f"{url}delete/").status_code == 302
    assert not Finding.objects.exists()
    removal = AuditLogEntry.objects.get(action="events.delete_finding")
    assert removal.changes == {
        "text": [{"fr": "Publier le budget chaque trimestre"}, None],
        "axes": [[], None],
        "commitments": [[commitment.pk], None],
        "order": [1, None],
    }
