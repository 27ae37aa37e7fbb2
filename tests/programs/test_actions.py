"""The focal point changes the phase, publishes versions and records the council's adoption, each through a
confirmed form; a refusal says why and keeps what was typed. Nobody else, and nobody from another collectivity."""

import datetime

import pytest
from django.utils import timezone

from infitah.programs.models import CouncilAdoption, PhaseTransition, ProgramVersion
from infitah.programs.phases import Phase, transition
from infitah.programs.versions import publish_version
from tests.programs.factories import AxisFactory, ProgramFactory
from tests.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.DRAFTING)
    AxisFactory(program=program, title={"fr": "Transparence"})
    return program


REASONS = {
    "phase": "Only the focal point of the program's collectivity changes its phase.",
    "publish": "Only the focal point of the program's collectivity publishes its versions, until the program is "
    "closed.",
    "adopt": "Only the focal point of the program's collectivity records the council's adoption.",
}


def url(program, action):
    return f"/en/programs/{program.pk}/{action}/"


@pytest.mark.parametrize("action", ["phase", "publish", "adopt"])
def test_only_the_focal_point_of_the_programs_collectivity_acts(client, people, program, action):
    response = client.get(url(program, action))
    assert response.status_code == 302 and "/login/" in response["Location"]
    for outsider in (
        people.editor,
        people.council_member,
        people.other_focal_point,
        people.coordinator,
        people.citizen,
    ):
        client.force_login(outsider)
        refused(client.get(url(program, action)), REASONS[action])
        refused(client.post(url(program, action), {"confirm": "on"}), REASONS[action])
    client.force_login(people.focal_point)
    assert client.get(url(program, action)).status_code == 200


def test_a_program_in_preparation_of_another_collectivity_is_not_found(client, people):
    hidden = ProgramFactory(collectivity=people.commune_a, phase=Phase.PREPARATION)
    client.force_login(people.other_focal_point)
    assert client.get(url(hidden, "phase")).status_code == 404


class TestChangePhase:
    def test_a_confirmed_and_reasoned_change_is_recorded(self, client, people, program):
        client.force_login(people.focal_point)
        response = client.post(
            url(program, "phase"),
            {"target": "co_creation", "reason_0": "ورشة إضافية", "reason_1": "Un atelier de plus", "confirm": "on"},
        )
        assert response.status_code == 302 and response["Location"] == program.get_absolute_url()
        move = PhaseTransition.objects.get()
        assert (move.from_phase, move.to_phase, move.by) == ("drafting", "co_creation", people.focal_point)
        assert move.reason == {"ar": "ورشة إضافية", "fr": "Un atelier de plus"}

    def test_the_form_offers_only_the_allowed_moves(self, client, people, program):
        client.force_login(people.focal_point)
        html = client.get(url(program, "phase")).content.decode()
        assert 'value="public_consultation"' in html and 'value="co_creation"' in html
        assert 'value="implementation"' not in html and 'value="preparation"' not in html

    def test_an_illegal_move_is_refused_with_the_state_machines_reason(self, client, people, program):
        client.force_login(people.focal_point)
        response = client.post(
            url(program, "phase"), {"target": "implementation", "reason_1": "On y va", "confirm": "on"}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "cannot skip from" in html
        assert "On y va" in html  # what was typed is kept
        program.refresh_from_db()
        assert program.phase == Phase.DRAFTING and not PhaseTransition.objects.exists()

    def test_a_requirement_of_the_target_phase_is_explained(self, client, people, program):
        client.force_login(people.focal_point)
        response = client.post(
            url(program, "phase"), {"target": "public_consultation", "reason_1": "Ouverture", "confirm": "on"}
        )
        assert "Publish a version of the draft first" in response.content.decode()
        assert not PhaseTransition.objects.exists()

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"target": "co_creation", "confirm": "on"}, "Give the reason for this phase change"),
            ({"target": "co_creation", "reason_1": "Pourquoi"}, "Tick the box to confirm"),
            ({"target": "co_creation", "reason_1": "x" * 2001, "confirm": "on"}, "at most 2000 characters"),
            ({"reason_1": "Pourquoi", "confirm": "on"}, "Choose the phase"),
        ],
    )
    def test_incomplete_forms_are_refused(self, client, people, program, data, message):
        client.force_login(people.focal_point)
        response = client.post(url(program, "phase"), data)
        assert response.status_code == 200 and message in response.content.decode()
        assert not PhaseTransition.objects.exists()


