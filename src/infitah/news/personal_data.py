"""News' part of a person's data (see accounts/personal_data.py): the items they wrote (which stay with their
collectivity, without an author once the account is deleted) and the weekly digests sent to them (erased)."""

from infitah.accounts.personal_data import PersonalData, rows
from infitah.core.pagestamps import pages_changed
from infitah.news.models import NewsItem, WeeklyDigestLog


def export(user):
    return {
        "news_written": rows(NewsItem.objects.filter(author=user), ["id", "collectivity", "status", "created_at"]),
        "weekly_digests": rows(
            WeeklyDigestLog.objects.filter(user=user), ["iso_year", "iso_week", "sent_at", "news_count"]
        ),
    }


def erase(user):
    NewsItem.objects.filter(author=user).update(author=None)
    pages_changed()  # the update above sends no signal
    WeeklyDigestLog.objects.filter(user=user).delete()


PERSONAL_DATA = PersonalData("news", export, erase, order=60)
