"""The council adopts a published version: the vote is recorded, the version becomes the reference, the program
moves on. What the council cannot have done is refused and nothing is saved."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from infitah.programs.adoption import AdoptionRefused, Vote, check_adoption, check_vote, record_adoption
from infitah.programs.models import CouncilAdoption, PhaseTransition, ProgramVersion
from infitah.programs.phases import Phase, TransitionRefused, transition
from infitah.programs.versions import publish_version
from tests.programs.factories import AxisFactory, ProgramFactory

OCTOBER_SESSION = {"ar": "الدورة العادية لشهر أكتوبر 2023", "fr": "Session ordinaire d'octobre 2023"}
PUBLISHED = timezone.make_aware(datetime.datetime(2023, 7, 3, 9, 0))
VOTED = timezone.make_aware(datetime.datetime(2023, 10, 2, 17, 0))


@pytest.mark.parametrize(
    ("vote", "adopted"),
    [
        (Vote(58, 0, 3), True),
        (Vote(1, 0, 0), True),
        (Vote(30, 30, 5), False),
        (Vote(10, 25, 0), False),
        (Vote(0, 0, 40), False),
        (Vote(-1, 0, 0), False),
    ],
)
def test_an_adoption_needs_more_votes_for_than_against(vote, adopted):
    assert (check_vote(vote) is None) == adopted


def _check(**overrides):
    values = {
        "phase": "adoption",
        "version_program_id": 1,
        "program_id": 1,
        "published_on": datetime.date(2023, 7, 3),
        "adopted_on": datetime.date(2023, 10, 2),
        "already_adopted": False,
        "today": datetime.date(2024, 1, 1),
        **overrides,
    }
    reason = check_adoption(**values)
    return None if reason is None else str(reason)


@pytest.mark.parametrize(
    ("overrides", "refusal"),
    [
        ({}, None),
        ({"phase": "public_consultation"}, None),
        ({"version_program_id": None}, "Only a published version of this program"),
        ({"version_program_id": 2}, "Only a published version of this program"),
        ({"already_adopted": True}, "already been recorded"),
        ({"phase": "drafting"}, "after its public consultation"),
        ({"phase": "implementation"}, "after its public consultation"),
        ({"adopted_on": datetime.date(2024, 2, 1)}, "cannot be in the future"),
        ({"adopted_on": datetime.date(2023, 6, 30)}, "before it was published"),
    ],
)
def test_what_may_be_adopted_when(overrides, refusal):
    reason = _check(**overrides)
    assert reason is None if refusal is None else refusal in reason


@pytest.fixture
def program_in_consultation(people):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.DRAFTING)
    AxisFactory(program=program)
    publish_version(program, people.focal_point, at=PUBLISHED)
    transition(program, Phase.PUBLIC_CONSULTATION, people.focal_point, "consultation", at=PUBLISHED)
    return program


def adopt(program, version, by, **overrides):
    arguments = {
        "by": by,
        "session_name": OCTOBER_SESSION,
        "adopted_on": VOTED.date(),
        "decision_number": "07/2023/115",
        "vote": Vote(58, 0, 3),
        "at": VOTED,
        **overrides,
    }
    return record_adoption(program, version, **arguments)


@pytest.mark.django_db
class TestRecordAdoption:
    def test_the_adopted_version_becomes_the_reference_and_implementation_starts(self, program_in_consultation, people):
        program = program_in_consultation
        version = program.versions.get()
        adoption = adopt(program, version, people.focal_point)
        program.refresh_from_db()
        assert program.reference_version == version
        assert program.phase == Phase.IMPLEMENTATION
        assert (adoption.votes_for, adoption.votes_against, adoption.votes_abstain) == (58, 0, 3)
        moves = list(PhaseTransition.objects.filter(program=program).values_list("from_phase", "to_phase"))
        assert moves[-2:] == [("public_consultation", "adoption"), ("adoption", "implementation")]
        reason = PhaseTransition.objects.filter(program=program).last().reason
        assert "07/2023/115" in reason["fr"] and "Session ordinaire d'octobre 2023" in reason["fr"]
        assert "الدورة العادية لشهر أكتوبر 2023" in reason["ar"]

    def test_implementation_may_start_later(self, program_in_consultation, people):
        program = program_in_consultation
        adopt(program, program.versions.get(), people.focal_point, start_implementation=False)
        program.refresh_from_db()
        assert program.phase == Phase.ADOPTION and program.reference_version is not None
        with pytest.raises(TransitionRefused, match="can only move on to implementation"):
            transition(program, Phase.PUBLIC_CONSULTATION, people.focal_point, "reopen?")
        transition(program, Phase.IMPLEMENTATION, people.focal_point, "budget 2024")
        assert program.phase == Phase.IMPLEMENTATION

    def test_implementation_cannot_start_without_an_adoption(self, program_in_consultation, people):
        transition(program_in_consultation, Phase.ADOPTION, people.focal_point, "to the council")
        with pytest.raises(TransitionRefused, match="Record the council's adoption"):
            transition(program_in_consultation, Phase.IMPLEMENTATION, people.focal_point, "start")

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"vote": Vote(20, 25, 3)}, "did not adopt"),
            ({"adopted_on": datetime.date(2023, 6, 1)}, "before it was published"),
        ],
    )
    def test_a_refused_adoption_saves_nothing(self, program_in_consultation, people, overrides, message):
        program = program_in_consultation
        with pytest.raises(AdoptionRefused, match=message):
            adopt(program, program.versions.get(), people.focal_point, **overrides)
        program.refresh_from_db()
        assert program.reference_version is None and program.phase == Phase.PUBLIC_CONSULTATION
        assert not CouncilAdoption.objects.exists()

    def test_an_unpublished_version_or_another_programs_version_is_refused(self, program_in_consultation, people):
        other = ProgramFactory(phase=Phase.CO_CREATION)
        AxisFactory(program=other)
        others_version = publish_version(other, people.focal_point)
        unpublished = ProgramVersion(program=program_in_consultation, number=9, snapshot={}, phase="drafting")
        for version in (others_version, unpublished, None):
            with pytest.raises(AdoptionRefused, match="Only a published version of this program"):
                adopt(program_in_consultation, version, people.focal_point)
        assert not CouncilAdoption.objects.exists()

    def test_a_program_is_adopted_once(self, program_in_consultation, people):
        version = program_in_consultation.versions.get()
        adopt(program_in_consultation, version, people.focal_point, start_implementation=False)
        with pytest.raises(AdoptionRefused, match="already been recorded"):
            adopt(program_in_consultation, version, people.focal_point)
        assert CouncilAdoption.objects.count() == 1

    def test_a_drafting_program_is_not_adopted(self, people):
        program = ProgramFactory(phase=Phase.CO_CREATION)
        AxisFactory(program=program)
        version = publish_version(program, people.focal_point, at=PUBLISHED)
        with pytest.raises(AdoptionRefused, match="after its public consultation"):
            adopt(program, version, people.focal_point)

    def test_the_database_itself_refuses_an_adoption_without_a_majority(self, program_in_consultation, people):
        with pytest.raises(IntegrityError), transaction.atomic():
            CouncilAdoption.objects.create(
                program=program_in_consultation,
                version=program_in_consultation.versions.get(),
                session_name=OCTOBER_SESSION,
                adopted_on=VOTED.date(),
                decision_number="x",
                votes_for=10,
                votes_against=10,
                votes_abstain=0,
            )
