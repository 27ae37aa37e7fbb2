"""Demo data of this app, loaded by `infitah demo` after the territories, programs and bodies (as declared).

Marrakech-Safi's events of 2023 as the article tells them: the workshop of Tuesday 11 April at the region's seat
with its agenda (Arabic and French), findings linked to the program's axes and commitments, and published minutes;
the January communication meeting; the February remote training with a material, attendance and certificates;
a meeting of the equality body with its quorum; and a workshop in 2027 open for registration. Participants have
genders and age bands so the attendance statistics show. `load()` only adds what is missing.
"""

import datetime

from django.core.files.base import ContentFile
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import User
from infitah.bodies.models import AdvisoryBody
from infitah.bodies.selectors import quorum_of
from infitah.events.demo import content
from infitah.events.models import (
    AgendaItem,
    Event,
    EventFormat,
    EventKind,
    Finding,
    MinutesStatus,
    Registration,
    RegistrationStatus,
    TrainingMaterial,
)
from infitah.programs.models import Program
from infitah.programs.phases import Phase
from infitah.territories.models import Collectivity

MARRAKECH_SAFI = "07"
CITIZEN = "citizen@infitah.example"
ASSOCIATION = "association@infitah.example"


def _at(text):
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def _time(text):
    return datetime.time.fromisoformat(text) if text else None


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    """Create the demo rows once; return the (role, e-mail) logins worth printing."""
    region = Collectivity.objects.filter(code=MARRAKECH_SAFI).first()
    if region is None:
        return []
    if Event.objects.filter(collectivity=region, title__ar=content.WORKSHOP["title"]["ar"]).exists():
        return []
    program = Program.objects.filter(collectivity=region).order_by("created_at", "pk").first()
    with transaction.atomic():
        people = _participants()
        _workshop(region, program, people)
        _communication(region, people)
        _training(region, people)
        _body_meeting(region)
        _upcoming(region, people)
    _say(stdout, _("Marrakech-Safi's events: the 2023 workshop, meeting and training, and an upcoming workshop."))
    return []


def _participants():
    people = []
    for number, (name, gender, age_band, category) in enumerate(content.PARTICIPANTS, 1):
        email = f"participant{number}@infitah.example"
        user = User.objects.filter(email=email).first()
        if user is None:
            # Not a login: no usable password.
            user = User.objects.create_user(email, password=None, full_name=name, gender=gender, age_band=age_band)
        people.append((user, category))
    for email, category in ((CITIZEN, "citizen"), (ASSOCIATION, "association")):
        user = User.objects.filter(email=email).first()
        if user is not None:
            people.append((user, category))
    return people


def _register_all(event, people, *, attended=None, status=RegistrationStatus.CONFIRMED):
    Registration.objects.bulk_create(
        Registration(
            event=event,
            user=user,
            status=status,
            category=category,
            gender=user.gender,
            age_band=user.age_band,
            attended=attended,
            created_at=event.starts_at - datetime.timedelta(days=7, minutes=index),
            status_changed_at=event.starts_at - datetime.timedelta(days=7),
        )
        for index, (user, category) in enumerate(people)
    )


def _event_from(data, **fields):
    """An event of the story: its texts and hours from the content module, the rest as given."""
    texts = {"title": data["title"], "starts_at": _at(data["starts"]), "ends_at": _at(data["ends"])}
    if "description" in data:
        texts["description"] = data["description"]
    return Event.objects.create(**texts, is_published=True, **fields)


