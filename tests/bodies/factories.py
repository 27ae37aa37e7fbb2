"""Factories for advisory bodies' members and opinions (the body itself: tests.factories.AdvisoryBodyFactory)."""

import factory

from infitah.bodies.models import BodyMember, BureauRole, Opinion, OpinionKind, SeatType
from tests.factories import AdvisoryBodyFactory


class BodyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMember

    body = factory.SubFactory(AdvisoryBodyFactory)
    full_name = factory.Sequence(lambda n: f"عضو رقم {n}")
    seat_type = SeatType.ASSOCIATION
    bureau_role = BureauRole.MEMBER


class OpinionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opinion

    body = factory.SubFactory(AdvisoryBodyFactory)
    kind = OpinionKind.OPINION
    title = factory.Sequence(lambda n: {"ar": f"رأي رقم {n}", "fr": f"Avis n° {n}"})
    text = {"ar": "نص الرأي", "fr": "Texte de l'avis"}
    member = factory.LazyAttribute(lambda o: BodyMemberFactory(body=o.body))
    member_name = factory.LazyAttribute(lambda o: o.member.name if o.member else "")


def body_form(people, **new_member):
    """The body's change form as the browser sends it, with its members and one new member."""
    members = list(people.body.members.order_by("pk"))
    data = {
        "collectivity": people.commune_a.pk,
        "kind": people.body.kind,
        "name_0": people.body.name["ar"],
        "members-TOTAL_FORMS": len(members) + 1,
        "members-INITIAL_FORMS": len(members),
        "members-MIN_NUM_FORMS": 0,
        "members-MAX_NUM_FORMS": 1000,
    }
    for index, member in enumerate(members):
        for field in ("full_name", "seat_type", "bureau_role", "gender", "joined_on"):
            data[f"members-{index}-{field}"] = getattr(member, field)
        data[f"members-{index}-user"] = member.user_id or ""
        data[f"members-{index}-association"] = member.association_id or ""
        data[f"members-{index}-id"] = member.pk
        data[f"members-{index}-body"] = people.body.pk
    new = len(members)
    row = {"seat_type": "association", "bureau_role": "member", "joined_on": "2024-01-01", **new_member}
    for field, value in row.items():
        data[f"members-{new}-{field}"] = value
    data[f"members-{new}-body"] = people.body.pk
    return data
