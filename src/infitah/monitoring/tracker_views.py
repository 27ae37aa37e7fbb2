"""The public tracker of an adopted program: its overall, per-axis and per-commitment progress, the milestones
due and overdue, contested updates flagged, and the timeline of updates."""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from infitah.core.permissions import can
from infitah.monitoring.models import CommitteeMember, FollowUpCommittee
from infitah.monitoring.tracker import Tracker, build_tracker
from infitah.programs.models import Program

# Ids are 64-bit keys on SQLite and PostgreSQL alike: a larger number names nothing (404, not a database error).
MAX_ID = 2**63 - 1
TIMELINE_LENGTH = 50


def tracked_program_or_404(request: HttpRequest, program_pk: int) -> Program:
    """The program if the visitor may read its tracker; hidden and unknown programs are both 404."""
    program = None
    if 0 < program_pk <= MAX_ID:
        program = Program.objects.select_related("collectivity", "reference_version").filter(pk=program_pk).first()
    if program is None or not can(request.user, "monitoring.view_tracker", program):
        raise Http404(_("There is no openness program at this address."))
    return program


def committee_of(program: Program) -> tuple[FollowUpCommittee | None, list[CommitteeMember]]:
    """The program's follow-up committee and its members, seats in order (two queries at most)."""
    committee = FollowUpCommittee.objects.filter(program=program).first()
    if committee is None:
        return None, []
    return committee, list(committee.members.select_related("association").order_by("order", "pk"))


def program_tracker(request: HttpRequest, program_pk: int) -> HttpResponse:
    program = tracked_program_or_404(request, program_pk)
    tracker = build_tracker(program)
    return render(
        request,
        "monitoring/tracker/program.html",
        {
            "program": program,
            "tracker": tracker,
            "timeline": tracker.timeline(TIMELINE_LENGTH),
            "flagged": [entry for entry in tracker.timeline() if entry.update.is_flagged],
            "more_updates": max(0, len(tracker.updates) - TIMELINE_LENGTH),
            "committee": committee_of(program),
        },
    )


def commitment_tracker(request: HttpRequest, program_pk: int, commitment_key: uuid.UUID) -> HttpResponse:
    program = tracked_program_or_404(request, program_pk)
    tracker: Tracker = build_tracker(program)
    commitment = tracker.commitment(str(commitment_key))
    if commitment is None:
        raise Http404(_("The adopted version of this program has no such commitment."))
    return render(
        request,
        "monitoring/tracker/commitment.html",
        {"program": program, "tracker": tracker, "commitment": commitment},
    )