def _workshop(region, program, people):
    data = content.WORKSHOP
    event = _event_from(
        data,
        collectivity=region,
        kind=EventKind.WORKSHOP,
        format=EventFormat.IN_PERSON,
        place=content.PLACE,
        program=program,
        phase=Phase.CO_CREATION if program else "",
        capacity=60,
        minutes=data["minutes"],
        minutes_status=MinutesStatus.PUBLISHED,
        created_at=_at("2023-03-20T09:00"),
    )
    axes = list(program.axes.order_by("order", "pk")) if program else []
    for order, (start, end, title, speakers, children) in enumerate(content.WORKSHOP_AGENDA, 1):
        item = AgendaItem.objects.create(
            event=event, order=order, starts_at=_time(start), ends_at=_time(end), title=title, speakers=speakers
        )
        if children == "axes":
            for number, axis in enumerate(axes, 1):
                AgendaItem.objects.create(
                    event=event,
                    parent=item,
                    order=number,
                    starts_at=_time("11:30"),
                    title={
                        "ar": f"الورشة {number}: {axis.title.get('ar', '')}",
                        "fr": f"Groupe {number} : {axis.title.get('fr', '')}",
                    },
                    is_parallel=True,
                )
        else:
            for number, (child_title, child_speakers) in enumerate(children, 1):
                AgendaItem.objects.create(
                    event=event, parent=item, order=number, title=child_title, speakers=child_speakers
                )
    for order, text in enumerate(content.WORKSHOP_FINDINGS, 1):
        finding = Finding.objects.create(event=event, order=order, text=text)
        if order <= len(axes):
            axis = axes[order - 1]
            finding.axes.add(axis)
            first = axis.commitments.order_by("order", "pk").first()
            if first is not None:
                finding.commitments.add(first)
    _register_all(event, people, attended=True)
    # One person registered but did not come: the statistics count only who was there.
    Registration.objects.filter(event=event, user__email__in=["participant6@infitah.example"]).update(attended=False)


def _communication(region, people):
    data = content.COMMUNICATION
    event = _event_from(
        data,
        collectivity=region,
        kind=EventKind.COMMUNICATION,
        format=EventFormat.IN_PERSON,
        place=content.PLACE,
        created_at=_at("2023-01-10T09:00"),
    )
    _register_all(event, people[:6], attended=True)


def _training(region, people):
    data = content.TRAINING
    event = _event_from(
        data,
        collectivity=region,
        kind=EventKind.TRAINING,
        format=EventFormat.ONLINE,
        online_url=data["online_url"],
        capacity=30,
        created_at=_at("2023-02-01T09:00"),
    )
    material = TrainingMaterial(event=event, title=data["material_title"], original_name="guide-participant.txt")
    material.file.save("guide-participant.txt", ContentFile(data["material_text"].encode()), save=False)
    material.save()
    _register_all(event, people, attended=True)
    Registration.objects.filter(event=event, user__email="participant2@infitah.example").update(attended=False)


def _body_meeting(region):
    body = AdvisoryBody.objects.filter(collectivity=region, kind="equality").first()
    if body is None:
        return
    data = content.BODY_MEETING
    _event_from(
        data,
        collectivity=region,
        kind=EventKind.BODY_MEETING,
        format=EventFormat.IN_PERSON,
        place=content.PLACE,
        advisory_body=body,
        quorum_required=quorum_of(body),
        members_present=min(data["members_present"], body.members.active().count()),
        created_at=_at("2023-02-20T09:00"),
    )


def _upcoming(region, people):
    data = content.UPCOMING
    event = _event_from(
        data,
        collectivity=region,
        kind=EventKind.WORKSHOP,
        format=EventFormat.HYBRID,
        place=content.PLACE,
        online_url="https://visio.infitah.example/evaluation-2027",
        capacity=data["capacity"],
        registration_closes_at=_at(data["closes"]),
    )
    AgendaItem.objects.create(
        event=event, order=1, starts_at=_time("10:00"), ends_at=_time("10:30"), title=content.WORKSHOP_AGENDA[0][2]
    )
    AgendaItem.objects.create(
        event=event,
        order=2,
        starts_at=_time("10:30"),
        ends_at=_time("12:30"),
        title={"ar": "تقييم تقدم الالتزامات", "fr": "Évaluation de l'avancement des engagements"},
    )
    AgendaItem.objects.create(
        event=event, order=3, starts_at=_time("12:30"), ends_at=_time("13:00"), title=content.WORKSHOP_AGENDA[-1][2]
    )
    # A few seats already taken by the demo participants (not the demo logins, who can still register).
    _register_all(event, [(user, category) for user, category in people[:5]])
