"""The back office is scoped like the public rules: the focal point of commune A works on A and nothing else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.accounts.models import Association, Role, RoleAssignment
from tests.factories import (
    AdvisoryBodyFactory,
    AssociationFactory,
    CommuneFactory,
    RepresentativeFactory,
    RoleAssignmentFactory,
    UserFactory,
)
from tests.refusals import GENERAL_FR, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune_a():
    return CommuneFactory(name={"ar": "جماعة ألف", "fr": "Commune A"}, population=30_000, census_year=2014)


@pytest.fixture
def commune_b():
    return CommuneFactory(name={"ar": "جماعة باء", "fr": "Commune B"}, population=50_000, census_year=2014)


def change_url(obj):
    return f"/fr/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def collectivity_form(collectivity, **changes):
    """The collectivity change form as the focal point's browser would send it."""
    data = {
        "name_0": collectivity.name.get("ar", ""),
        "name_1": collectivity.name.get("fr", ""),
        "name_2": "",
        "name_3": "",
        "population": collectivity.population or "",
        "census_year": collectivity.census_year or "",
        "_save": "Save",
    }
    data.update(changes)
    return data


def test_the_collectivity_list_shows_only_their_own_commune(client, focal_point, commune_a, commune_b):
    response = client.get("/fr/admin/territories/collectivity/")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [commune_a]


@pytest.mark.parametrize("what", ["collectivity", "advisory body", "association"])
def test_another_communes_back_office_pages_do_not_open(client, focal_point, commune_a, commune_b, what):
    objects = {
        "collectivity": lambda c: c,
        "advisory body": lambda c: AdvisoryBodyFactory(collectivity=c),
        "association": lambda c: AssociationFactory(seat=c),
    }[what]
    own, other = objects(commune_a), objects(commune_b)

    assert client.get(change_url(own)).status_code == 200
    response = client.get(change_url(other))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/fr/admin/"


def test_a_forged_change_to_another_commune_is_refused_and_changes_nothing(client, focal_point, commune_a, commune_b):
    response = client.post(change_url(commune_b), collectivity_form(commune_b, name_1="Renamed by A"))
    assert response.status_code in (302, 403)
    commune_b.refresh_from_db()
    assert commune_b.name["fr"] == "Commune B"

    # The same form on their own commune goes through, so the refusal above is about scope, not the form.
    response = client.post(change_url(commune_a), collectivity_form(commune_a, name_1="Commune A (updated)"))
    assert response.status_code == 302
    commune_a.refresh_from_db()
    assert commune_a.name["fr"] == "Commune A (updated)"


def test_their_own_commune_keeps_its_code_and_place_whatever_they_post(client, focal_point, commune_a, commune_b):
    client.post(change_url(commune_a), collectivity_form(commune_a, code="HACK", kind="region", parent=commune_b.pk))
    commune_a.refresh_from_db()
    assert commune_a.code != "HACK"
    assert commune_a.kind == "commune"
    assert commune_a.parent_id != commune_b.pk


def test_they_can_grant_a_working_role_in_their_own_commune(client, focal_point, commune_a):
    # A colleague already linked to the commune (here: they represent an association seated there).
    colleague = RepresentativeFactory(association=AssociationFactory(seat=commune_a)).user
    response = client.post(
        "/fr/admin/accounts/roleassignment/add/",
        {"user": colleague.pk, "role": Role.EDITOR, "collectivity": commune_a.pk, "_save": "Save"},
    )
    assert response.status_code == 302
    granted = RoleAssignment.objects.get(user=colleague)
    assert (granted.role, granted.collectivity, granted.granted_by) == (Role.EDITOR, commune_a, focal_point)


@pytest.mark.parametrize(
    ("who", "role", "where"),
    [
        ("themselves", Role.NETWORK_COORDINATOR, None),
        ("a colleague", Role.NETWORK_COORDINATOR, None),
        ("themselves", Role.EDITOR, "B"),
        ("a colleague", Role.FOCAL_POINT, "B"),
        ("a colleague", Role.FOCAL_POINT, "A"),
    ],
)
def test_a_forged_role_grant_is_refused(client, focal_point, commune_a, commune_b, who, role, where):
    grantee = focal_point if who == "themselves" else UserFactory()
    collectivity = {"A": commune_a, "B": commune_b, None: None}[where]
    before = set(RoleAssignment.objects.values_list("pk", flat=True))

    response = client.post(
        "/fr/admin/accounts/roleassignment/add/",
        {"user": grantee.pk, "role": role, "collectivity": collectivity.pk if collectivity else "", "_save": "Save"},
    )

    assert response.status_code in (200, 403)
    if response.status_code == 200:
        assert response.context["adminform"].form.errors
    assert set(RoleAssignment.objects.values_list("pk", flat=True)) == before


