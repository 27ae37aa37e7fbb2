"""Factories of co-monitoring: an adopted program (a reference version the council adopted), its updates, reviews."""

import datetime

import factory

from infitah.monitoring.models import (
    CommitteeMember,
    CommitteeSeat,
    Completion,
    FollowUpCommittee,
    ProgressUpdate,
    Review,
    Verdict,
)
from infitah.programs.models import CouncilAdoption, ProgramVersion
from infitah.programs.phases import Phase
from infitah.programs.versions import build_snapshot
from tests.programs.factories import AxisFactory, CommitmentFactory, MilestoneFactory, ProgramFactory


def adopt(program, adopted_on=datetime.date(2024, 1, 15)):
    """Publish the program's draft as its version 1 and record the council's adoption of it (its reference)."""
    version = ProgramVersion.objects.create(
        program=program, number=1, phase=Phase.ADOPTION, snapshot=build_snapshot(program)
    )
    CouncilAdoption.objects.create(
        program=program,
        version=version,
        session_name={"fr": "Session de janvier"},
        adopted_on=adopted_on,
        decision_number="12/2024",
        votes_for=20,
        votes_against=2,
        votes_abstain=1,
    )
    program.reference_version = version
    program.phase = Phase.IMPLEMENTATION
    program.save()
    return program


def adopted_program(collectivity, *, associations=(), milestones=2, adopt_it=True):
    """A program of `collectivity` with one axis, one commitment co-owned by `associations`, and `milestones`
    milestones (due 31 March, 30 April…), adopted by the council unless `adopt_it` is False."""
    program = ProgramFactory(collectivity=collectivity, phase=Phase.ADOPTION)
    commitment = CommitmentFactory(axis=AxisFactory(program=program))
    commitment.associations.set(associations)
    for number in range(milestones):
        MilestoneFactory(commitment=commitment, order=number, due_date=datetime.date(2024, 3 + number, 28))
    return adopt(program) if adopt_it else program


def keys_of(program):
    """(commitment key, [milestone keys]) of the program's first commitment in its reference version."""
    commitment = program.reference_version.snapshot["axes"][0]["commitments"][0]
    return commitment["key"], [m["key"] for m in commitment["milestones"]]


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    as_of = datetime.date(2024, 5, 1)
    completion = Completion.LIMITED
    percent = 30
    narrative = {"fr": "Le portail est en cours de construction."}


def update_of(program, *, milestone=0, author=None, **fields):
    commitment_key, milestone_keys = keys_of(program)
    key = milestone_keys[milestone] if milestone is not None else None
    return ProgressUpdateFactory(
        program=program, commitment_key=commitment_key, milestone_key=key, author=author, **fields
    )


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    verdict = Verdict.CONFIRMED


def seat(program, user=None, **fields):
    committee, _created = FollowUpCommittee.objects.get_or_create(program=program)
    fields.setdefault("seat", CommitteeSeat.CIVIL_SOCIETY)
    fields.setdefault("name", user.full_name if user else "Fatima Zahra Bennani")
    return CommitteeMember.objects.create(committee=committee, user=user, **fields)
