"""Demo data of this app, loaded by `infitah demo` after the territories and programs (as declared).

Marrakech-Safi: the closed consultation on version 2 of its program (summer 2023), with a dozen contributions of
the demo people (comments on axes and commitments, two proposals with supports), every one answered. The commune
of Safi: an open consultation on version 1 of its program, which enters the public consultation phase as the
consultation opens, so the demo shows one open.

`load()` writes only what is missing: a consultation already there is left as it is.
"""

import datetime

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import Association, User
from infitah.consultations.demo import content
from infitah.consultations.models import Consultation, Contribution, ContributionKind, Response
from infitah.participation.follows import follow_quietly
from infitah.participation.models import Support
from infitah.participation.targets import target_fields
from infitah.programs.models import Commitment, Program
from infitah.programs.phases import Phase, transition
from infitah.territories.models import Collectivity

MARRAKECH_SAFI = "07"
SAFI = "07007001"


def _at(text):
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    """Create the demo rows once; return the (role, e-mail) logins worth printing."""
    with transaction.atomic():
        people = _people()
        region_program = _program(MARRAKECH_SAFI)
        if region_program is not None and not _existing(region_program, content.REGION_CONSULTATION):
            _region_consultation(region_program, people)
            _say(stdout, _("Marrakech-Safi's public consultation: created, closed, every contribution answered."))
        safi_program = _program(SAFI)
        if _may_consult(safi_program) and not _existing(safi_program, content.SAFI_CONSULTATION):
            _safi_consultation(safi_program, people)
            _say(stdout, _("Safi's public consultation: opened, with two contributions."))
    return []


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def _program(code):
    """The collectivity's demo program: its first, which the programs' demo dates back to 2023."""
    return (
        Program.objects.filter(collectivity__code=code)
        .order_by("created_at", "pk")
        .select_related("collectivity")
        .first()
    )


def _may_consult(program):
    """A program is consulted once public, on a published version, and never once closed."""
    return program is not None and program.is_public and not program.is_closed and program.versions.exists()


def _existing(program, data):
    return Consultation.objects.filter(program=program, title__ar=data["title"]["ar"]).exists()


def _people():
    places = {c.code: c for c in Collectivity.objects.filter(code__in={code for _e, _n, code in content.PEOPLE})}
    for email, full_name, residence in content.PEOPLE:
        if not User.objects.filter(email=email).exists():
            gender, age_band = content.PROFILES.get(email, ("", ""))
            User.objects.create_user(
                email,
                password=None,
                full_name=full_name,
                residence=places.get(residence),
                gender=gender,
                age_band=age_band,
            )
    emails = [person[0] for person in content.PEOPLE] + [content.CITIZEN, content.ASSOCIATION, content.ANSWERED_BY]
    return {user.email: user for user in User.objects.filter(email__in=emails)}


def _association_of(user):
    return Association.objects.filter(representative_links__user=user, is_verified=True).order_by("pk").first()


def _place(snapshot, place):
    """(axis_key, commitment_key) of a place given as (axis index, commitment index or None), or None."""
    if place is None:
        return None, None
    axis = snapshot["axes"][place[0]]
    commitment = axis["commitments"][place[1]]["key"] if place[1] is not None else None
    return axis["key"], commitment


def _contribution(consultation, people, data, created_at):
    author = people.get(data["author"])
    if author is None:
        return None
    axis_key, commitment_key = _place(consultation.version.snapshot, data.get("place"))
    kind = data.get("kind", ContributionKind.COMMENT)
    contribution = Contribution.objects.create(
        consultation=consultation,
        kind=kind,
        author=author,
        association=_association_of(author) if data.get("association") else None,
        axis_key=axis_key,
        commitment_key=commitment_key if kind == ContributionKind.COMMENT else None,
        title=data.get("title", ""),
        body=data["body"],
        problem=data.get("problem", ""),
        expected_results=data.get("expected_results", ""),
        principles=data.get("principles", []),
        contributor_gender=author.gender,
        contributor_age_band=author.age_band,
        created_at=created_at,
    )
    follow_quietly(author, contribution)
    for email in data.get("supporters", []):
        if email in people:
            Support.objects.get_or_create(user=people[email], **target_fields(contribution))
    return contribution


def _region_consultation(program, people):
    data = content.REGION_CONSULTATION
    version = program.versions.get(number=2)
    consultation = Consultation.objects.create(
        program=program,
        version=version,
        title=data["title"],
        description=data["description"],
        rules=data["rules"],
        opens_at=_at(data["opens_at"]),
        closes_at=_at(data["closes_at"]),
        created_by=people.get(content.ANSWERED_BY),
        created_at=_at(data["opens_at"]),
    )
    made = [_contribution(consultation, people, item, _at(item["at"])) for item in content.CONTRIBUTIONS]
    snapshot = version.snapshot
    for item, contribution in zip(content.CONTRIBUTIONS, made, strict=True):
        if contribution is None:
            continue
        outcome, link, reason, answered_at = item["answer"]
        commitment_key, merged_into = None, None
        if link and link[0] == "commitment":
            commitment_key = snapshot["axes"][link[1]]["commitments"][link[2]]["key"]
            # Retained and merged answers name the live draft's commitment, which keeps the snapshot's key.
            commitment_key = (
                Commitment.objects.filter(program=program, key=commitment_key).values_list("key", flat=True).first()
            )
        elif link and link[0] == "contribution":
            merged_into = made[link[1]]
        Response.objects.create(
            contribution=contribution,
            outcome=outcome,
            reason=reason,
            commitment_key=commitment_key,
            merged_into=merged_into,
            answered_by=people.get(content.ANSWERED_BY),
            answered_at=_at(answered_at),
        )
    return consultation


def _safi_consultation(program, people):
    data = content.SAFI_CONSULTATION
    today = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    focal_point = User.objects.filter(email="focal.safi@infitah.example").first()
    opens_at = today - datetime.timedelta(days=data["opened_days_ago"])
    if program.phase != Phase.PUBLIC_CONSULTATION:
        transition(program, Phase.PUBLIC_CONSULTATION, focal_point, data["phase_reason"], at=opens_at)
    consultation = Consultation.objects.create(
        program=program,
        version=program.versions.order_by("-number").first(),
        title=data["title"],
        description=data["description"],
        rules=data["rules"],
        opens_at=opens_at,
        closes_at=today.replace(hour=23, minute=59) + datetime.timedelta(days=data["closes_in_days"]),
        created_by=focal_point,
    )
    for hours, item in enumerate(content.SAFI_CONTRIBUTIONS, 1):
        _contribution(consultation, people, item, consultation.opens_at + datetime.timedelta(hours=5 * hours))
    return consultation
