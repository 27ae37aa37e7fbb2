"""Who may do what, where: every role × its own collectivity (A) and another one (B), for every declared action.

The table is the specification. When an app declares a new action, `test_every_declared_action_is_in_the_table`
fails until the action's rows are written here — a new door cannot open untested.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser

from infitah.accounts.models import Role, RoleAssignment
from infitah.core.permissions import can, declared_actions
from tests.factories import (
    AdvisoryBodyFactory,
    AssociationFactory,
    CommuneFactory,
    RepresentativeFactory,
    RoleAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

Y, N = True, False

# Who acts (the table's columns, in this order). Every collectivity role is held in commune A; the
# representative is a plain citizen who represents the (pending) association seated in A.
ACTORS = [
    "focal_point",
    "editor",
    "information_officer",
    "council_member",
    "network_coordinator",
    "platform_admin",
    "citizen",
    "representative",
    "anonymous",
]

# fmt: off
PERMISSIONS = [
    # action                                     target                       foc edi inf cou coo adm cit rep ano
    ("backoffice.access",                        "nothing in particular",     (Y, Y, Y, N, Y, Y, N, N, N)),

    ("territories.view_collectivity_backoffice", "nothing in particular",     (Y, Y, Y, N, Y, Y, N, N, N)),
    ("territories.view_collectivity_backoffice", "collectivity A",            (Y, Y, Y, N, Y, Y, N, N, N)),
    ("territories.view_collectivity_backoffice", "collectivity B",            (N, N, N, N, Y, Y, N, N, N)),
    ("territories.view_collectivity_backoffice", "advisory body of A",        (Y, Y, Y, N, Y, Y, N, N, N)),
    ("territories.view_collectivity_backoffice", "advisory body of B",        (N, N, N, N, Y, Y, N, N, N)),
    ("territories.change_collectivity",          "nothing in particular",     (Y, Y, N, N, Y, Y, N, N, N)),
    ("territories.change_collectivity",          "collectivity A",            (Y, Y, N, N, Y, Y, N, N, N)),
    ("territories.change_collectivity",          "collectivity B",            (N, N, N, N, Y, Y, N, N, N)),
    ("territories.change_collectivity",          "advisory body of A",        (Y, Y, N, N, Y, Y, N, N, N)),
    ("territories.change_collectivity",          "advisory body of B",        (N, N, N, N, Y, Y, N, N, N)),
    ("territories.add_collectivity",             "nothing in particular",     (N, N, N, N, Y, Y, N, N, N)),
    ("territories.manage_network",               "nothing in particular",     (N, N, N, N, Y, Y, N, N, N)),

    ("accounts.assign_role",                     "nothing in particular",     (Y, N, N, N, Y, Y, N, N, N)),
    ("accounts.assign_role",                     "editor in A",               (Y, N, N, N, Y, Y, N, N, N)),
    ("accounts.assign_role",                     "information officer in A",  (Y, N, N, N, Y, Y, N, N, N)),
    ("accounts.assign_role",                     "council member in A",       (Y, N, N, N, Y, Y, N, N, N)),
    ("accounts.assign_role",                     "focal point in A",          (N, N, N, N, Y, Y, N, N, N)),
    ("accounts.assign_role",                     "editor in B",               (N, N, N, N, Y, Y, N, N, N)),
    ("accounts.assign_role",                     "network coordinator",       (N, N, N, N, N, Y, N, N, N)),
    ("accounts.register_association",            "nothing in particular",     (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("accounts.view_association",                "verified association in B", (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("accounts.view_association",                "pending association in A",  (Y, Y, N, N, Y, Y, N, Y, N)),
    ("accounts.view_association",                "pending association in B",  (N, N, N, N, Y, Y, N, N, N)),
    ("accounts.verify_association",              "nothing in particular",     (Y, Y, N, N, Y, Y, N, N, N)),
    ("accounts.verify_association",              "pending association in A",  (Y, Y, N, N, Y, Y, N, N, N)),
    ("accounts.verify_association",              "pending association in B",  (N, N, N, N, Y, Y, N, N, N)),
    ("accounts.change_association",              "nothing in particular",     (Y, Y, N, N, Y, Y, N, N, N)),
    ("accounts.change_association",              "pending association in A",  (Y, Y, N, N, Y, Y, N, Y, N)),
    ("accounts.change_association",              "pending association in B",  (N, N, N, N, Y, Y, N, N, N)),
]
# fmt: on


@dataclass
class World:
    """Two communes, people holding each role in A, and the objects the actions are asked about."""

    actors: dict
    targets: dict


@pytest.fixture
def world():
    commune_a, commune_b = CommuneFactory(), CommuneFactory()
    actors = {}
    for name, role in [
        ("focal_point", Role.FOCAL_POINT),
        ("editor", Role.EDITOR),
        ("information_officer", Role.INFORMATION_OFFICER),
        ("council_member", Role.COUNCIL_MEMBER),
    ]:
        actors[name] = RoleAssignmentFactory(role=role, collectivity=commune_a).user
    actors["network_coordinator"] = RoleAssignmentFactory(role=Role.NETWORK_COORDINATOR, collectivity=None).user
    actors["platform_admin"] = UserFactory(is_superuser=True, is_staff=True)
    actors["citizen"] = UserFactory()
    pending_in_a = AssociationFactory(seat=commune_a)
    actors["representative"] = RepresentativeFactory(association=pending_in_a).user
    actors["anonymous"] = AnonymousUser()

    someone = UserFactory()

    def grant(role, collectivity):
        return RoleAssignment(user=someone, role=role, collectivity=collectivity)

    targets = {
        "nothing in particular": None,
        "collectivity A": commune_a,
        "collectivity B": commune_b,
        "advisory body of A": AdvisoryBodyFactory(collectivity=commune_a),
        "advisory body of B": AdvisoryBodyFactory(collectivity=commune_b),
        "editor in A": grant(Role.EDITOR, commune_a),
        "information officer in A": grant(Role.INFORMATION_OFFICER, commune_a),
        "council member in A": grant(Role.COUNCIL_MEMBER, commune_a),
        "focal point in A": grant(Role.FOCAL_POINT, commune_a),
        "editor in B": grant(Role.EDITOR, commune_b),
        "network coordinator": grant(Role.NETWORK_COORDINATOR, None),
        "pending association in A": pending_in_a,
        "pending association in B": AssociationFactory(seat=commune_b),
        "verified association in B": AssociationFactory(
            seat=commune_b, is_verified=True, verified_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
        ),
    }
    return World(actors=actors, targets=targets)


@pytest.mark.parametrize(
    ("action", "target", "expected"),
    [pytest.param(action, target, expected, id=f"{action}[{target}]") for action, target, expected in PERMISSIONS],
)
def test_permission_table(world, action, target, expected):
    obj = world.targets[target]
    outcome = {actor: can(world.actors[actor], action, obj) for actor in ACTORS}
    assert outcome == dict(zip(ACTORS, expected, strict=True))


def test_every_declared_action_is_in_the_table():
    tabled = {action for action, _target, _expected in PERMISSIONS}
    untested = sorted(set(declared_actions()) - tabled)
    assert not untested, f"declared actions missing from the permission table: {untested}"


def test_the_table_names_only_declared_actions():
    typos = sorted({action for action, _target, _expected in PERMISSIONS} - set(declared_actions()))
    assert not typos, f"the table names actions nobody declared: {typos}"


def test_every_action_is_tried_on_own_and_other_collectivity_where_it_takes_an_object():
    scoped = {"A": set(), "B": set()}
    for action, target, _expected in PERMISSIONS:
        for side in scoped:
            if target.endswith(f" {side}") or target.endswith(f" in {side}"):
                scoped[side].add(action)
    assert scoped["A"] - scoped["B"] == set(), "an action tried in A must also be tried in B"


def test_a_deactivated_account_may_do_no_more_than_an_anonymous_visitor(world):
    focal_point = world.actors["focal_point"]
    focal_point.is_active = False
    for action, target, _expected in PERMISSIONS:
        obj = world.targets[target]
        assert can(focal_point, action, obj) == can(AnonymousUser(), action, obj), (action, target)
    assert not can(focal_point, "backoffice.access")


def test_an_undeclared_action_is_refused_even_to_the_platform_admin(world, settings):
    settings.DEBUG = False
    assert not can(world.actors["platform_admin"], "accounts.delete_everything")


def test_an_undeclared_action_is_a_loud_error_while_developing(world, settings):
    settings.DEBUG = True
    with pytest.raises(LookupError):
        can(world.actors["citizen"], "accounts.delete_everything")
