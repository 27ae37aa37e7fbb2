"""What people said feeds what is tracked: a commitment's page shows, beside its milestones, its progress (from
monitoring), the workshops it came from (events) and the consultation contributions retained into it
(consultations); a program's page shows its overall progress and the way to its tracker. Each block is an
entry other apps declare into `programs.sections`; the pages' queries do not grow with what the blocks list."""

import pytest

from infitah.consultations.models import ResponseOutcome
from infitah.events.models import Finding
from infitah.monitoring.models import ReviewState
from infitah.programs.models import Commitment
from infitah.programs.sections import CommitmentSection, ProgramSection, commitment_sections_for
from tests.clients import page, queries
from tests.consultations.factories import ConsultationFactory, ContributionFactory, ResponseFactory
from tests.events.factories import EventFactory, in_days
from tests.monitoring.tracker_factories import UpdateFactory, adopted_program, keys
from tests.people import english_messages  # noqa: F401 - automatic for every test here
from tests.programs.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_the_sections_are_declared_by_the_apps_that_know_them():
    from infitah.programs import sections

    assert isinstance(sections._program_sections["progress"], ProgramSection)
    assert {"progress", "workshops", "retained_contributions"} <= set(sections._commitment_sections)
    assert all(isinstance(s, CommitmentSection) for s in sections._commitment_sections.values())


def test_a_section_with_nothing_to_show_is_left_out():
    commitment = CommitmentFactory()  # no adoption, no workshop, no contribution
    assert commitment_sections_for(commitment, None) == []


def _commitment_world(contributions=1, workshops=1, updates=1):
    program = adopted_program(axes=((1, 2),))
    commitment_key, milestones = keys(program)[0]
    commitment = Commitment.objects.get(program=program, key=commitment_key)
    for _ in range(updates):
        for milestone in milestones:
            UpdateFactory(
                program=program,
                commitment_key=commitment_key,
                milestone_key=milestone,
                percent=60,
                review_state=ReviewState.CONTESTED,
            )
    consultation = ConsultationFactory(program=program, version=program.reference_version)
    for n in range(contributions):
        contribution = ContributionFactory(consultation=consultation, title=f"Idée retenue {n}")
        ResponseFactory(contribution=contribution, outcome=ResponseOutcome.RETAINED, commitment_key=commitment_key)
    not_retained = ContributionFactory(consultation=consultation, title="Idée écartée")
    ResponseFactory(contribution=not_retained, commitment_key=commitment_key)
    hidden = ContributionFactory(consultation=consultation, title="Idée masquée", is_hidden=True)
    ResponseFactory(contribution=hidden, outcome=ResponseOutcome.RETAINED, commitment_key=commitment_key)
    for n in range(workshops):
        event = EventFactory(title={"en": f"Workshop {n}"}, starts_at=in_days(-5), ends_at=in_days(-5, 12))
        Finding.objects.create(event=event, text={"en": "More open data"}).commitments.add(commitment)
    return program, commitment


def test_a_commitment_page_shows_its_progress_the_workshops_and_the_contributions_retained(client):
    program, commitment = _commitment_world()
    html = page(client, f"/en/programs/commitments/{commitment.pk}/")
    assert "Implementation progress" in html and "60%" in html
    assert f'href="/en/monitoring/programs/{program.pk}/commitments/{commitment.key}/"' in html
    assert "Workshop 0" in html
    assert "Idée retenue 0" in html and "Idée écartée" not in html and "Idée masquée" not in html


def test_a_program_page_shows_its_overall_progress_and_links_to_its_tracker(client):
    program, _commitment = _commitment_world()
    html = page(client, f"/en/programs/{program.pk}/")
    assert "Implementation progress" in html
    assert f'href="/en/monitoring/programs/{program.pk}/"' in html
    assert "2 contested updates awaiting the collectivity" in html


def test_the_commitment_page_costs_the_same_queries_whatever_its_blocks_list(client):
    _program, few = _commitment_world()
    _program, many = _commitment_world(contributions=8, workshops=5, updates=6)
    assert queries(client, f"/en/programs/commitments/{few.pk}/") == queries(
        client, f"/en/programs/commitments/{many.pk}/"
    )
