"""Factories for consultations: a program in public consultation with a published version, its consultation,
contributions and responses."""

import datetime

import factory
from django.utils import timezone

from infitah.consultations.models import Consultation, Contribution, ContributionKind, Response, ResponseOutcome
from infitah.programs.phases import Phase
from infitah.programs.versions import publish_version
from tests.factories import CommuneFactory, UserFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory


def published_program(collectivity=None, phase=Phase.PUBLIC_CONSULTATION, commitments=2):
    """A program with one axis of `commitments` commitments, published as version 1."""
    program = ProgramFactory(collectivity=collectivity or CommuneFactory(), phase=phase)
    axis = AxisFactory(program=program, title={"ar": "الشفافية", "fr": "Transparence"})
    for n in range(commitments):
        CommitmentFactory(axis=axis, title={"ar": f"نشر الميزانية {n}", "fr": f"Publier le budget {n}"})
    publish_version(program, None)
    return program


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    program = factory.LazyFunction(published_program)
    version = factory.LazyAttribute(lambda o: o.program.versions.order_by("-number").first())
    title = factory.Sequence(lambda n: {"ar": f"استشارة عمومية {n}", "fr": f"Consultation publique {n}"})
    description = {"ar": "ما رأيكم في المسودة؟", "fr": "Que pensez-vous du projet ?"}
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))


def snapshot_keys(consultation):
    """(axis key, [commitment keys]) of the consulted version's first axis."""
    axis = consultation.version.snapshot["axes"][0]
    return axis["key"], [c["key"] for c in axis["commitments"]]


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    consultation = factory.SubFactory(ConsultationFactory)
    kind = ContributionKind.COMMENT
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"ملاحظة رقم {n}")


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    contribution = factory.SubFactory(ContributionFactory)
    outcome = ResponseOutcome.NOT_RETAINED
    reason = {"ar": "خارج اختصاص الجماعة", "fr": "Hors des compétences de la collectivité"}
