"""A program adopted by its council, recorded through programs' own service (as the focal point does)."""

import datetime

from django.utils import timezone

from infitah.programs.adoption import Vote, record_adoption
from infitah.programs.phases import Phase, transition
from infitah.programs.versions import publish_version
from tests.programs.factories import AxisFactory, ProgramFactory

PUBLISHED = timezone.make_aware(datetime.datetime(2023, 7, 3, 9, 0))
VOTED = timezone.make_aware(datetime.datetime(2023, 10, 2, 17, 0))
OCTOBER_SESSION = {"ar": "الدورة العادية لشهر أكتوبر 2023", "fr": "Session ordinaire d'octobre 2023"}


def adopted_program(collectivity, focal_point, *, number="07/2023/115", vote=(58, 0, 3), voted=VOTED):
    program = ProgramFactory(collectivity=collectivity, phase=Phase.DRAFTING)
    AxisFactory(program=program)
    version = publish_version(program, focal_point, at=PUBLISHED)
    transition(program, Phase.PUBLIC_CONSULTATION, focal_point, "consultation", at=PUBLISHED)
    adoption = record_adoption(
        program,
        version,
        by=focal_point,
        session_name=OCTOBER_SESSION,
        adopted_on=voted.date(),
        decision_number=number,
        vote=Vote(*vote),
        at=voted,
    )
    return program, adoption
