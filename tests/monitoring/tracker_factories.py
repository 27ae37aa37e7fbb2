"""Factories of the tracker's tests: an adopted program (its reference version published from a draft) and
progress updates written directly, as the write side's services would leave them."""

import datetime

import factory

from infitah.monitoring.models import Completion, ProgressUpdate, Review, ReviewState, Verdict
from infitah.programs.models import Program
from infitah.programs.phases import Phase
from infitah.programs.versions import publish_version
from tests.factories import CommuneFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, MilestoneFactory, ProgramFactory


def adopted_program(collectivity=None, axes=((2, 1),), phase=Phase.IMPLEMENTATION):
    """A program adopted by its council. `axes`: per axis, (commitments, milestones per commitment); milestones
    are due at the end of each quarter of 2024."""
    program = ProgramFactory(collectivity=collectivity or CommuneFactory(), phase=Phase.DRAFTING)
    for number, (commitments, milestones) in enumerate(axes, 1):
        axis = AxisFactory(program=program, title={"ar": f"المحور {number}", "fr": f"Axe {number}"})
        for _ in range(commitments):
            commitment = CommitmentFactory(axis=axis)
            for quarter in range(milestones):
                MilestoneFactory(
                    commitment=commitment, due_date=datetime.date(2024, 3 * (quarter % 4 + 1), 28), order=quarter
                )
    version = publish_version(program, None)
    Program.objects.filter(pk=program.pk).update(reference_version=version, phase=phase)
    program.refresh_from_db()
    return program


def keys(program):
    """[(commitment key, [milestone keys])] of the adopted version, in order."""
    return [
        (c["key"], [m["key"] for m in c["milestones"]])
        for axis in program.reference_version.snapshot["axes"]
        for c in axis["commitments"]
    ]


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    as_of = datetime.date(2024, 4, 1)
    completion = Completion.LIMITED
    percent = 30
    narrative = {"ar": "ما أنجز", "fr": "Ce qui a été fait"}
    review_state = ReviewState.AWAITING


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    verdict = Verdict.CONFIRMED
    comment = ""
