"""A program runs through its phases by the state machine's rules only; every move is recorded for the timeline."""

import datetime

import pytest
from django.utils import timezone, translation

from infitah.programs import selectors
from infitah.programs.models import PhaseTransition, Program
from infitah.programs.phases import (
    ORDER,
    TRANSITIONS,
    Phase,
    TransitionRefused,
    allowed_targets,
    check_requirements,
    check_transition,
    transition,
)
from infitah.programs.versions import publish_version
from tests.programs.factories import AxisFactory, ProgramFactory

# Every pair (from the row's phase to the column's). Y: allowed. Otherwise the kind of refusal:
#   = already there · S skips a phase · B steps back more than one phase, or where no step back is allowed
#   F goes back after the council's adoption · P returns to preparation · D closes a program never made public
#   X leaves the closed phase
# fmt: off
COLUMNS = ["preparation", "co_creation", "drafting", "public_consultation", "adoption", "implementation",
           "evaluation", "closed"]
MATRIX = {
    #                       pre  co   dra  con  ado  imp  eva  clo
    "preparation":         ("=", "Y", "S", "S", "S", "S", "S", "D"),
    "co_creation":         ("P", "=", "Y", "S", "S", "S", "S", "Y"),
    "drafting":            ("P", "Y", "=", "Y", "S", "S", "S", "Y"),
    "public_consultation": ("P", "B", "Y", "=", "Y", "S", "S", "Y"),
    "adoption":            ("P", "B", "B", "Y", "=", "Y", "S", "Y"),
    "implementation":      ("P", "F", "F", "F", "F", "=", "Y", "Y"),
    "evaluation":          ("P", "F", "F", "F", "F", "F", "=", "Y"),
    "closed":              ("X", "X", "X", "X", "X", "X", "X", "="),
}
# fmt: on
REASONS = {
    "=": "is already in",
    "S": "cannot skip",
    "B": "can only step back to the phase just before",
    "F": "only moves forward",
    "P": "cannot return to preparation",
    "D": "delete it rather than close it",
    "X": "is closed",
}
PAIRS = [
    pytest.param(current, target, MATRIX[current][column], id=f"{current}->{target}")
    for current in COLUMNS
    for column, target in enumerate(COLUMNS)
]


def test_the_table_covers_every_phase_in_the_cycles_order():
    assert [phase.value for phase in ORDER] == COLUMNS
    assert set(MATRIX) == set(COLUMNS)


@pytest.mark.parametrize(("current", "target", "expected"), PAIRS)
def test_every_pair_of_phases(current, target, expected):
    reason = check_transition(current, target)
    if expected == "Y":
        assert reason is None
        assert Phase(target) in TRANSITIONS[Phase(current)]
    else:
        assert reason is not None
        assert REASONS[expected] in str(reason)
        assert Phase(target) not in TRANSITIONS[Phase(current)]


def test_the_allowed_moves_are_offered_in_the_order_of_the_cycle():
    assert allowed_targets("public_consultation") == [Phase.DRAFTING, Phase.ADOPTION, Phase.CLOSED]
    assert allowed_targets("closed") == []


def test_an_unknown_phase_is_refused():
    assert str(check_transition("drafting", "celebration")) == "Unknown phase."


# fmt: off
REQUIREMENTS = [
    # current                target                 published adopted  refusal (fragment) or None
    ("drafting",             "public_consultation", 0,        False,   "Publish a version of the draft first"),
    ("drafting",             "public_consultation", 1,        False,   None),
    ("public_consultation",  "adoption",            0,        False,   "Publish a version of the draft first"),
    ("public_consultation",  "adoption",            2,        False,   None),
    ("adoption",             "implementation",      2,        False,   "Record the council's adoption"),
    ("adoption",             "implementation",      2,        True,    None),
    ("adoption",             "public_consultation", 2,        True,    "can only move on to implementation"),
    ("adoption",             "public_consultation", 2,        False,   None),
    ("co_creation",          "drafting",            0,        False,   None),
    ("drafting",             "closed",              0,        False,   None),
]
# fmt: on


@pytest.mark.parametrize(("current", "target", "published", "adopted", "expected"), REQUIREMENTS)
def test_what_the_program_must_hold_before_some_moves(current, target, published, adopted, expected):
    reason = check_requirements(current, target, published_versions=published, adopted=adopted)
    assert (reason is None) if expected is None else (expected in str(reason))