class TestPublish:
    def test_publishing_freezes_the_draft_as_the_next_version(self, client, people, program):
        client.force_login(people.focal_point)
        response = client.post(url(program, "publish"), {"note_1": "Axes initiaux", "confirm": "on"})
        version = ProgramVersion.objects.get()
        assert response["Location"] == version.get_absolute_url()
        assert (version.number, version.note, version.published_by) == (1, {"fr": "Axes initiaux"}, people.focal_point)

    def test_publishing_an_unchanged_draft_again_is_refused(self, client, people, program):
        publish_version(program, people.focal_point)
        client.force_login(people.focal_point)
        response = client.post(url(program, "publish"), {"confirm": "on"})
        assert "Nothing has changed since the last published version." in response.content.decode()
        assert ProgramVersion.objects.count() == 1

    def test_publishing_needs_a_confirmation(self, client, people, program):
        client.force_login(people.focal_point)
        response = client.post(url(program, "publish"), {"note_1": "Axes"})
        assert "Tick the box to confirm" in response.content.decode()
        assert not ProgramVersion.objects.exists()


class TestAdopt:
    @pytest.fixture
    def consulted(self, people, program):
        published = timezone.now() - datetime.timedelta(days=90)
        publish_version(program, people.focal_point, at=published)
        transition(program, Phase.PUBLIC_CONSULTATION, people.focal_point, "open", at=published)
        return program

    def data(self, program, **overrides):
        return {
            "version": program.versions.get().pk,
            "session_name_1": "Session ordinaire d'octobre 2023",
            "adopted_on": timezone.localdate().isoformat(),
            "decision_number": "07/2023/115",
            "votes_for": "58",
            "votes_against": "0",
            "votes_abstain": "3",
            "start_implementation": "on",
            "confirm": "on",
            **overrides,
        }

    def test_recording_the_adoption(self, client, people, consulted):
        client.force_login(people.focal_point)
        response = client.post(url(consulted, "adopt"), self.data(consulted))
        assert response.status_code == 302
        consulted.refresh_from_db()
        assert consulted.reference_version.number == 1 and consulted.phase == Phase.IMPLEMENTATION
        assert CouncilAdoption.objects.get().decision_number == "07/2023/115"

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"votes_for": "10", "votes_against": "12"}, "did not adopt the program"),
            ({"votes_against": "-1"}, "greater than or equal to 0"),
            ({"version": "999999"}, "Only a published version of this program can be adopted."),
            ({"adopted_on": "2999-01-01"}, "cannot be in the future"),
            ({"session_name_1": ""}, "Name the council session that voted"),
        ],
    )
    def test_bad_adoptions_are_refused_and_nothing_is_saved(self, client, people, consulted, overrides, message):
        client.force_login(people.focal_point)
        response = client.post(url(consulted, "adopt"), self.data(consulted, **overrides))
        assert response.status_code == 200
        assert message in response.content.decode()
        consulted.refresh_from_db()
        assert consulted.reference_version is None and not CouncilAdoption.objects.exists()

    def test_another_programs_version_cannot_be_posted(self, client, people, consulted):
        other = ProgramFactory(collectivity=people.commune_a, phase=Phase.CO_CREATION)
        AxisFactory(program=other)
        foreign = publish_version(other, people.focal_point)
        client.force_login(people.focal_point)
        response = client.post(url(consulted, "adopt"), self.data(consulted, version=foreign.pk))
        assert "Only a published version of this program can be adopted." in response.content.decode()
        assert not CouncilAdoption.objects.exists()


def test_each_act_is_also_written_to_the_audit_log_of_the_collectivity(client, people, program):
    from infitah.participation.models import AuditLogEntry

    client.force_login(people.focal_point)
    client.post(url(program, "publish"), {"confirm": "on"})
    client.post(url(program, "phase"), {"target": "public_consultation", "reason_1": "Ouverture", "confirm": "on"})
    entries = AuditLogEntry.objects.filter(collectivity=people.commune_a).order_by("pk")
    assert [(e.action, e.actor) for e in entries] == [
        ("programs.publish_version", people.focal_point),
        ("programs.transition", people.focal_point),
    ]
    assert entries[1].changes == {"phase": ["drafting", "public_consultation"]}
