"""Staff write the draft on the site: axes, commitments with their milestones. Mistakes are explained and what
was typed stays; nobody outside the program's collectivity edits it; every save is in the audit log."""

import datetime

import pytest

from infitah.participation.models import AuditLogEntry
from infitah.programs.models import Axis, Commitment, Milestone
from infitah.programs.phases import Phase
from tests.factories import AssociationFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, MilestoneFactory, ProgramFactory
from tests.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(people):
    return ProgramFactory(collectivity=people.commune_a, phase=Phase.DRAFTING)


@pytest.fixture
def axis(program):
    return AxisFactory(program=program, title={"ar": "الشفافية", "fr": "Transparence"})


def draft_url(program, rest=""):
    return f"/en/programs/{program.pk}/draft/{rest}"


def commitment_data(on_axis, **overrides):
    data = {
        "axis": on_axis.pk,
        "title_0": "نشر الميزانية بصيغة مفتوحة",
        "title_1": "Publier le budget en données ouvertes",
        "principles": ["transparency", "digitalisation"],
        "start_date": "2024-01-01",
        "end_date": "2025-12-31",
        "order": "1",
        "milestones-TOTAL_FORMS": "1",
        "milestones-INITIAL_FORMS": "0",
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "50",
        "milestones-0-title_0": "أول نشر",
        "milestones-0-due_date": "2024-06-30",
        "milestones-0-order": "1",
    }
    data.update(overrides)
    return data


def test_an_editor_adds_an_axis_and_it_is_audited(client, people, program):
    client.force_login(people.editor)
    response = client.post(draft_url(program, "axes/new/"), {"title_0": "المشاركة المواطنة", "order": "2"})
    assert response.status_code == 302
    axis = Axis.objects.get(program=program)
    assert axis.title == {"ar": "المشاركة المواطنة"}
    entry = AuditLogEntry.objects.get(action="programs.add_axis")
    assert entry.actor == people.editor and entry.collectivity_id == people.commune_a.pk


def test_an_axis_without_a_title_is_refused_and_the_description_typed_stays(client, people, program):
    client.force_login(people.focal_point)
    response = client.post(draft_url(program, "axes/new/"), {"description_1": "Texte à garder", "order": "1"})
    assert response.status_code == 200
    assert not Axis.objects.exists()
    assert "Texte à garder" in response.content.decode()
    assert "errorlist" in response.content.decode()


