"""Who may do what, where: every role × its own collectivity (A) and another one (B), for every declared action.

The table is the specification. When an app declares a new action, `test_every_declared_action_is_in_the_table`
fails until the action's rows are written here — a new door cannot open untested.
"""

import datetime
import importlib
import importlib.util
import pkgutil
from dataclasses import dataclass
from html import escape as html_escape

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from infitah.accounts.models import Invitation, Role, RoleAssignment
from infitah.core.capabilities import capabilities
from infitah.core.permissions import Refused, can, declared_actions, refusal_reason, require
from infitah.programs.phases import Phase
from tests.factories import (
    AdvisoryBodyFactory,
    AssociationFactory,
    CommuneFactory,
    RepresentativeFactory,
    RoleAssignmentFactory,
    UserFactory,
)
from tests.participation.world import participation_targets
from tests.programs.factories import ProgramFactory

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
    ("accounts.view_role",                       "nothing in particular",     (Y, N, N, N, Y, Y, N, N, N)),
    ("accounts.view_role",                       "editor in A",               (Y, N, N, N, Y, Y, N, N, N)),
    ("accounts.view_role",                       "focal point in A",          (Y, N, N, N, Y, Y, N, N, N)),
    ("accounts.view_role",                       "editor in B",               (N, N, N, N, Y, Y, N, N, N)),
    ("accounts.view_role",                       "network coordinator",       (N, N, N, N, Y, Y, N, N, N)),
    ("accounts.choose_people",                   "nothing in particular",     (Y, Y, N, N, Y, Y, N, N, N)),
    ("accounts.invite",                          "nothing in particular",     (Y, Y, N, N, Y, Y, N, N, N)),
    ("accounts.invite",                          "invitation to A",           (Y, Y, N, N, Y, Y, N, N, N)),
    ("accounts.invite",                          "invitation to B",           (N, N, N, N, Y, Y, N, N, N)),
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

    ("programs.view_program",                    "draft program in A",        (Y, Y, Y, Y, Y, Y, N, N, N)),
    ("programs.view_program",                    "draft program in B",        (N, N, N, N, Y, Y, N, N, N)),
    ("programs.view_program",                    "public program in A",       (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("programs.view_program",                    "public program in B",       (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("programs.view_draft",                      "nothing in particular",     (Y, Y, Y, Y, Y, Y, N, N, N)),
    ("programs.view_draft",                      "draft program in A",        (Y, Y, Y, Y, Y, Y, N, N, N)),
    ("programs.view_draft",                      "draft program in B",        (N, N, N, N, Y, Y, N, N, N)),
    ("programs.add_program",                     "nothing in particular",     (Y, Y, N, N, N, Y, N, N, N)),
    ("programs.add_program",                     "collectivity A",            (Y, Y, N, N, N, Y, N, N, N)),
    ("programs.add_program",                     "collectivity B",            (N, N, N, N, N, Y, N, N, N)),
    ("programs.change_program",                  "nothing in particular",     (Y, Y, N, N, N, Y, N, N, N)),
    ("programs.change_program",                  "draft program in A",        (Y, Y, N, N, N, Y, N, N, N)),
    ("programs.change_program",                  "public program in A",       (Y, Y, N, N, N, Y, N, N, N)),
    ("programs.change_program",                  "closed program in A",       (N, N, N, N, N, Y, N, N, N)),
    ("programs.change_program",                  "public program in B",       (N, N, N, N, N, Y, N, N, N)),
    ("programs.change_program",                  "closed program in B",       (N, N, N, N, N, Y, N, N, N)),
    ("programs.delete_program",                  "nothing in particular",     (Y, N, N, N, N, Y, N, N, N)),
    ("programs.delete_program",                  "draft program in A",        (Y, N, N, N, N, Y, N, N, N)),
    ("programs.delete_program",                  "public program in A",       (N, N, N, N, N, Y, N, N, N)),
    ("programs.delete_program",                  "draft program in B",        (N, N, N, N, N, Y, N, N, N)),
    ("programs.copy_commitment",                 "nothing in particular",     (Y, Y, N, N, N, Y, N, N, N)),
    ("programs.copy_commitment",                 "public program in A",       (Y, Y, N, N, N, Y, N, N, N)),
    ("programs.copy_commitment",                 "public program in B",       (N, N, N, N, N, Y, N, N, N)),
    ("programs.transition",                      "nothing in particular",     (Y, N, N, N, N, Y, N, N, N)),
    ("programs.transition",                      "public program in A",       (Y, N, N, N, N, Y, N, N, N)),
    ("programs.transition",                      "public program in B",       (N, N, N, N, N, Y, N, N, N)),
    ("programs.publish_version",                 "nothing in particular",     (Y, N, N, N, N, Y, N, N, N)),
    ("programs.publish_version",                 "public program in A",       (Y, N, N, N, N, Y, N, N, N)),
    ("programs.publish_version",                 "closed program in A",       (N, N, N, N, N, Y, N, N, N)),
    ("programs.publish_version",                 "public program in B",       (N, N, N, N, N, Y, N, N, N)),
    ("programs.record_adoption",                 "nothing in particular",     (Y, N, N, N, N, Y, N, N, N)),
    ("programs.record_adoption",                 "public program in A",       (Y, N, N, N, N, Y, N, N, N)),
    ("programs.record_adoption",                 "public program in B",       (N, N, N, N, N, Y, N, N, N)),
    ("participation.comment",                    "nothing in particular",     (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.comment",                    "open discussion in A",      (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.comment",                    "open discussion in B",      (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    # The platform administrator passes every rule; the services still refuse a closed discussion (its gate).
    ("participation.comment",                    "closed discussion in A",    (N, N, N, N, N, Y, N, N, N)),
    ("participation.comment",                    "closed discussion in B",    (N, N, N, N, N, Y, N, N, N)),
    ("participation.comment",                    "collectivity A",            (N, N, N, N, N, Y, N, N, N)),
    ("participation.support",                    "nothing in particular",     (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.support",                    "open discussion in A",      (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.support",                    "open discussion in B",      (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.support",                    "closed discussion in A",    (N, N, N, N, N, Y, N, N, N)),
    ("participation.support",                    "closed discussion in B",    (N, N, N, N, N, Y, N, N, N)),
    ("participation.follow",                     "nothing in particular",     (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.follow",                     "collectivity A",            (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.follow",                     "collectivity B",            (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.follow",                     "open discussion in A",      (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.follow",                     "closed discussion in B",    (N, N, N, N, N, Y, N, N, N)),
    ("participation.attach",                     "nothing in particular",     (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.attach",                     "open discussion in A",      (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.attach",                     "open discussion in B",      (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.attach",                     "closed discussion in A",    (N, N, N, N, N, Y, N, N, N)),
    ("participation.attach",                     "collectivity B",            (N, N, N, N, N, Y, N, N, N)),
    ("participation.report",                     "nothing in particular",     (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.report",                     "comment in A",              (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.report",                     "comment in B",              (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.report",                     "hidden comment in A",       (N, N, N, N, N, Y, N, N, N)),
    ("participation.report",                     "hidden comment in B",       (N, N, N, N, N, Y, N, N, N)),
    ("participation.report",                     "collectivity A",            (N, N, N, N, N, Y, N, N, N)),
    ("participation.edit_comment",               "nothing in particular",     (Y, Y, Y, Y, Y, Y, Y, Y, N)),
    ("participation.edit_comment",               "citizen's comment in A",    (N, N, N, N, N, Y, Y, N, N)),
    ("participation.edit_comment",               "citizen's comment in B",    (N, N, N, N, N, Y, Y, N, N)),
    ("participation.edit_comment",               "comment in A",              (N, N, N, N, N, Y, N, N, N)),
    ("participation.edit_comment",               "hidden comment in B",       (N, N, N, N, N, Y, N, N, N)),
    ("participation.moderate",                   "nothing in particular",     (Y, Y, Y, N, Y, Y, N, N, N)),
    ("participation.moderate",                   "comment in A",              (Y, Y, Y, N, Y, Y, N, N, N)),
    ("participation.moderate",                   "comment in B",              (N, N, N, N, Y, Y, N, N, N)),
    ("participation.moderate",                   "hidden comment in A",       (Y, Y, Y, N, Y, Y, N, N, N)),
    ("participation.moderate",                   "open discussion in A",      (Y, Y, Y, N, Y, Y, N, N, N)),
    ("participation.moderate",                   "open discussion in B",      (N, N, N, N, Y, Y, N, N, N)),
    ("participation.moderate",                   "attachment in A",           (Y, Y, Y, N, Y, Y, N, N, N)),
    ("participation.moderate",                   "attachment in B",           (N, N, N, N, Y, Y, N, N, N)),
    ("participation.view_audit",                 "nothing in particular",     (Y, Y, Y, N, Y, Y, N, N, N)),
    ("participation.view_audit",                 "audit entry of A",          (Y, Y, Y, N, Y, Y, N, N, N)),
    ("participation.view_audit",                 "audit entry of B",          (N, N, N, N, Y, Y, N, N, N)),
    ("participation.view_audit",                 "network-wide audit entry",  (N, N, N, N, Y, Y, N, N, N)),
    ("participation.view_audit",                 "collectivity A",            (Y, Y, Y, N, Y, Y, N, N, N)),
    ("participation.view_audit",                 "collectivity B",            (N, N, N, N, Y, Y, N, N, N)),
    ("participation.download_attachment",        "nothing in particular",     (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("participation.download_attachment",        "attachment in A",           (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("participation.download_attachment",        "attachment in B",           (Y, Y, Y, Y, Y, Y, Y, Y, Y)),
    ("participation.download_attachment",        "hidden attachment in A",    (Y, Y, Y, N, Y, Y, N, N, N)),
    ("participation.download_attachment",        "hidden attachment in B",    (N, N, N, N, Y, Y, N, N, N)),
]
# fmt: on


# Every installed app (its capability declaration) may keep rows next to its own tests: each module
# tests/<app label>/*permission_rows.py holds ROWS and targets(). A new capability's rows join the table by existing.
def _app_tables():
    tables = []
    for declared in capabilities():
        package = f"tests.{declared.label}"
        if importlib.util.find_spec(package) is None:
            continue
        folder = importlib.import_module(package).__path__
        for module in sorted(info.name for info in pkgutil.iter_modules(folder)):
            if module.endswith("permission_rows"):
                tables.append(importlib.import_module(f"{package}.{module}"))
    return tables


APP_TABLES = _app_tables()
for table in APP_TABLES:
    PERMISSIONS.extend(table.ROWS)


@dataclass
class World:
    """Two communes, people holding each role in A, and the objects the actions are asked about."""

    actors: dict
    targets: dict


@pytest.fixture
def world(request):
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
        "invitation to A": Invitation(collectivity=commune_a, email="invited@example.ma"),
        "invitation to B": Invitation(collectivity=commune_b, email="invited@example.ma"),
        "pending association in A": pending_in_a,
        "pending association in B": AssociationFactory(seat=commune_b),
        "verified association in B": AssociationFactory(
            seat=commune_b, is_verified=True, verified_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
        ),
        "draft program in A": ProgramFactory(collectivity=commune_a, phase=Phase.PREPARATION),
        "draft program in B": ProgramFactory(collectivity=commune_b, phase=Phase.PREPARATION),
        "public program in A": ProgramFactory(collectivity=commune_a, phase=Phase.DRAFTING),
        "public program in B": ProgramFactory(collectivity=commune_b, phase=Phase.DRAFTING),
        "closed program in A": ProgramFactory(collectivity=commune_a, phase=Phase.CLOSED),
        "closed program in B": ProgramFactory(collectivity=commune_b, phase=Phase.CLOSED),
    }
    targets.update(participation_targets(request, commune_a, commune_b, actors["citizen"], someone))
    for table in APP_TABLES:
        targets.update(table.targets(request, commune_a, commune_b, actors, someone))
    return World(actors=actors, targets=targets)


@pytest.mark.parametrize(
    ("action", "target", "expected"),
    [pytest.param(action, target, expected, id=f"{action}[{target}]") for action, target, expected in PERMISSIONS],
)
def test_permission_table(world, action, target, expected):
    obj = world.targets[target]
    outcome = {actor: can(world.actors[actor], action, obj) for actor in ACTORS}
    assert outcome == dict(zip(ACTORS, expected, strict=True))


def test_a_refusal_carries_the_rules_reason_to_the_403_page(world, rf):
    """Where a rule says who may act, `require()` refuses with that sentence and the 403 page shows it."""
    from infitah.core.errors import permission_denied

    shown = set()
    for action, target, expected in PERMISSIONS:
        reason = refusal_reason(action)
        for actor, allowed in zip(ACTORS, expected, strict=True):
            if allowed or reason is None:
                continue
            with pytest.raises(Refused) as refused:
                require(world.actors[actor], action, world.targets[target])
            assert refused.value.reason == reason
            if action not in shown:
                shown.add(action)
                request = rf.get("/en/")
                request.user = world.actors[actor]
                with translation.override("en"):
                    page = permission_denied(request, refused.value).content.decode()
                    assert html_escape(str(reason)) in page and "Access refused" in page, action
    assert {"programs.transition", "events.manage_event", "participation.moderate"} <= shown


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
