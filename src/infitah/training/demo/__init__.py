"""Demo data of training, loaded by `infitah demo` after the territories and the events (as declared); every row
illustrative:

- "Co-creating an openness program", the network's course for staff: a session in person in Rabat and a remote one;
- "Access to information: handling requests under law 31-13", Marrakech-Safi's course for staff;
- "Petitions and citizen participation", Marrakech-Safi's course for associations, whose session is the events
  demo's remote training of February 2023 (reused, not copied).

Staff of several members (the demo logins of Marrakech-Safi and Safi, and illustrative trainees without a login)
and association representatives enrol through the service, attend (attendance marked on the sessions) and most
complete; the organisers confirm the completions, which issues the certificates. `load()` only adds what is missing.
"""

from __future__ import annotations

import datetime

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import Association, Representative, Role, RoleAssignment, User
from infitah.core.principles import Principle
from infitah.events.models import Event, EventFormat, EventKind, Registration, RegistrationStatus
from infitah.territories.models import Collectivity, Membership
from infitah.training import services
from infitah.training.demo import content
from infitah.training.models import Audience, Course, CourseSession

MARRAKECH_SAFI, SAFI = "07", "07007001"
COORDINATOR = "coordinator@infitah.example"
FOCAL_REGION = "focal.marrakech-safi@infitah.example"
STAFF_LOGINS = (FOCAL_REGION, "editor.marrakech-safi@infitah.example", "focal.safi@infitah.example")
ASSOCIATION = "association@infitah.example"
TRAINEES = 6  # illustrative staff of other members, without a login


def _at(text):
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    region = Collectivity.objects.filter(code=MARRAKECH_SAFI).first()
    coordinator = User.objects.filter(email=COORDINATOR).first()
    focal = User.objects.filter(email=FOCAL_REGION).first()
    if region is None or coordinator is None or focal is None:
        return []
    if Course.objects.filter(title__fr=content.CO_CREATION["title"]["fr"]).exists():
        return []
    with transaction.atomic():
        staff = list(User.objects.filter(email__in=STAFF_LOGINS).order_by("pk")) + _trainees()
        representatives = list(User.objects.filter(email=ASSOCIATION)) + _associations()
        network_course = _course(content.CO_CREATION, None, Audience.STAFF, [Principle.CITIZEN_PARTICIPATION])
        rabat = _session(network_course, content.RABAT_SESSION, None, EventFormat.IN_PERSON)
        remote = _session(network_course, content.REMOTE_SESSION, None, EventFormat.ONLINE)
        _take_part(network_course, staff, {rabat: staff, remote: staff[:-2]})
        services.confirm_completions(coordinator, network_course)

        law_course = _course(content.LAW_31_13, region, Audience.STAFF, [Principle.ACCESS_TO_INFORMATION])
        law_session = _session(law_course, content.LAW_SESSION, region, EventFormat.HYBRID)
        _take_part(law_course, staff[:4], {law_session: staff[:3]})
        services.confirm_completions(focal, law_course)

        petitions_course = _course(content.PETITIONS, region, Audience.ASSOCIATIONS, [Principle.CITIZEN_PARTICIPATION])
        february = Event.objects.filter(collectivity=region, kind=EventKind.TRAINING).order_by("starts_at").first()
        if february is not None:
            CourseSession.objects.create(course=petitions_course, event=february)
            _take_part(petitions_course, representatives, {february: representatives})
            services.confirm_completions(focal, petitions_course)
    if stdout is not None:
        stdout.write(_("Training: three courses with sessions, attendance and certificates (illustrative)."))
    return []


def _members(limit):
    return list(
        Membership.objects.current()
        .exclude(collectivity__code__in=(MARRAKECH_SAFI, SAFI))
        .order_by("collectivity__code")
        .values_list("collectivity", flat=True)[:limit]
    )


def _trainees():
    people = []
    for number, collectivity_id in enumerate(_members(TRAINEES), 1):
        email = f"trainee{number}@infitah.example"
        user = User.objects.filter(email=email).first()
        if user is None:
            # Not a login: no usable password.
            user = User.objects.create_user(email, password=None, full_name=content.TRAINEE_NAMES[number - 1])
        RoleAssignment.objects.get_or_create(user=user, role=Role.EDITOR, collectivity_id=collectivity_id)
        people.append(user)
    return people


def _associations():
    people = []
    for number, collectivity_id in enumerate(_members(2 * len(content.ASSOCIATIONS))[::2], 1):
        data = content.ASSOCIATIONS[number - 1]
        email = f"association{number + 1}@infitah.example"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, password=None, full_name=data["representative"])
            association = Association.objects.create(
                name=data["name"], registration_date=datetime.date(2016, 5, 10), seat_id=collectivity_id
            )
            Representative.objects.create(association=association, user=user, title="president")
        people.append(user)
    return people


def _course(data, organiser, audience, principles):
    return Course.objects.create(
        collectivity=organiser,
        title=data["title"],
        description=data["description"],
        audience=audience,
        principles=[str(principle) for principle in principles],
        is_published=True,
        created_at=_at(data["created"]),
    )


def _session(course, data, organiser, event_format):
    event = Event.objects.create(
        collectivity=organiser,
        kind=EventKind.TRAINING,
        format=event_format,
        title=data["title"],
        description=data.get("description", {}),
        place=data.get("place", {}),
        online_url=data.get("online_url", ""),
        starts_at=_at(data["starts"]),
        ends_at=_at(data["ends"]),
        is_published=True,
        created_at=_at(data["starts"]) - datetime.timedelta(days=30),
    )
    CourseSession.objects.create(course=course, event=event)
    return event


def _take_part(course, people, attendance):
    """Enrol the people through the service, register them to every session and mark who came."""
    enrolled = []
    for person in people:
        try:
            services.enrol(person, course)
        except services.TrainingRefused:
            continue  # not of the course's audience in this data set (e.g. a collectivity that is not a member)
        enrolled.append(person)
    for event, present in attendance.items():
        for person in enrolled:
            Registration.objects.get_or_create(
                event=event,
                user=person,
                defaults={
                    "status": RegistrationStatus.CONFIRMED,
                    "category": "staff" if course.audience == Audience.STAFF else "association",
                    "attended": person in present,
                },
            )
