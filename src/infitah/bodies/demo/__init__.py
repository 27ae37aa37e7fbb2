"""Demo data of this app, loaded by `infitah demo` after the territories' demo (as declared).

Marrakech-Safi's three advisory bodies, named as in the article, with their mandate, rules of procedure and
members (a bureau and plain members, women and men, several from associations). One member of the equality body
is a login, body.member@infitah.example. Opinions go through the same services as on the site: the equality body's
opinion on gender-responsive budgeting answered by the council with its reasons; the youth body's recommendation
acknowledged and awaiting the answer; the economic body's opinion left unanswered past its due date. The first two
are about commitments of the region's program (programs' demo runs first), so those commitments' pages show them.
`load()` only adds what is missing: a second call writes nothing.
"""

import datetime

from allauth.account.models import EmailAddress
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from infitah.accounts.models import Association, User
from infitah.bodies.demo import content
from infitah.bodies.models import AdvisoryBody, BodyMember, Opinion
from infitah.bodies.opinions import acknowledge, answer, submit_opinion
from infitah.territories.demo.content import DEMO_ASSOCIATION
from infitah.territories.models import Collectivity

MARRAKECH_SAFI = "07"
FOCAL_POINT = "focal.marrakech-safi@infitah.example"
MEMBER_DESCRIPTION = _lazy("Member (rapporteur) of Marrakech-Safi's equality advisory body")


def _at(text):
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def _ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    """Create the demo rows once; return the (role, e-mail) logins worth printing."""
    from infitah.core.management.commands.demo import DEMO_PASSWORD

    region = Collectivity.objects.filter(code=MARRAKECH_SAFI).first()
    if region is None:
        return []
    focal_point = User.objects.filter(email=FOCAL_POINT).first()
    with transaction.atomic():
        bodies = _advisory_bodies(region)
        member_user = _member_user(DEMO_PASSWORD)
        associations = _associations(region)
        for kind, body in bodies.items():
            _describe(body, kind)
            if not body.members.exists():
                _members(body, kind, associations, member_user)
                _say(stdout, _("%(body)s: members added.") % {"body": body})
        if focal_point is not None:
            _opinions(bodies, focal_point, member_user)
            _link_commitments(bodies)
    return [(str(MEMBER_DESCRIPTION), content.DEMO_MEMBER["email"])]


def _advisory_bodies(region):
    """The region's bodies by kind, the article's three created if missing."""
    present = set(AdvisoryBody.objects.filter(collectivity=region).values_list("kind", flat=True))
    AdvisoryBody.objects.bulk_create(
        AdvisoryBody(collectivity=region, kind=kind, name=name, legal_basis=content.REGION_ADVISORY_BODIES_BASIS)
        for kind, name in content.REGION_ADVISORY_BODIES.items()
        if kind not in present
    )
    return {body.kind: body for body in AdvisoryBody.objects.filter(collectivity=region)}


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def _member_user(password):
    email = content.DEMO_MEMBER["email"]
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, password=password, full_name=content.DEMO_MEMBER["full_name"])
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _associations(region):
    """The demo associations, by index; -1 is the territories' demo association of Marrakech."""
    seats = {c.code: c for c in Collectivity.objects.filter(code__in=["07002", "07007001", "07005001", "07001001"])}
    places = ["07002", "07007001", "07005001"]
    found = {}
    for index, name in enumerate(content.ASSOCIATIONS):
        association = Association.objects.filter(name__ar=name["ar"]).first()
        if association is None:
            association = Association.objects.create(
                name=name, registration_date=datetime.date(2012, 6, 1), seat=seats.get(places[index], region)
            )
        found[index] = association
    found[-1] = Association.objects.filter(name__ar=DEMO_ASSOCIATION["name"]["ar"]).first()
    return found


def _describe(body, kind):
    if body.mandate_start is None:
        body.mandate_start, body.mandate_end = (datetime.date.fromisoformat(day) for day in content.MANDATE)
        body.description = content.DESCRIPTIONS.get(kind, {})
        body.rules_of_procedure = content.RULES_OF_PROCEDURE
        body.save()


def _members(body, kind, associations, member_user):
    joined = datetime.date.fromisoformat(content.MANDATE[0])
    seats = [
        BodyMember(
            body=body,
            full_name=name,
            seat_type=seat_type,
            bureau_role=role,
            gender=gender,
            association=associations.get(association) if association is not None else None,
            joined_on=joined,
        )
        for name, seat_type, role, gender, association in content.MEMBERS.get(kind, [])
    ]
    if kind == "equality":
        seats.append(
            BodyMember(
                body=body,
                user=member_user,
                full_name=content.DEMO_MEMBER["full_name"],
                seat_type=content.DEMO_MEMBER["seat_type"],
                bureau_role=content.DEMO_MEMBER["bureau_role"],
                gender=content.DEMO_MEMBER["gender"],
                association=associations.get(-1),
                joined_on=joined,
            )
        )
    BodyMember.objects.bulk_create(seats)


def _exists(body, story):
    return Opinion.objects.filter(body=body, title__ar=story["title"]["ar"]).exists()


def _presenter(body, role="rapporteur"):
    return body.members.active().filter(bureau_role=role).first()


def _about(body, story):
    """The commitment of the region's public program the story's opinion is about (none without the programs'
    demo)."""
    if body is None or "about" not in story:
        return []
    from infitah.bodies.selectors import choosable_commitments

    return list(choosable_commitments(body).filter(title__fr__startswith=story["about"])[:1])


def _link_commitments(bodies):
    """Opinions told by an earlier demo, before they could name a commitment, get theirs now."""
    for kind, story in (("equality", content.BUDGETING_OPINION), ("youth", content.YOUTH_RECOMMENDATION)):
        body = bodies.get(kind)
        opinion = body and Opinion.objects.filter(body=body, title__ar=story["title"]["ar"]).first()
        if opinion is not None and not opinion.commitments.exists():
            opinion.commitments.add(*_about(body, story))


def _opinions(bodies, focal_point, member_user):
    equality, youth, economic = bodies.get("equality"), bodies.get("youth"), bodies.get("economic")
    story = content.BUDGETING_OPINION
    if equality is not None and not _exists(equality, story):
        opinion = submit_opinion(
            equality,
            by=member_user,
            kind=story["kind"],
            title=story["title"],
            text=story["text"],
            commitments=_about(equality, story),
            now=_at(story["submitted"]),
        )
        acknowledge(opinion, by=focal_point, now=_at(story["acknowledged"]))
        answer(
            opinion,
            by=focal_point,
            response=story["response"],
            council_session=story["session"],
            now=_at(story["answered"]),
        )
    for body, story in ((youth, content.YOUTH_RECOMMENDATION), (economic, content.OVERDUE_OPINION)):
        if body is None or _exists(body, story):
            continue
        # Presented by the body's rapporteur, who has no account: recorded by the region's focal point.
        opinion = submit_opinion(
            body,
            by=focal_point,
            member=_presenter(body),
            kind=story["kind"],
            title=story["title"],
            text=story["text"],
            commitments=_about(body, story),
            now=_ago(story["days_ago"]),
        )
        acknowledge(opinion, by=focal_point, now=_ago(story["acknowledged_days_ago"]))
