"""`infitah demo` shows the article's world: the network founded on 21 October 2022 with 12 regions, 4 provincial
councils and 50 communes, Marrakech-Safi's standings on the charter, and a login for each role. It needs no other
app's demo: it is the world the others build on."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.accounts.models import Association, Role, RoleAssignment, User
from infitah.core.management.commands.demo import DEMO_PASSWORD
from infitah.core.permissions import can
from infitah.territories import demo, selectors
from infitah.territories.models import (
    CharterCommitment,
    CharterSection,
    Collectivity,
    CommitmentStanding,
    Membership,
    Network,
    Partner,
    StandingLevel,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def logins():
    return demo.load()


def test_the_network_counts_twelve_regions_four_provincial_councils_and_fifty_communes(logins):
    assert selectors.member_counts() == {"region": 12, "province": 4, "commune": 50}
    members = Membership.objects.select_related("collectivity")
    assert all(m.is_illustrative and m.joined_on == datetime.date(2022, 10, 21) for m in members)
    assert {m.cohort["fr"] for m in members} == {"2022 — membres fondateurs"}
    assert {"07", "07001001", "06001001", "07007001", "07005001", "07004001"} <= {m.collectivity.code for m in members}


def test_every_member_commune_lies_in_a_member_region_and_all_regions_have_communes(logins):
    communes = Membership.objects.filter(collectivity__kind="commune").select_related("collectivity__parent__parent")
    assert len({m.collectivity.parent.parent.code for m in communes}) == 12


def test_the_network_its_charter_and_its_partners(logins):
    network = Network.objects.get()
    assert network.founded_on == datetime.date(2022, 10, 21)
    assert network.name["ar"] == "الشبكة المغربية للجماعات الترابية المنفتحة"
    assert network.name["fr"] == "Réseau marocain des collectivités territoriales ouvertes"
    assert all(network.description.get(lang) for lang in ("ar", "fr", "en"))
    sections = list(CharterSection.objects.all())
    assert [s.kind for s in sections] == ["preamble", "purpose", "open_collectivity", "aims", "values"]
    assert "شراكة الحكومة المنفتحة" in sections[0].body["ar"]
    commitments = list(CharterCommitment.objects.all())
    assert [c.number for c in commitments] == [1, 2, 3, 4, 5]
    assert all(c.text.get(lang) and c.title.get(lang) for c in commitments for lang in ("ar", "fr", "en"))
    assert list(Partner.objects.values_list("acronym", flat=True)) == ["DGCT", "AMRM", "IMPACT"]
    assert all("2022" in p.role["fr"] for p in Partner.objects.all())


def test_marrakech_safi_has_its_standings(logins):
    region = Collectivity.objects.get(code="07")
    standing = CommitmentStanding.objects.get(membership__collectivity=region, commitment__number=2)
    assert standing.level == StandingLevel.IN_PROGRESS
    assert "11 avril 2023" in standing.note["fr"]
    assert CommitmentStanding.objects.exclude(membership__collectivity=region).exists()


def test_a_second_load_writes_nothing(logins):
    def snapshot():
        models = [Collectivity, Membership, CharterSection, CharterCommitment, CommitmentStanding, Partner]
        models += [User, EmailAddress, RoleAssignment, Association, Network]
        return {model.__name__: model.objects.count() for model in models}

    before = snapshot()
    with CaptureQueriesContext(connection) as queries:
        again = demo.load()
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
    assert snapshot() == before
    assert again == logins


def test_every_demo_login_works_with_the_published_password(client, logins):
    assert len(logins) == 9
    for _role, email in logins:
        response = client.post("/en/accounts/login/", {"login": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert int(client.session["_auth_user_id"]) == User.objects.get(email=email).pk
        client.logout()


def test_the_demo_roles_are_scoped_to_their_collectivities(logins):
    users = {email: User.objects.get(email=email) for _role, email in logins}
    region, safi = Collectivity.objects.get(code="07"), Collectivity.objects.get(code="07007001")
    assert users["admin@infitah.example"].is_superuser
    coordinator = users["coordinator@infitah.example"]
    assert can(coordinator, "territories.manage_network")
    focal_safi = users["focal.safi@infitah.example"]
    assert can(focal_safi, "territories.change_collectivity", safi)
    assert not can(focal_safi, "territories.change_collectivity", region)
    assert can(users["focal.marrakech-safi@infitah.example"], "territories.change_collectivity", region)
    assert not can(users["council.marrakech-safi@infitah.example"], "territories.change_collectivity", region)
    assert not can(users["citizen@infitah.example"], "backoffice.access")
    roles = set(RoleAssignment.objects.filter(collectivity=region).values_list("role", flat=True))
    assert roles == {Role.FOCAL_POINT, Role.EDITOR, Role.INFORMATION_OFFICER, Role.COUNCIL_MEMBER}


def test_the_association_representative_speaks_for_a_verified_association_of_marrakech(logins):
    association = User.objects.get(email="association@infitah.example").associations.get()
    assert association.is_verified and association.verified_by.email == "coordinator@infitah.example"
    assert association.seat.code == "07001001"