def test_a_focal_point_cannot_move_a_role_they_granted_to_another_commune(client, focal_point, commune_a, commune_b):
    editor = RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune_a, granted_by=focal_point)
    client.post(
        change_url(editor),
        {"user": editor.user_id, "role": Role.EDITOR, "collectivity": commune_b.pk, "_save": "Save"},
    )
    editor.refresh_from_db()
    assert editor.collectivity == commune_a


def test_roles_held_in_another_commune_are_out_of_sight(client, focal_point, commune_a, commune_b):
    other_editor = RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune_b)
    response = client.get("/fr/admin/accounts/roleassignment/")
    assert other_editor not in response.context["cl"].result_list
    assert client.get(change_url(other_editor)).status_code in (302, 403)


@pytest.mark.parametrize("role", [Role.EDITOR, Role.INFORMATION_OFFICER])
def test_other_staff_cannot_grant_roles_at_all(client, commune_a, role):
    client.force_login(RoleAssignmentFactory(role=role, collectivity=commune_a).user)
    refused(client.get("/fr/admin/accounts/roleassignment/add/"), GENERAL_FR)


def test_accounts_are_for_platform_administrators_only(client, focal_point):
    refused(client.get("/fr/admin/accounts/user/"), GENERAL_FR)


@pytest.mark.parametrize("who", ["citizen", "council member"])
def test_people_without_a_staff_role_do_not_enter_the_back_office(client, commune_a, who):
    user = (
        UserFactory()
        if who == "citizen"
        else RoleAssignmentFactory(role=Role.COUNCIL_MEMBER, collectivity=commune_a).user
    )
    client.force_login(user)
    response = client.get("/fr/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/admin/login/")


def test_verifying_associations_reaches_only_their_own_communes(client, focal_point, commune_a, commune_b):
    own, other = AssociationFactory(seat=commune_a), AssociationFactory(seat=commune_b)
    response = client.post(
        "/fr/admin/accounts/association/",
        {"action": "verify_selected", "_selected_action": [own.pk, other.pk]},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.is_verified and own.verified_by == focal_point
    assert not other.is_verified
    from infitah.participation.models import AuditLogEntry

    audited = AuditLogEntry.objects.filter(action="admin.change")
    assert [(entry.target, entry.actor) for entry in audited] == [(own, focal_point)]


def test_a_network_coordinator_sees_every_collectivity(client, commune_a, commune_b):
    client.force_login(RoleAssignmentFactory(role=Role.NETWORK_COORDINATOR, collectivity=None).user)
    response = client.get("/fr/admin/territories/collectivity/")
    assert set(response.context["cl"].result_list) >= {commune_a, commune_b}
    assert client.get(change_url(commune_b)).status_code == 200


def test_the_association_list_in_the_back_office_costs_the_same_for_many(client, focal_point, commune_a):
    AssociationFactory.create_batch(2, seat=commune_a)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fr/admin/accounts/association/").status_code == 200
        return len(queries)

    few = count()
    AssociationFactory.create_batch(20, seat=commune_a)
    assert count() == few
    assert Association.objects.count() == 22


def test_only_a_platform_administrator_appoints_network_coordinators(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    coordinator_to_be = UserFactory()
    client.force_login(admin)
    response = client.post(
        "/fr/admin/accounts/roleassignment/add/",
        {"user": coordinator_to_be.pk, "role": Role.NETWORK_COORDINATOR, "collectivity": "", "_save": "Save"},
    )
    assert response.status_code == 302
    assert RoleAssignment.objects.filter(
        user=coordinator_to_be, role=Role.NETWORK_COORDINATOR, collectivity=None, granted_by=admin
    ).exists()
