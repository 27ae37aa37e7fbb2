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