@pytest.mark.django_db
class TestTransition:
    def test_a_move_is_recorded_with_who_when_and_why(self, people):
        program = ProgramFactory(collectivity=people.commune_a, phase=Phase.PREPARATION)
        when = timezone.make_aware(datetime.datetime(2023, 4, 11, 11, 0))
        record = transition(program, Phase.CO_CREATION, people.focal_point, {"ar": "ورشة 11 أبريل"}, at=when)
        assert (record.from_phase, record.to_phase, record.by, record.at) == (
            "preparation",
            "co_creation",
            people.focal_point,
            when,
        )
        assert record.reason == {"ar": "ورشة 11 أبريل"}
        program.refresh_from_db()
        assert program.phase == Phase.CO_CREATION and program.phase_changed_at == when

    def test_a_reason_typed_as_plain_text_is_kept_in_the_language_of_the_page(self, people):
        program = ProgramFactory(phase=Phase.CO_CREATION)
        with translation.override("fr"):
            record = transition(program, Phase.DRAFTING, people.focal_point, "  Atelier terminé  ")
        assert record.reason == {"fr": "Atelier terminé"}

    def test_an_illegal_move_is_refused_and_nothing_is_recorded(self, people):
        program = ProgramFactory(phase=Phase.DRAFTING)
        with pytest.raises(TransitionRefused, match="cannot skip"):
            transition(program, Phase.IMPLEMENTATION, people.focal_point, "let us go")
        program.refresh_from_db()
        assert program.phase == Phase.DRAFTING
        assert not PhaseTransition.objects.exists()

    def test_a_move_without_a_reason_is_refused(self, people):
        program = ProgramFactory(phase=Phase.CO_CREATION)
        for empty in ("", "   ", {"ar": " ", "fr": ""}):
            with pytest.raises(TransitionRefused, match="Give the reason"):
                transition(program, Phase.DRAFTING, people.focal_point, empty)
        assert Program.objects.get(pk=program.pk).phase == Phase.CO_CREATION

    def test_an_oversized_reason_is_refused(self, people):
        program = ProgramFactory(phase=Phase.CO_CREATION)
        with pytest.raises(TransitionRefused, match="2000 characters"):
            transition(program, Phase.DRAFTING, people.focal_point, "x" * 2001)

    def test_the_check_uses_the_stored_phase_not_a_stale_copy(self, people):
        program = ProgramFactory(phase=Phase.CO_CREATION)
        stale = Program.objects.get(pk=program.pk)
        transition(program, Phase.DRAFTING, people.focal_point, "first")
        with pytest.raises(TransitionRefused, match="already in"):
            transition(stale, Phase.DRAFTING, people.focal_point, "second, from an old page")
        assert PhaseTransition.objects.count() == 1

    def test_the_consultation_needs_a_published_version(self, people):
        program = ProgramFactory(phase=Phase.DRAFTING)
        AxisFactory(program=program)
        with pytest.raises(TransitionRefused, match="Publish a version"):
            transition(program, Phase.PUBLIC_CONSULTATION, people.focal_point, "open it")
        publish_version(program, people.focal_point)
        transition(program, Phase.PUBLIC_CONSULTATION, people.focal_point, "open it")
        assert program.phase == Phase.PUBLIC_CONSULTATION

    def test_a_reasoned_step_back_to_revise_the_draft(self, people):
        program = ProgramFactory(phase=Phase.DRAFTING)
        AxisFactory(program=program)
        publish_version(program, people.focal_point)
        transition(program, Phase.PUBLIC_CONSULTATION, people.focal_point, "open")
        back = transition(program, Phase.DRAFTING, people.focal_point, "Many contributions: the draft is revised")
        assert back.is_step_back
        assert program.phase == Phase.DRAFTING


@pytest.mark.django_db
def test_the_phase_timeline_shows_planned_and_actual_dates(people):
    def at(day):
        return timezone.make_aware(datetime.datetime(2023, *day, 9, 0))

    program = ProgramFactory(phase=Phase.PREPARATION, created_at=at((1, 17)))
    program.phase_dates.create(phase="co_creation", planned_start=datetime.date(2023, 4, 1))
    transition(program, Phase.CO_CREATION, people.focal_point, "workshop", at=at((4, 11)))
    transition(program, Phase.DRAFTING, people.focal_point, "drafting", at=at((5, 2)))
    transition(program, Phase.CO_CREATION, people.focal_point, "one more workshop", at=at((5, 20)))
    steps = {step["phase"]: step for step in selectors.phase_timeline(selectors.program_detail(program.pk))}
    assert steps[Phase.PREPARATION]["actual_start"] == at((1, 17))
    assert steps[Phase.PREPARATION]["actual_end"] == at((4, 11))
    assert steps[Phase.CO_CREATION]["planned"].planned_start == datetime.date(2023, 4, 1)
    assert steps[Phase.CO_CREATION]["actual_start"] == at((4, 11))  # first entry kept
    assert steps[Phase.CO_CREATION]["is_current"] and steps[Phase.CO_CREATION]["actual_end"] is None
    assert steps[Phase.DRAFTING]["actual_end"] == at((5, 20))
    assert steps[Phase.ADOPTION]["actual_start"] is None
