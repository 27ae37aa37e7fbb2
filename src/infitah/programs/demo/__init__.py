"""The demo programs: Marrakech-Safi's openness program told as in the seed article, and a commune's program that
reuses one of its commitments.

Marrakech-Safi: prepared from January 2023; co-creation opened at the workshop of 11 April 2023, where the initial
axes were presented (version 1); a draft with commitments and milestones (version 2) went to public consultation
in summer 2023; the council adopted version 2 in its October 2023 session; implementation started in January 2024.
Every phase change, publication and the adoption go through the same functions as the staff's actions, with the
story's dates. The commune of Safi drafts its own program with a commitment adapted from the region's.

`load()` writes only what is missing: a program already there is left as it is.
"""

import datetime
from decimal import Decimal

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import Association, User
from infitah.programs.adoption import Vote, record_adoption
from infitah.programs.demo import content
from infitah.programs.models import Axis, Commitment, Milestone, PhaseDates, Program
from infitah.programs.phases import Phase, transition
from infitah.programs.reuse import copy_commitment
from infitah.programs.versions import publish_version
from infitah.territories.models import Collectivity

MARRAKECH_SAFI = "07"
SAFI = "07007001"
REGION_FOCAL_POINT = "focal.marrakech-safi@infitah.example"
SAFI_FOCAL_POINT = "focal.safi@infitah.example"


def _at(text):
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def _day(text):
    return datetime.date.fromisoformat(text)


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    """Create the demo programs once; they add no login to print."""
    places = {c.code: c for c in Collectivity.objects.filter(code__in=[MARRAKECH_SAFI, SAFI])}
    if MARRAKECH_SAFI not in places:
        return []
    people = {u.email: u for u in User.objects.filter(email__in=[REGION_FOCAL_POINT, SAFI_FOCAL_POINT])}
    with transaction.atomic():
        region_program = _existing(places[MARRAKECH_SAFI], content.REGION_PROGRAM["title"])
        if region_program is None:
            region_program = _region_program(places[MARRAKECH_SAFI], people.get(REGION_FOCAL_POINT))
            _say(stdout, _("Marrakech-Safi's openness program: created with its versions, phases and adoption."))
        if SAFI in places and _existing(places[SAFI], content.COMMUNE_PROGRAM["title"]) is None:
            _commune_program(places[SAFI], people.get(SAFI_FOCAL_POINT), region_program)
            _say(stdout, _("Safi's openness program: created, with a commitment adapted from Marrakech-Safi's."))
    return []


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def _existing(collectivity, title):
    return Program.objects.filter(collectivity=collectivity, title__ar=title["ar"]).first()


def _region_program(region, focal_point):
    story = content.REGION_STORY
    program = Program.objects.create(
        collectivity=region,
        title=content.REGION_PROGRAM["title"],
        summary=content.REGION_PROGRAM["summary"],
        created_at=_at(story["created"]),
    )
    PhaseDates.objects.bulk_create(
        PhaseDates(program=program, phase=phase, planned_start=_day(start), planned_end=_day(end))
        for phase, start, end in content.REGION_PLANNED
    )
    axes = [Axis.objects.create(program=program, order=n, title=title) for n, title in enumerate(content.AXES_V1, 1)]

    _move(program, Phase.CO_CREATION, focal_point, story["co_creation"])
    _publish(program, focal_point, story["version_1"])
    _move(program, Phase.DRAFTING, focal_point, story["drafting"])

    axes[1].title = content.AXIS_2_V2
    axes[1].save(update_fields=["title"])
    # The demo association of Marrakech (territories' demo) co-owns the participation commitments.
    partners = list(Association.objects.filter(is_verified=True, seat__parent__parent=region).order_by("pk")[:1])
    for axis, commitments in zip(axes, content.COMMITMENTS, strict=True):
        for order, data in enumerate(commitments, 1):
            _commitment(axis, order, data, partners)

    _publish(program, focal_point, story["version_2"])
    _move(program, Phase.PUBLIC_CONSULTATION, focal_point, story["public_consultation"])
    _move(program, Phase.ADOPTION, focal_point, story["adoption"])
    adoption = content.ADOPTION
    record_adoption(
        program,
        program.versions.get(number=2),
        by=focal_point,
        session_name=adoption["session_name"],
        adopted_on=_at(adoption["at"]).date(),
        decision_number=adoption["decision_number"],
        vote=Vote(*adoption["votes"]),
        start_implementation=False,
        at=_at(adoption["at"]),
    )
    _move(program, Phase.IMPLEMENTATION, focal_point, story["implementation"])
    return program


def _commitment(axis, order, data, partners):
    start, end = data["dates"]
    commitment = Commitment(
        axis=axis,
        order=order,
        title=data["title"],
        problem=data.get("problem", {}),
        description=data.get("description", {}),
        principles=data["principles"],
        start_date=_day(start),
        end_date=_day(end),
        lead_unit=data.get("lead_unit", {}),
        budget_estimate=Decimal(data["budget"]) if data.get("budget") else None,
    )
    commitment.full_clean()
    commitment.save()
    if data.get("associations") and partners:
        commitment.associations.set(partners)
    for position, (due, title, deliverable) in enumerate(data["milestones"], 1):
        milestone = Milestone(
            commitment=commitment, order=position, title=title, due_date=_day(due), deliverable=deliverable
        )
        milestone.full_clean()
        milestone.save()
    return commitment


def _move(program, phase, by, step):
    at, reason = step
    transition(program, phase, by, reason, at=_at(at))


def _publish(program, by, step):
    at, note = step
    return publish_version(program, by, note=note, at=_at(at))


def _commune_program(commune, focal_point, region_program):
    data = content.COMMUNE_PROGRAM
    program = Program.objects.create(
        collectivity=commune, title=data["title"], summary=data["summary"], created_at=_at(data["created"])
    )
    axis = Axis.objects.create(program=program, order=1, title=data["axis"])
    _move(program, Phase.CO_CREATION, focal_point, data["co_creation"])
    source = Commitment.objects.select_related("program__collectivity").get(
        program=region_program, title__ar=content.COMMITMENTS[0][0]["title"]["ar"]
    )
    copy = copy_commitment(source, axis)
    copy.lead_unit = data["lead_unit"]
    copy.save()
    _publish(program, focal_point, data["version_1"])
    _move(program, Phase.DRAFTING, focal_point, data["drafting"])
    return program
