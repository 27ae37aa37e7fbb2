"""Entries of the proactive-publication catalogue, on the categories the data migration ships."""

import datetime

from infitah.information.models import PublicationCategory, PublicationEntry

TODAY = datetime.date(2026, 6, 15)


def category(key="budget"):
    return PublicationCategory.objects.get(key=key)


def entry(collectivity, key="budget", updated_on=TODAY, **fields):
    values = {
        "title": {"ar": "الميزانية 2026", "fr": "Budget 2026"},
        "url": "https://commune.example.ma/budget-2026",
        "owner": "Service des finances",
        **fields,
    }
    return PublicationEntry.objects.create(
        collectivity=collectivity, category=category(key), updated_on=updated_on, **values
    )


def fresh_everywhere(collectivity, on=TODAY):
    """One up-to-date entry in every category."""
    return [entry(collectivity, c.key, on) for c in PublicationCategory.objects.all()]
