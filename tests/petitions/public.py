"""Petitions at each public stage, made through the services, for the public side's tests (list, statistics,
API, privacy). An association's petition reaches the bureau without collecting signatures, so the later stages
cost a handful of queries; citizens' petitions collect a few signatures with ID numbers the tests know."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from infitah.accounts.models import Role
from infitah.petitions import eligibility_documents, services
from tests.factories import AssociationFactory, RepresentativeFactory
from tests.petitions.factories import MONDAY, drafted, signed

SIGNER_NAMES = ("Yasmine Berrada", "Mehdi Fassi")
SIGNER_IDS = ("JK482913", "BE778104")


def collecting(
    people, collectivity=None, *, title="A shaded square by the market", signatures=0, commune=None, **fields
):
    """A citizens' petition open for signatures, with `signatures` signers from `commune` (default: the petitioned
    commune itself)."""
    collectivity = collectivity or people.commune_a
    petition = drafted(collectivity, people.agent, title=title, **fields)
    petition = services.open_signing(people.agent, petition, today=MONDAY)
    for index in range(signatures):
        signed(petition, people.signer(), f"ZZ{700000 + index}", commune or collectivity)
    return petition


def bureau_of(people, collectivity):
    if collectivity == people.commune_a:
        return people.focal_point
    if collectivity == people.region:
        return people.region_focal_point
    return people.holding(Role.FOCAL_POINT, collectivity)


def deposited(people, collectivity=None, *, on=MONDAY, title="A library in the old town", **fields):
    """An association's petition deposited on `on` (its association constituted in 2015)."""
    collectivity = collectivity or people.commune_a
    agent = people.signer()
    association = AssociationFactory(seat=collectivity, registration_date=datetime.date(2015, 1, 5))
    RepresentativeFactory(association=association, user=agent)
    petition = drafted(collectivity, agent, association=association, title=title, today=on, **fields)
    eligibility_documents.record(
        agent,
        petition,
        files=[SimpleUploadedFile("statuts.txt", b"Statuts de l'association", "text/plain")],
        constituted_on=datetime.date(2015, 1, 5),
        seat_or_branch="Seat in the collectivity",
        related_activity="Reading clubs since 2015.",
        in_good_standing=True,
    )
    return services.deposit(agent, petition, today=on)


def admitted(people, collectivity=None, *, on=MONDAY, ruled=None, **fields):
    petition = deposited(people, collectivity, on=on, **fields)
    return services.rule_admissible(
        bureau_of(people, petition.collectivity), petition, committee="Culture", today=ruled or on
    )


def inadmissible(people, collectivity=None, *, on=MONDAY, ruled=None, **fields):
    petition = deposited(people, collectivity, on=on, **fields)
    return services.rule_inadmissible(
        bureau_of(people, petition.collectivity), petition, reasons="Outside the council's powers.", today=ruled or on
    )


def decided(people, decision, collectivity=None, *, on=MONDAY, ruled=None, decided_on=None, **fields):
    petition = admitted(people, collectivity, on=on, ruled=ruled, **fields)
    return services.record_decision(
        bureau_of(people, petition.collectivity),
        petition,
        decision=decision,
        text="The council decided.",
        today=decided_on or ruled or on,
    )


def day(text):
    return datetime.date.fromisoformat(text)
