"""Staff edit their own program's draft in the back office; bad dates are refused with a clear message and nothing
is lost; published versions stay frozen; another collectivity's programs are out of reach."""

import datetime

import pytest

from infitah.programs.models import Commitment, Milestone, Program, ProgramVersion
from infitah.programs.phases import Phase
from infitah.programs.versions import publish_version
from tests.programs.factories import AxisFactory, CommitmentFactory, MilestoneFactory, ProgramFactory
from tests.refusals import refused

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "fr", "en", "zgh"]


def translated(name, value):
    return {f"{name}_{index}": (value or {}).get(code, "") for index, code in enumerate(LANGUAGES)}


def commitment_form(commitment, milestones=(), **overrides):
    """What the back office's commitment form posts, with the milestones' inline rows."""
    data = {
        "axis": commitment.axis_id,
        "order": commitment.order,
        "principles": commitment.principles,
        "start_date": commitment.start_date.isoformat(),
        "end_date": commitment.end_date.isoformat(),
        "budget_estimate": "",
        "milestones-TOTAL_FORMS": len(milestones),
        "milestones-INITIAL_FORMS": sum(1 for m in milestones if m.pk),
        "milestones-MIN_NUM_FORMS": 0,
        "milestones-MAX_NUM_FORMS": 1000,
    }
    for field in ("title", "problem", "description", "activities", "lead_unit", "other_actors", "expected_results"):
        data.update(translated(field, getattr(commitment, field)))
    data.update(translated("indicators", commitment.indicators))
    for index, milestone in enumerate(milestones):
        prefix = f"milestones-{index}-"
        data.update(
            {
                f"{prefix}id": milestone.pk or "",
                f"{prefix}commitment": commitment.pk,
                f"{prefix}order": milestone.order,
                f"{prefix}due_date": milestone.due_date.isoformat(),
            }
        )
        data.update({prefix + key: value for key, value in translated("title", milestone.title).items()})
        data.update({prefix + key: value for key, value in translated("deliverable", milestone.deliverable).items()})
    data.update(overrides)
    return data


@pytest.fixture
def commitment(people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.DRAFTING)
    return CommitmentFactory(axis=AxisFactory(program=program), title={"fr": "Publier les décisions"})


def change_url(commitment):
    return f"/en/admin/programs/commitment/{commitment.pk}/change/"


def test_an_editor_changes_a_commitment_of_their_collectivity(client, people, commitment):
    milestone = MilestoneFactory(commitment=commitment, due_date=datetime.date(2024, 6, 30))
    client.force_login(people.editor)
    data = commitment_form(commitment, [milestone], title_1="Publier les ordres du jour et les décisions")
    response = client.post(change_url(commitment), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    commitment.refresh_from_db()
    assert commitment.title["fr"] == "Publier les ordres du jour et les décisions"


def test_an_end_before_the_start_is_refused_and_nothing_changes(client, people, commitment):
    client.force_login(people.editor)
    response = client.post(change_url(commitment), commitment_form(commitment, end_date="2023-06-30"))
    assert response.status_code == 200
    assert "The end date comes before the start date." in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.end_date == datetime.date(2024, 12, 31)


def test_a_milestone_outside_the_commitments_dates_is_refused(client, people, commitment):
    client.force_login(people.editor)
    late = Milestone(title={"fr": "Trop tard"}, due_date=datetime.date(2025, 3, 1), order=1)
    response = client.post(change_url(commitment), commitment_form(commitment, [late]))
    assert response.status_code == 200
    assert "The due date must fall within the commitment&#x27;s dates (2024-01-01 to 2024-12-31)." in (
        response.content.decode()
    )
    assert not Milestone.objects.exists()


def test_shortening_a_commitment_leaves_no_milestone_outside_it(client, people, commitment):
    milestone = MilestoneFactory(commitment=commitment, due_date=datetime.date(2024, 11, 30))
    client.force_login(people.editor)
    response = client.post(change_url(commitment), commitment_form(commitment, [milestone], end_date="2024-06-30"))
    assert "The due date must fall within the commitment" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.end_date == datetime.date(2024, 12, 31)


def test_a_commitment_needs_a_principle(client, people, commitment):
    client.force_login(people.editor)
    data = commitment_form(commitment)
    data.pop("principles")
    assert "This field is required." in client.post(change_url(commitment), data).content.decode()


def test_another_collectivitys_programs_are_out_of_reach(client, people, commitment):
    client.force_login(people.other_focal_point)
    listing = client.get("/en/admin/programs/commitment/").content.decode()
    assert "Publier les décisions" not in listing
    response = client.post(change_url(commitment), commitment_form(commitment, title_1="Pris par B"))
    assert response.status_code == 302  # the admin does not find it
    commitment.refresh_from_db()
    assert commitment.title == {"fr": "Publier les décisions"}


def test_a_program_is_started_only_for_ones_own_collectivity(client, people):
    client.force_login(people.focal_point)
    data = {
        "collectivity": people.commune_b.pk,
        **translated("title", {"fr": "Programme de B"}),
        **translated("summary", {}),
    }
    for prefix in ("phase_dates", "axes"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = client.post("/en/admin/programs/program/add/", data)
    assert "Select a valid choice" in response.content.decode()
    data["collectivity"] = people.commune_a.pk
    assert client.post("/en/admin/programs/program/add/", data).status_code == 302
    program = Program.objects.get()
    assert program.collectivity == people.commune_a and program.phase == Phase.PREPARATION


def test_the_phase_is_not_a_field_of_the_program_form(client, people, commitment):
    client.force_login(people.focal_point)
    html = client.get(f"/en/admin/programs/program/{commitment.program_id}/change/").content.decode()
    assert 'name="phase"' not in html
    assert f'href="/en/programs/{commitment.program_id}/phase/"' in html  # the explicit, recorded action


def test_a_published_version_cannot_be_edited_in_the_back_office(client, people, commitment):
    version = publish_version(commitment.program, people.focal_point, note={"fr": "Version initiale"})
    client.force_login(people.focal_point)
    url = f"/en/admin/programs/programversion/{version.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"note_1": "Réécrite"}, follow=True)
    assert "A published version cannot be changed" in response.content.decode()
    assert ProgramVersion.objects.get().note == {"fr": "Version initiale"}


def test_a_closed_programs_draft_is_read_only(client, people, commitment):
    Program.objects.filter(pk=commitment.program_id).update(phase=Phase.CLOSED)
    client.force_login(people.editor)
    response = client.post(change_url(commitment), commitment_form(commitment, title_1="Après la clôture"))
    refused(response)
    assert Commitment.objects.get().title == {"fr": "Publier les décisions"}


def test_the_program_form_links_to_its_commitments(client, people, commitment):
    other = CommitmentFactory(axis=AxisFactory(program=ProgramFactory(collectivity=people.commune_a)))
    client.force_login(people.editor)
    link = f"/en/admin/programs/commitment/?program__id__exact={commitment.program_id}"
    form = client.get(f"/en/admin/programs/program/{commitment.program_id}/change/").content.decode()
    assert f'href="{link}"' in form
    response = client.get(link)
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [commitment]
    assert other not in response.context["cl"].result_list
