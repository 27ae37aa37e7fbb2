"""The weekly digest: one e-mail per person per ISO week, for the people who chose it, gathering their unmailed
notifications and the week's news of the collectivities they follow and of the network.

Safe to run as often as one likes: a `WeeklyDigestLog` row (unique per person and week) is claimed before the mail
goes out, and a notification is mailed once. Nothing is sent to a person with nothing to read.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from infitah.core.site import site_link
from infitah.core.translation import RTL_LANGUAGES, tr
from infitah.news.models import NewsItem, WeeklyDigestLog
from infitah.news.services import VERB, notify_due
from infitah.participation.models import EmailFrequency, Follow, Notification
from infitah.participation.notifications import describe, opening_link
from infitah.participation.targets import content_type_of
from infitah.territories.models import Collectivity

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Week:
    iso_year: int
    iso_week: int
    first_day: datetime.date  # a Monday
    last_day: datetime.date  # the Sunday after

    @property
    def label(self) -> str:
        return f"{self.iso_year}-W{self.iso_week:02d}"


def covered_week(day: datetime.date) -> Week:
    """The last complete ISO week before `day` (run on any day of a week, the digest is the previous week's)."""
    monday = day - datetime.timedelta(days=day.isoweekday() - 1) - datetime.timedelta(days=7)
    iso_year, iso_week, _weekday = monday.isocalendar()
    return Week(iso_year, iso_week, monday, monday + datetime.timedelta(days=6))


def _bounds(week: Week) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime.combine(week.first_day, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(week.last_day + datetime.timedelta(days=1), datetime.time.min))
    return start, end


def send_weekly_digests(day: datetime.date | None = None) -> int:
    """Send the digest of the week before `day` (default: today) to everyone who chose it. Returns how many."""
    week = covered_week(day or timezone.localdate())
    start, end = _bounds(week)
    notify_due()  # scheduled news whose time came: their followers' notifications first
    pending = Notification.objects.filter(emailed_at__isnull=True, created_at__lt=end).select_related(
        "actor", "content_type"
    )
    people = list(
        get_user_model()
        .objects.filter(is_active=True, notification_settings__email_frequency=EmailFrequency.WEEKLY)
        .exclude(
            pk__in=WeeklyDigestLog.objects.filter(iso_year=week.iso_year, iso_week=week.iso_week).values("user_id")
        )
        .prefetch_related(Prefetch("notifications", queryset=pending.prefetch_related("target"), to_attr="pending"))
    )
    if not people:
        return 0
    week_news = list(
        NewsItem.objects.published(end)
        .filter(published_at__gte=start, published_at__lt=end)
        .select_related("collectivity")
        .order_by("published_at", "pk")
    )
    followed = _followed_collectivities([person.pk for person in people])
    sent = 0
    for person in people:
        news = [n for n in week_news if n.collectivity_id is None or n.collectivity_id in followed[person.pk]]
        try:
            sent += _send_one(person, week, news)
        except Exception:
            logger.exception("the weekly digest of user %s for %s could not be sent", person.pk, week.label)
    return sent


def _followed_collectivities(user_ids: list[int]) -> dict[int, set[int]]:
    rows = Follow.objects.filter(content_type=content_type_of(Collectivity), user_id__in=user_ids).values_list(
        "user_id", "object_id"
    )
    followed: dict[int, set[int]] = defaultdict(set)
    for user_id, object_id in rows:
        followed[user_id].add(int(object_id))
    return followed


def _send_one(person, week: Week, news: list[NewsItem]) -> int:
    # A "news published" notification is the news itself: the digest lists the item once, in its news part.
    listed = [n for n in person.pending if n.verb != VERB]
    if not listed and not news:
        return 0
    with transaction.atomic():
        try:
            with transaction.atomic():
                WeeklyDigestLog.objects.create(
                    user=person,
                    iso_year=week.iso_year,
                    iso_week=week.iso_week,
                    notification_count=len(listed),
                    news_count=len(news),
                )
        except IntegrityError:
            return 0  # another run got there first
        Notification.objects.filter(pk__in=[n.pk for n in person.pending]).update(emailed_at=timezone.now())
        language = person.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            context = {
                "recipient": person,
                "week": week,
                "language": language,
                "direction": "rtl" if language in RTL_LANGUAGES else "ltr",
                "notifications": [{"sentence": describe(n), "link": site_link(opening_link(n))} for n in listed],
                "news": [_news_entry(item, language) for item in news],
                "settings_link": site_link(reverse("participation:notifications")),
            }
            subject = _("Your Infitah week: %(week)s") % {"week": week.label}
            message = EmailMultiAlternatives(
                f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
                render_to_string("news/email/weekly_digest.txt", context),
                None,
                [person.email],
            )
            message.attach_alternative(render_to_string("news/email/weekly_digest.html", context), "text/html")
            # Sent inside the transaction: if the mail server refuses, nothing is marked and the next run retries.
            message.send()
    return 1


def _news_entry(item: NewsItem, language: str) -> dict:
    title = tr(item.title, language)
    summary = tr(item.summary, language)
    publisher = tr(item.collectivity.name, language) if item.collectivity else _("The network")
    return {
        "title": title,
        "summary": summary,
        "publisher": publisher,
        "published_at": item.published_at,
        "link": site_link(item.get_absolute_url()),
    }
