"""The demo world of the seed article: the network founded on 21 October 2022, its charter and partners, its
12 regions, 4 provincial councils and 50 communes, and a login for each role. Marrakech-Safi's advisory bodies are
the bodies app's demo.

Which collectivities are members is illustrative (the article gives only the counts and Marrakech-Safi), so every
membership says so. `load()` only adds what is missing: a second call writes nothing.
"""

import datetime
from pathlib import Path
from typing import NamedTuple

from allauth.account.models import EmailAddress
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_stubs_ext import StrOrPromise

from infitah.accounts.models import Association, Representative, Role, RoleAssignment, User
from infitah.core.management.commands.demo import DEMO_PASSWORD
from infitah.territories.demo import charter, content
from infitah.territories.importing import Counts
from infitah.territories.loading import check_file, save
from infitah.territories.models import (
    CharterCommitment,
    CharterSection,
    Collectivity,
    CommitmentStanding,
    Membership,
    Network,
    Partner,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FOUNDED_ON = datetime.date(2022, 10, 21)
COHORT = {
    "ar": "2022 — الأعضاء المؤسسون",
    "fr": "2022 — membres fondateurs",
    "en": "2022 — founding members",
}
MARRAKECH_SAFI = "07"
ASSESSED_ON = datetime.date(2023, 4, 11)

REGIONS = [f"{number:02d}" for number in range(1, 13)]
# The four provincial councils (codes from data/provinces.csv).
PROVINCES = {"01007": "Chefchaouen", "05005": "Khouribga", "07002": "Al Haouz", "09005": "Tiznit"}
# Fifty communes over the twelve regions (codes from data/communes.csv).
COMMUNES = {
    "01001001": "Tanger",
    "01003001": "Tétouan",
    "01005001": "Larache",
    "01006001": "Al Hoceïma",
    "01007001": "Chefchaouen",
    "02001001": "Oujda",
    "02002001": "Nador",
    "02005001": "Berkane",
    "02008001": "Figuig",
    "03001001": "Fès",
    "03002001": "Meknès",
    "03004001": "Ifrane",
    "03009001": "Taza",
    "04001001": "Rabat",
    "04002001": "Salé",
    "04003001": "Témara",
    "04004001": "Kénitra",
    "04005001": "Khémisset",
    "05001001": "Béni Mellal",
    "05002001": "Azilal",
    "05004001": "Khénifra",
    "05005001": "Khouribga",
    "06001001": "Casablanca",
    "06002001": "Mohammédia",
    "06003001": "El Jadida",
    "06007001": "Berrechid",
    "06008001": "Settat",
    "07001001": "Marrakech",
    "07002001": "Tahannaout",
    "07003001": "Chichaoua",
    "07004001": "El Kelâa des Sraghna",
    "07005001": "Essaouira",
    "07006001": "Ben Guerir",
    "07007001": "Safi",
    "07008001": "Youssoufia",
    "08001001": "Errachidia",
    "08002001": "Ouarzazate",
    "08004001": "Tinghir",
    "08005001": "Zagora",
    "09001001": "Agadir",
    "09002001": "Inezgane",
    "09004001": "Taroudant",
    "09005001": "Tiznit",
    "10001001": "Guelmim",
    "10003001": "Tan-Tan",
    "10004001": "Sidi Ifni",
    "11001001": "Laâyoune",
    "11004001": "Es-Semara",
    "12001001": "Dakhla",
    "12002002": "Bir Gandouz",
}
MARRAKECH = "07001001"
SAFI = "07007001"
# A few other standings, so the network's pages show more than one member assessed.
OTHER_STANDINGS = [(MARRAKECH, 1, "in_progress"), (SAFI, 2, "not_started"), ("01007", 2, "not_started")]


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    """Create whatever of the demo world is missing; return [(role description, e-mail)] of the demo logins."""
    with transaction.atomic():
        for name in ("provinces.csv", "communes.csv"):
            counts = import_collectivities(DATA_DIR / name)
            if stdout is not None:
                stdout.write(
                    _("%(file)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
                    % {"file": name, **vars(counts)}
                )
        places = {c.code: c for c in Collectivity.objects.filter(code__in=[*REGIONS, *PROVINCES, *COMMUNES])}
        _network()
        _charter()
        _partners()
        _memberships(places)
        _standings(places)
        return _people(places, DEMO_PASSWORD)


def import_collectivities(path: Path) -> Counts:
    checked = check_file(path.read_bytes())
    if not checked.ok:
        raise ValueError(f"{path.name}: " + "; ".join(str(problem) for problem in checked.problems))
    return save(checked.rows)


def _network():
    if not Network.objects.exists():
        Network.objects.create(
            name=content.NETWORK_NAME, description=content.NETWORK_DESCRIPTION, founded_on=FOUNDED_ON
        )


def _charter():
    present = set(CharterSection.objects.values_list("kind", flat=True))
    CharterSection.objects.bulk_create(
        CharterSection(kind=kind, order=order, body=body)
        for order, (kind, body) in enumerate(charter.CHARTER_SECTIONS, start=1)
        if kind not in present
    )
    numbered = set(CharterCommitment.objects.values_list("number", flat=True))
    CharterCommitment.objects.bulk_create(
        CharterCommitment(number=number, title=title, text=text)
        for number, (title, text) in charter.CHARTER_COMMITMENTS.items()
        if number not in numbered
    )


def _partners():
    present = set(Partner.objects.values_list("acronym", flat=True))
    Partner.objects.bulk_create(
        Partner(acronym=acronym, name=name, role=role, order=order)
        for order, (acronym, (name, role)) in enumerate(content.PARTNERS.items(), start=1)
        if acronym not in present
    )


def _memberships(places):
    members = set(
        Membership.objects.filter(collectivity__in=places.values()).values_list("collectivity__code", flat=True)
    )
    Membership.objects.bulk_create(
        Membership(collectivity=places[code], joined_on=FOUNDED_ON, cohort=COHORT, is_illustrative=True)
        for code in [*REGIONS, *PROVINCES, *COMMUNES]
        if code not in members
    )


def _standings(places):
    wanted = [
        (MARRAKECH_SAFI, number, level, note) for number, (level, note) in content.MARRAKECH_SAFI_STANDINGS.items()
    ] + [(code, number, level, {}) for code, number, level in OTHER_STANDINGS]
    memberships = {m.collectivity_id: m for m in Membership.objects.filter(collectivity__in=places.values())}
    commitments = {c.number: c for c in CharterCommitment.objects.all()}
    present = set(
        CommitmentStanding.objects.filter(membership__in=memberships.values()).values_list(
            "membership_id", "commitment__number"
        )
    )
    CommitmentStanding.objects.bulk_create(
        CommitmentStanding(
            membership=memberships[places[code].pk],
            commitment=commitments[number],
            level=level,
            note=note,
            assessed_on=ASSESSED_ON,
        )
        for code, number, level, note in wanted
        if (memberships[places[code].pk].pk, number) not in present
    )


class Person(NamedTuple):
    email: str
    full_name: str
    description: StrOrPromise  # a lazy translation, read in the language of the moment
    role: str = ""
    place: str = ""  # the code of the collectivity where the role is held
    superuser: bool = False
    lives_in: str = ""  # the code of the collectivity of residence, for the profile


PEOPLE = [
    Person("admin@infitah.example", "Nadia Amrani", _lazy("Platform administrator"), superuser=True),
    Person("coordinator@infitah.example", "Youssef Chraibi", _lazy("Network coordinator"), Role.NETWORK_COORDINATOR),
    Person(
        "focal.marrakech-safi@infitah.example",
        "Salma Bennani",
        _lazy("Focal point, Marrakech-Safi region"),
        Role.FOCAL_POINT,
        MARRAKECH_SAFI,
    ),
    Person(
        "editor.marrakech-safi@infitah.example",
        "Karim El Idrissi",
        _lazy("Editor, Marrakech-Safi region"),
        Role.EDITOR,
        MARRAKECH_SAFI,
    ),
    Person(
        "information.marrakech-safi@infitah.example",
        "Hind Alaoui",
        _lazy("Information officer, Marrakech-Safi region"),
        Role.INFORMATION_OFFICER,
        MARRAKECH_SAFI,
    ),
    Person(
        "council.marrakech-safi@infitah.example",
        "Rachid Ouazzani",
        _lazy("Council member, Marrakech-Safi region"),
        Role.COUNCIL_MEMBER,
        MARRAKECH_SAFI,
    ),
    Person(
        "focal.safi@infitah.example",
        "Fatima Zahra Berrada",
        _lazy("Focal point, commune of Safi"),
        Role.FOCAL_POINT,
        SAFI,
    ),
    Person(
        "association@infitah.example",
        "Omar Tazi",
        _lazy("Association representative, Marrakech"),
        lives_in=MARRAKECH,
    ),
    Person("citizen@infitah.example", "Amina Lahlou", _lazy("Citizen living in Marrakech"), lives_in=MARRAKECH),
]
ASSOCIATION_REPRESENTATIVE = "association@infitah.example"


def _people(places, password):
    users = {}
    for person in PEOPLE:
        user = users[person.email] = _user(person, password, residence=places.get(person.lives_in))
        if person.role:
            place = places[person.place] if person.place else None
            RoleAssignment.objects.get_or_create(user=user, role=person.role, collectivity=place)
    _association(users[ASSOCIATION_REPRESENTATIVE], places[MARRAKECH], verified_by=users["coordinator@infitah.example"])
    return [(str(person.description), person.email) for person in PEOPLE]


def _user(person, password, residence):
    user = User.objects.filter(email=person.email).first()
    if user is None:
        create = User.objects.create_superuser if person.superuser else User.objects.create_user
        user = create(person.email, password=password, full_name=person.full_name, residence=residence)
    # Verified up front: the platform requires a verified e-mail address before the first login.
    EmailAddress.objects.get_or_create(user=user, email=person.email, defaults={"verified": True, "primary": True})
    return user


def _association(representative, seat, verified_by):
    if Representative.objects.filter(user=representative).exists():
        return
    association = Association.objects.create(
        name=content.DEMO_ASSOCIATION["name"],
        description=content.DEMO_ASSOCIATION["description"],
        registration_date=datetime.date(2015, 3, 2),
        seat=seat,
    )
    association.verify(by=verified_by)
    Representative.objects.create(association=association, user=representative, title="president")
