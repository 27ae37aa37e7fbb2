"""The weekly digest: for the people who chose it, once per ISO week, in their language, only what they follow
(the collectivities' news, their notifications) and the network's news; nothing when there is nothing."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from infitah.news.digests import covered_week, send_weekly_digests
from infitah.news.models import WeeklyDigestLog
from infitah.participation.follows import follow
from infitah.participation.models import EmailFrequency, Notification
from infitah.participation.notifications import set_email_frequency
from infitah.participation.targets import target_fields
from tests.factories import UserFactory
from tests.news.factories import draft, news_item, withdrawn

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2024, 3, 18)  # the digest of ISO week 2024-W11 (Monday 11 to Sunday 17 March)
IN_THE_WEEK = timezone.make_aware(datetime.datetime(2024, 3, 13, 10, 0))
BEFORE_THE_WEEK = timezone.make_aware(datetime.datetime(2024, 3, 8, 10, 0))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2024, 3, 18), (2024, 11, datetime.date(2024, 3, 11), datetime.date(2024, 3, 17))),
        (datetime.date(2024, 3, 24), (2024, 11, datetime.date(2024, 3, 11), datetime.date(2024, 3, 17))),
        (datetime.date(2024, 3, 17), (2024, 10, datetime.date(2024, 3, 4), datetime.date(2024, 3, 10))),
        # Across the year: ISO week 1 of 2025 starts on Monday 30 December 2024; 2020 had a week 53.
        (datetime.date(2025, 1, 6), (2025, 1, datetime.date(2024, 12, 30), datetime.date(2025, 1, 5))),
        (datetime.date(2021, 1, 5), (2020, 53, datetime.date(2020, 12, 28), datetime.date(2021, 1, 3))),
    ],
)
def test_the_digest_covers_the_last_complete_iso_week(day, expected):
    week = covered_week(day)
    assert (week.iso_year, week.iso_week, week.first_day, week.last_day) == expected


def _reader(language="en", frequency=EmailFrequency.WEEKLY):
    person = UserFactory(preferred_language=language)
    set_email_frequency(person, frequency)
    return person


def test_a_reader_gets_the_network_news_and_the_news_of_what_they_follow(people):
    reader = _reader()
    follow(reader, people.commune_a)
    news_item(people.commune_a, title={"en": "FOLLOWED-NEWS"}, published_at=IN_THE_WEEK)
    news_item(None, title={"en": "NETWORK-NEWS"}, published_at=IN_THE_WEEK)
    news_item(people.commune_b, title={"en": "UNFOLLOWED-NEWS"}, published_at=IN_THE_WEEK)
    news_item(people.commune_a, title={"en": "LAST-WEEK-NEWS"}, published_at=BEFORE_THE_WEEK)
    draft(people.commune_a, title={"en": "DRAFT-NEWS"})
    withdrawn(people.commune_a, title={"en": "WITHDRAWN-NEWS"}, published_at=IN_THE_WEEK)

    assert send_weekly_digests(MONDAY) == 1
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    for text in (message.body, html):
        assert "FOLLOWED-NEWS" in text and "NETWORK-NEWS" in text
        for absent in ("UNFOLLOWED-NEWS", "LAST-WEEK-NEWS", "DRAFT-NEWS", "WITHDRAWN-NEWS"):
            assert absent not in text
        assert "/participation/notifications/" in text  # where to change or stop it
    assert message.to == [reader.email]
    assert "2024-W11" in message.subject


def test_a_news_item_scheduled_after_the_week_waits_for_its_own_week(people):
    reader = _reader()
    news_item(None, title={"en": "NEXT-WEEK"}, published_at=IN_THE_WEEK + datetime.timedelta(days=7))
    assert send_weekly_digests(MONDAY) == 0
    assert send_weekly_digests(MONDAY + datetime.timedelta(days=7)) == 1
    assert "NEXT-WEEK" in mail.outbox[0].body
    assert WeeklyDigestLog.objects.get(user=reader).iso_week == 12


def test_the_unmailed_notifications_are_in_it_once(people):
    reader = _reader()
    Notification.objects.create(
        recipient=reader, verb="comment_posted", created_at=IN_THE_WEEK, **target_fields(people.commune_a)
    )
    Notification.objects.create(  # after the week: the next digest's
        recipient=reader,
        verb="comment_posted",
        created_at=IN_THE_WEEK + datetime.timedelta(days=7),
        **target_fields(people.commune_b),
    )
    assert send_weekly_digests(MONDAY) == 1
    assert "commented on " + str(people.commune_a) in mail.outbox[0].body
    assert str(people.commune_b) not in mail.outbox[0].body
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 1
    assert send_weekly_digests(MONDAY + datetime.timedelta(days=7)) == 1
    assert str(people.commune_b) in mail.outbox[1].body
    assert send_weekly_digests(MONDAY + datetime.timedelta(days=14)) == 0  # nothing new: no e-mail


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "خبر الأسبوع"), ("fr", "La nouvelle de la semaine"), ("en", "The news of the week")],
)
def test_the_digest_is_in_the_readers_language(people, language, expected):
    _reader(language)
    news_item(
        None,
        title={"ar": "خبر الأسبوع", "fr": "La nouvelle de la semaine", "en": "The news of the week"},
        published_at=IN_THE_WEEK,
    )
    send_weekly_digests(MONDAY)
    (message,) = mail.outbox
    assert expected in message.body
    assert f'lang="{language}"' in message.alternatives[0][0]


def test_nothing_is_sent_when_there_is_nothing_to_read(people):
    _reader()
    news_item(people.commune_a, published_at=IN_THE_WEEK)  # news of a collectivity nobody follows
    assert send_weekly_digests(MONDAY) == 0
    assert mail.outbox == [] and not WeeklyDigestLog.objects.exists()


def test_only_the_people_who_chose_the_weekly_digest_get_it(people):
    weekly = _reader()
    _reader(frequency=EmailFrequency.DAILY)
    _reader(frequency=EmailFrequency.NEVER)
    UserFactory()  # the default: one e-mail per notification
    inactive = _reader()
    inactive.is_active = False
    inactive.save()
    news_item(None, published_at=IN_THE_WEEK)
    assert send_weekly_digests(MONDAY) == 1
    assert [message.to for message in mail.outbox] == [[weekly.email]]


def test_running_it_twice_in_a_week_sends_one_digest(people):
    _reader()
    news_item(None, published_at=IN_THE_WEEK)
    assert send_weekly_digests(MONDAY) == 1
    assert send_weekly_digests(MONDAY + datetime.timedelta(days=3)) == 0  # the same week covered
    call_command("send_weekly_digests", day=MONDAY, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    assert WeeklyDigestLog.objects.count() == 1


def test_a_refused_mail_leaves_the_week_to_the_next_run(people, monkeypatch):
    _reader()
    news_item(None, published_at=IN_THE_WEEK)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    assert send_weekly_digests(MONDAY) == 0
    assert not WeeklyDigestLog.objects.exists()
    monkeypatch.undo()
    assert send_weekly_digests(MONDAY) == 1


def test_the_notification_settings_offer_the_weekly_digest(client, people):
    client.force_login(people.citizen)
    page = client.get("/en/participation/notifications/").content.decode()
    assert 'value="weekly"' in page
    client.post("/en/participation/notifications/settings/", {"email_frequency": "weekly"})
    from infitah.participation.notifications import email_frequency

    assert email_frequency(people.citizen) == EmailFrequency.WEEKLY
