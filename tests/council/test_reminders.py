"""The followers of a collectivity hear, days before, that its council meets: once per session, never for an
unpublished or cancelled one, never the followers of another collectivity."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from infitah.council.reminders import send_reminders
from infitah.participation.follows import follow
from infitah.participation.models import Notification
from tests.council.factories import session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 2, 2)


def test_followers_are_reminded_once_of_a_session_within_the_days(people, django_capture_on_commit_callbacks):
    follower, other = UserFactory(preferred_language="en"), UserFactory()
    follow(follower, people.commune_a)
    follow(other, people.commune_b)
    soon = session(people.commune_a, opens_on=TODAY + datetime.timedelta(days=5), status="planned")
    session(people.commune_a, opens_on=TODAY + datetime.timedelta(days=30), status="planned")  # too far yet
    session(people.commune_a, opens_on=TODAY + datetime.timedelta(days=3), status="planned", is_published=False)
    session(people.commune_a, opens_on=TODAY + datetime.timedelta(days=4), status="cancelled")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(TODAY, days_before=7) == 1
    reminded = Notification.objects.get()
    assert reminded.recipient == follower and reminded.verb == "council_session_soon"
    assert reminded.object_id == soon.pk
    assert [message.to for message in mail.outbox] == [[follower.email]]
    assert "A council you follow meets soon" in mail.outbox[0].body
    assert send_reminders(TODAY, days_before=7) == 0  # a second run reminds nobody again
    assert Notification.objects.count() == 1


def test_the_command_runs(people, capsys):
    call_command("send_council_reminders", "--days", "7")
    assert "reminder(s) sent" in capsys.readouterr().out
    assert mail.outbox == []