def test_a_commitment_with_its_milestone_is_saved(client, people, axis):
    association = AssociationFactory(is_verified=True)
    client.force_login(people.editor)
    response = client.post(
        draft_url(axis.program, f"axes/{axis.pk}/commitments/new/"),
        commitment_data(axis, associations=[association.pk]),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    commitment = Commitment.objects.get()
    assert commitment.program == axis.program
    assert commitment.principles == ["transparency", "digitalisation"]
    assert list(commitment.associations.all()) == [association]
    assert Milestone.objects.get().commitment == commitment
    assert AuditLogEntry.objects.filter(action="programs.add_commitment").count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_date": "2023-12-31"}, "The end date comes before the start date."),
        ({"milestones-0-due_date": "2027-01-01"}, "The due date must fall within the commitment"),
        ({"principles": []}, "This field is required."),
        ({"title_0": "", "title_1": ""}, "This field is required."),
    ],
    ids=["dates in the wrong order", "milestone after the end", "no principle", "no title"],
)
def test_a_wrong_commitment_is_explained_and_nothing_is_saved(client, people, axis, overrides, message):
    client.force_login(people.editor)
    data = commitment_data(axis, activities_1="Ateliers avec les associations", **overrides)
    response = client.post(draft_url(axis.program, f"axes/{axis.pk}/commitments/new/"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page.replace("&#x27;", "'")
    assert "Ateliers avec les associations" in page
    assert not Commitment.objects.exists() and not Milestone.objects.exists()


def test_a_commitment_cannot_be_moved_to_an_axis_of_another_program(client, people, axis):
    commitment = CommitmentFactory(axis=axis)
    elsewhere = AxisFactory(program=ProgramFactory(collectivity=people.commune_a, phase=Phase.DRAFTING))
    client.force_login(people.editor)
    data = commitment_data(axis, **{"axis": elsewhere.pk, "milestones-TOTAL_FORMS": "0"})
    response = client.post(draft_url(axis.program, f"commitments/{commitment.pk}/"), data)
    assert response.status_code == 200
    commitment.refresh_from_db()
    assert commitment.axis == axis


def test_editing_a_milestone_and_removing_one(client, people, axis):
    commitment = CommitmentFactory(
        axis=axis, start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2025, 12, 31)
    )
    kept = MilestoneFactory(commitment=commitment, due_date=datetime.date(2024, 3, 1))
    removed = MilestoneFactory(commitment=commitment, due_date=datetime.date(2024, 4, 1))
    client.force_login(people.editor)
    data = commitment_data(
        axis,
        **{
            "milestones-TOTAL_FORMS": "2",
            "milestones-INITIAL_FORMS": "2",
            "milestones-0-id": kept.pk,
            "milestones-0-title_0": "تقرير",
            "milestones-0-due_date": "2024-09-30",
            "milestones-0-order": "1",
            "milestones-1-id": removed.pk,
            "milestones-1-title_0": "حذف",
            "milestones-1-due_date": "2024-04-01",
            "milestones-1-order": "2",
            "milestones-1-DELETE": "on",
        },
    )
    response = client.post(draft_url(axis.program, f"commitments/{commitment.pk}/"), data)
    assert response.status_code == 302
    assert list(commitment.milestones.values_list("due_date", flat=True)) == [datetime.date(2024, 9, 30)]


def test_removing_an_axis_removes_its_commitments_after_confirmation(client, people, axis):
    CommitmentFactory(axis=axis)
    client.force_login(people.focal_point)
    page = client.get(draft_url(axis.program, f"axes/{axis.pk}/delete/")).content.decode()
    assert "1 commitment will be removed too" in page
    assert Axis.objects.filter(pk=axis.pk).exists()
    assert client.post(draft_url(axis.program, f"axes/{axis.pk}/delete/")).status_code == 302
    assert not Axis.objects.exists() and not Commitment.objects.exists()
    assert AuditLogEntry.objects.filter(action="programs.delete_axis").count() == 1


def test_an_axis_edit_is_audited_with_the_values_before_and_after(client, people, axis):
    client.force_login(people.editor)
    data = {"title_0": "الشفافية", "title_1": "Transparence et redevabilité", "order": str(axis.order + 5)}
    response = client.post(draft_url(axis.program, f"axes/{axis.pk}/"), data)
    assert response.status_code == 302
    entry = AuditLogEntry.objects.get(action="programs.change_axis")
    assert entry.changes == {
        "title": [{"ar": "الشفافية", "fr": "Transparence"}, {"ar": "الشفافية", "fr": "Transparence et redevabilité"}],
        "order": [axis.order, axis.order + 5],
    }
    assert entry.actor == people.editor and entry.collectivity == people.commune_a


def test_a_commitment_removal_is_audited_with_the_values_it_had(client, people, axis):
    commitment = CommitmentFactory(axis=axis, title={"ar": "نشر الميزانية"}, budget_estimate=120000)
    client.force_login(people.editor)
    url = draft_url(axis.program, f"commitments/{commitment.pk}/delete/")
    assert "Remove “" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "has been removed from the draft" in response.content.decode()
    changes = AuditLogEntry.objects.get(action="programs.delete_commitment").changes
    assert changes["title"] == [{"ar": "نشر الميزانية"}, None]
    assert changes["axis"] == [axis.pk, None]
    assert changes["principles"] == [["transparency"], None]
    assert changes["start_date"] == ["2024-01-01", None]
    assert changes["budget_estimate"] == ["120000.00", None]
    assert all(after is None for _before, after in changes.values())


def test_only_the_programs_own_editors_reach_the_editor(client, people, axis):
    program = axis.program
    commitment = CommitmentFactory(axis=axis)
    pages = ["", "axes/new/", f"axes/{axis.pk}/", f"commitments/{commitment.pk}/", f"axes/{axis.pk}/delete/"]
    for outsider in (people.information_officer, people.council_member, people.other_focal_point, people.citizen):
        client.force_login(outsider)
        for page in pages:
            refused(client.get(draft_url(program, page)), "You may not edit this program's draft.")
        refused(client.post(draft_url(program, f"axes/{axis.pk}/delete/")), "You may not edit this program's draft.")
    assert Axis.objects.filter(pk=axis.pk).exists()
    client.force_login(people.editor)
    for page in pages:
        assert client.get(draft_url(program, page)).status_code == 200, page


def test_an_axis_of_another_program_is_not_found_through_this_one(client, people, program):
    other_axis = AxisFactory(program=ProgramFactory(collectivity=people.commune_b, phase=Phase.DRAFTING))
    client.force_login(people.editor)
    assert client.get(draft_url(program, f"axes/{other_axis.pk}/")).status_code == 404
    assert client.post(draft_url(program, f"axes/{other_axis.pk}/delete/")).status_code == 404


def test_a_closed_program_is_no_longer_edited(client, people, axis):
    program = axis.program
    program.phase = Phase.CLOSED
    program.save()
    client.force_login(people.focal_point)
    refused(client.get(draft_url(program)), "You may not edit this program's draft.")


def test_the_overview_costs_the_same_queries_for_many_commitments(client, people, program):
    client.force_login(people.editor)

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(draft_url(program)).status_code == 200
        return len(queries)

    axis = AxisFactory(program=program)
    CommitmentFactory(axis=axis)
    few = count()
    for _ in range(3):
        more = AxisFactory(program=program)
        for _ in range(5):
            MilestoneFactory(commitment=CommitmentFactory(axis=more))
    assert count() == few
