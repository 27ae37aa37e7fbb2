"""Every staff action leaves an audit entry; staff read their collectivity's entries, read-only."""

import pytest

from infitah.accounts.models import Role
from infitah.participation.audit import audit, changes_between
from infitah.participation.models import AuditLogEntry
from tests.factories import AdvisoryBodyFactory, RoleAssignmentFactory
from tests.refusals import GENERAL_FR, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def focal_point_a(commune_a):
    return RoleAssignmentFactory(role=Role.FOCAL_POINT, collectivity=commune_a).user


def test_audit_records_who_did_what_to_which_object_and_where(editor_a, commune_a):
    body = AdvisoryBodyFactory(collectivity=commune_a)

    entry = audit(editor_a, "bodies.rename", body, changes_between({"name": "Old"}, {"name": "New"}))

    assert entry.actor == editor_a
    assert entry.target == body
    assert entry.collectivity == commune_a
    assert entry.changes == {"name": ["Old", "New"]}
    assert entry.target_repr == str(body)


def test_an_entry_still_reads_right_after_its_object_is_deleted(editor_a, commune_a):
    body = AdvisoryBodyFactory(collectivity=commune_a)
    entry = audit(editor_a, "bodies.delete", body)
    name = str(body)
    body.delete()

    entry.refresh_from_db()
    assert entry.target is None
    assert entry.target_repr == name


def test_a_change_in_the_back_office_is_audited(client, focal_point_a, commune_a):
    body = AdvisoryBodyFactory(collectivity=commune_a, kind="youth")
    client.force_login(focal_point_a)
    url = f"/fr/admin/bodies/advisorybody/{body.pk}/change/"

    response = client.post(
        url,
        {
            "collectivity": commune_a.pk,
            "kind": "equality",
            "name_0": "هيئة المساواة",
            "name_1": "Instance de l'égalité",
            "name_2": "",
            "name_3": "",
            "legal_basis_0": "",
            "legal_basis_1": "",
            "legal_basis_2": "",
            "legal_basis_3": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditLogEntry.objects.get(action="admin.change")
    assert entry.actor == focal_point_a
    assert entry.collectivity == commune_a
    assert entry.target == body
    assert entry.changes["model"] == "advisorybody"
    assert "changed" in str(entry.changes["admin"])


def test_staff_read_their_collectivitys_entries_only_and_cannot_change_them(client, editor_a, commune_a, commune_b):
    mine = audit(editor_a, "test.action", AdvisoryBodyFactory(collectivity=commune_a))
    theirs = audit(None, "test.action", AdvisoryBodyFactory(collectivity=commune_b))
    client.force_login(editor_a)

    response = client.get("/fr/admin/participation/auditlogentry/")

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [mine]
    assert client.get(f"/fr/admin/participation/auditlogentry/{theirs.pk}/change/").status_code in (302, 403, 404)
    detail = client.get(f"/fr/admin/participation/auditlogentry/{mine.pk}/change/")
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content, "the log is read-only"
    refused(client.post(f"/fr/admin/participation/auditlogentry/{mine.pk}/delete/", {"post": "yes"}), GENERAL_FR)
    assert AuditLogEntry.objects.filter(pk=mine.pk).exists()


def test_a_coordinator_reads_every_entry(client, commune_a, commune_b):
    coordinator = RoleAssignmentFactory(role=Role.NETWORK_COORDINATOR, collectivity=None).user
    audit(None, "test.action", AdvisoryBodyFactory(collectivity=commune_a))
    audit(None, "test.action", AdvisoryBodyFactory(collectivity=commune_b))
    audit(None, "test.network_action", None)
    client.force_login(coordinator)

    response = client.get("/fr/admin/participation/auditlogentry/")

    assert len(response.context["cl"].result_list) == 3
