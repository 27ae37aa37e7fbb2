"""Factories for the foundation's models. Each app's tests may add their own next to them."""

import datetime

import factory

from infitah.accounts.models import Association, Representative, RoleAssignment, User
from infitah.bodies.models import AdvisoryBody, BodyKind
from infitah.territories.models import (
    CharterCommitment,
    Collectivity,
    CollectivityKind,
    Membership,
    Network,
    Partner,
    ProvinceType,
)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collectivity

    kind = CollectivityKind.REGION
    code = factory.Sequence(lambda n: f"R{n:03d}")
    name = factory.Sequence(lambda n: {"ar": f"جهة رقم {n}", "fr": f"Région n° {n}"})
    population = 1_500_000
    census_year = 2014


class ProvinceFactory(RegionFactory):
    kind = CollectivityKind.PROVINCE
    province_type = ProvinceType.PROVINCE
    code = factory.Sequence(lambda n: f"P{n:04d}")
    name = factory.Sequence(lambda n: {"ar": f"إقليم رقم {n}", "fr": f"Province n° {n}"})
    parent = factory.SubFactory(RegionFactory)
    population = 400_000


class CommuneFactory(RegionFactory):
    kind = CollectivityKind.COMMUNE
    code = factory.Sequence(lambda n: f"C{n:05d}")
    name = factory.Sequence(lambda n: {"ar": f"جماعة رقم {n}", "fr": f"Commune n° {n}"})
    parent = factory.SubFactory(ProvinceFactory)
    population = 30_000


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = {
        "ar": "الشبكة المغربية للجماعات الترابية المنفتحة",
        "fr": "Réseau marocain des collectivités territoriales ouvertes",
    }
    founded_on = datetime.date(2022, 10, 21)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    collectivity = factory.SubFactory(CommuneFactory)
    joined_on = datetime.date(2022, 10, 21)
    cohort = {"ar": "2022", "fr": "2022"}


class CharterCommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CharterCommitment

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: {"ar": f"الالتزام {n}", "fr": f"Engagement {n}"})
    text = {"ar": "نص الالتزام", "fr": "Texte de l'engagement"}


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    acronym = factory.Sequence(lambda n: f"P{n}")
    name = {"ar": "شريك", "fr": "Partenaire"}


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.ma")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    collectivity = factory.SubFactory(CommuneFactory)


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Association

    name = factory.Sequence(lambda n: {"ar": f"جمعية {n}", "fr": f"Association {n}"})
    registration_date = datetime.date(2015, 3, 1)
    seat = factory.SubFactory(CommuneFactory)


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative

    association = factory.SubFactory(AssociationFactory)
    user = factory.SubFactory(UserFactory)
    title = "president"


class AdvisoryBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdvisoryBody

    collectivity = factory.SubFactory(RegionFactory)
    kind = BodyKind.YOUTH
    name = {"ar": "الهيئة الاستشارية", "fr": "Instance consultative"}
