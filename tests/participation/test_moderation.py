"""Anyone signed in reports; staff of the collectivity hide with a reason; the public log keeps what and why."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.accounts.models import Role
from infitah.participation.comments import post_comment
from infitah.participation.models import AuditLogEntry, ModerationLogEntry, Notification, Report
from infitah.participation.moderation import dismiss_reports, hide, report, restore
from infitah.participation.targets import ParticipationRefused
from tests.factories import RoleAssignmentFactory, UserFactory
from tests.participation.world import LABEL
from tests.refusals import refused

pytestmark = pytest.mark.django_db

INSULT = "You are all thieves, and here is the home address of the mayor"


@pytest.fixture
def insult(discussion, neighbour):
    return post_comment(neighbour, discussion, INSULT)


def thread_url(discussion):
    return f"/en/participation/comments/{LABEL}/{discussion.pk}/"


def test_a_citizen_reports_a_comment_and_the_staff_of_its_collectivity_are_told(insult, citizen, editor_a, editor_b):
    filed = report(citizen, insult, "personal_data", "An address")

    assert filed.collectivity_id == insult.collectivity_id
    assert Notification.objects.filter(recipient=editor_a, verb="report_filed").exists()
    assert not Notification.objects.filter(recipient=editor_b).exists()


def test_reporting_twice_is_refused_with_a_message(insult, citizen):
    report(citizen, insult, "abuse")

    with pytest.raises(ParticipationRefused, match="already reported"):
        report(citizen, insult, "spam")
    assert Report.objects.count() == 1


def test_the_reason_other_needs_details(insult, citizen):
    with pytest.raises(ValidationError, match="empty"):
        report(citizen, insult, "other", "   ")
    with pytest.raises(ValidationError, match="Choose a reason"):
        report(citizen, insult, "because")


def test_the_report_page_files_a_report(client, insult, citizen):
    client.force_login(citizen)
    url = f"/en/participation/reports/participation.comment/{insult.pk}/"

    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "abuse", "details": "<b>insults</b>"})

    assert response.status_code == 302
    assert Report.objects.get().details == "insults"


def test_staff_hide_a_comment_and_the_public_sees_why_but_not_the_text(client, discussion, insult, citizen, editor_a):
    report(citizen, insult, "abuse")

    hide(editor_a, insult, "personal_data", "It published a private address.")

    insult.refresh_from_db()
    assert insult.is_hidden and insult.hidden_by == editor_a
    assert Report.objects.get().resolved_at is not None
    html = client.get(thread_url(discussion)).content.decode()
    assert INSULT not in html
    assert "This comment was hidden by the moderators." in html
    assert "It published a private address." in html
    assert "Personal data about someone" in html


def test_the_moderators_still_read_a_hidden_comment(client, discussion, insult, editor_a):
    hide(editor_a, insult, "abuse", "Insults.")
    client.force_login(editor_a)

    html = client.get(thread_url(discussion)).content.decode()

    assert "Show the hidden text (its author and the moderators only)" in html
    assert "You are all thieves" in html


def test_the_public_moderation_log_lists_what_was_hidden_and_why(
    client, discussion, insult, editor_a, commune_a, commune_b
):
    hide(editor_a, insult, "abuse", "Insults towards the staff.")

    html = client.get(f"/en/participation/moderation/{commune_a.code}/").content.decode()

    assert "Insults towards the staff." in html
    assert "Insult, harassment or hate" in html
    assert INSULT not in html
    assert f'href="/ar/discussions/{discussion.pk}/?comment={insult.pk}#comment-{insult.pk}"' in html
    other = client.get(f"/en/participation/moderation/{commune_b.code}/").content.decode()
    assert "Insults towards the staff." not in other


def test_hiding_and_restoring_are_audited_and_logged(insult, editor_a):
    hide(editor_a, insult, "abuse", "Insults.")
    restore(editor_a, insult, "Hidden by mistake.")

    assert list(ModerationLogEntry.objects.order_by("pk").values_list("action", flat=True)) == ["hidden", "restored"]
    entries = AuditLogEntry.objects.filter(actor=editor_a).order_by("pk")
    assert [entry.action for entry in entries] == ["participation.hide", "participation.restore"]
    assert entries[0].collectivity_id == insult.collectivity_id
    assert entries[0].changes["is_hidden"] == [False, True]
    assert entries[0].target == insult
    assert entries[0].actor_repr == str(editor_a)


def test_the_author_is_told_their_comment_was_hidden(insult, neighbour, editor_a):
    hide(editor_a, insult, "abuse", "Insults.")

    assert Notification.objects.filter(recipient=neighbour, verb="comment_hidden").exists()


def test_staff_of_another_collectivity_cannot_moderate(client, insult, editor_b):
    with pytest.raises(ParticipationRefused):
        hide(editor_b, insult, "abuse", "Not mine to hide")

    client.force_login(editor_b)
    url = f"/en/participation/moderate/participation.comment/{insult.pk}/"
    reason = "Only the staff of the collectivity concerned and the network coordinators moderate."
    refused(client.get(url), reason)
    refused(client.post(url, {"category": "abuse", "explanation": "x"}), reason)
    insult.refresh_from_db()
    assert not insult.is_hidden
    assert not AuditLogEntry.objects.exists()


def test_a_citizen_cannot_moderate(insult, citizen):
    with pytest.raises(ParticipationRefused):
        hide(citizen, insult, "abuse", "I do not like it")


def test_a_network_coordinator_moderates_everywhere(insult):
    coordinator = RoleAssignmentFactory(role=Role.NETWORK_COORDINATOR, collectivity=None).user

    hide(coordinator, insult, "spam", "Advertising.")

    assert AuditLogEntry.objects.get().actor == coordinator


def test_hiding_needs_a_public_explanation(insult, editor_a):
    with pytest.raises(ValidationError):
        hide(editor_a, insult, "abuse", "")
    insult.refresh_from_db()
    assert not insult.is_hidden


def test_hiding_through_the_page(client, discussion, insult, editor_a):
    client.force_login(editor_a)
    url = f"/en/participation/moderate/participation.comment/{insult.pk}/?next={thread_url(discussion)}"

    assert "You are all thieves" in client.get(url).content.decode()
    response = client.post(url, {"category": "abuse", "explanation": "Insults.", "next": thread_url(discussion)})

    assert response.status_code == 302
    insult.refresh_from_db()
    assert insult.is_hidden


def test_reports_can_be_closed_without_hiding(insult, citizen, editor_a):
    report(citizen, insult, "spam")

    assert dismiss_reports(editor_a, insult) == 1

    insult.refresh_from_db()
    assert not insult.is_hidden
    assert AuditLogEntry.objects.get().action == "participation.dismiss_reports"


def test_a_hidden_comment_can_be_neither_reported_nor_answered(discussion, insult, citizen, editor_a):
    hide(editor_a, insult, "abuse", "Insults.")

    with pytest.raises(ParticipationRefused):
        report(citizen, insult, "abuse")
    with pytest.raises(ParticipationRefused):
        post_comment(citizen, discussion, "Reply", parent=insult)


def test_the_log_page_costs_the_same_for_3_or_30_entries(client, discussion, editor_a, commune_a):
    people = UserFactory.create_batch(3)

    def hide_some(n):
        for i in range(n):
            hide(editor_a, post_comment(people[i % 3], discussion, f"text {i}"), "spam", f"Spam {i}")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/en/participation/moderation/{commune_a.code}/").status_code == 200
        return len(queries)

    hide_some(3)
    few = count()
    hide_some(27)
    assert count() == few
