"""Demo news, loaded by `infitah demo` after the territories (collectivities and logins), through the services with
explicit dates: the seed article first (Marrakech-Safi's, in Arabic with a French summary; the real source, not
illustrative), then illustrative network, Marrakech-Safi and Safi news, and a draft on Safi's news desk.
`load()` only adds what is missing: a second call writes nothing."""

from __future__ import annotations

import datetime

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import User
from infitah.news import services
from infitah.news.demo import content
from infitah.news.models import NewsItem
from infitah.territories.models import Collectivity

MARRAKECH_SAFI, SAFI = "07", "07007001"
EDITOR_REGION = "editor.marrakech-safi@infitah.example"
FOCAL_SAFI = "focal.safi@infitah.example"
COORDINATOR = "coordinator@infitah.example"


def _at(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def _published(author: User, collectivity: Collectivity | None, when: str, **fields) -> NewsItem:
    moment = _at(when)
    item = NewsItem(collectivity=collectivity, created_at=moment, **fields)
    services.save_item(author, item)
    return services.publish(author, item, now=moment)


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    places = {c.code: c for c in Collectivity.objects.filter(code__in=[MARRAKECH_SAFI, SAFI])}
    people = {u.email: u for u in User.objects.filter(email__in=[EDITOR_REGION, FOCAL_SAFI, COORDINATOR])}
    if len(places) < 2 or len(people) < 3:
        return []
    if NewsItem.objects.filter(title__ar=content.ARTICLE_TITLE).exists():
        return []
    with transaction.atomic():
        _published(
            people[EDITOR_REGION],
            places[MARRAKECH_SAFI],
            content.ARTICLE_DATE,
            title={"ar": content.ARTICLE_TITLE},
            summary={"fr": content.ARTICLE_SUMMARY_FR},
            body={"ar": content.ARTICLE_BODY},
            principles=["citizen_participation"],
            source_name=content.ARTICLE_SOURCE,
        )
        for code, author, when, principles, title, summary, body in content.ILLUSTRATIVE_NEWS:
            _published(
                people[author],
                places[code] if code else None,
                when,
                title=title,
                summary=summary,
                body=body,
                principles=principles,
                is_illustrative=True,
            )
        services.save_item(
            people[FOCAL_SAFI], NewsItem(collectivity=places[SAFI], is_illustrative=True, **content.SAFI_DRAFT)
        )
    if stdout is not None:
        stdout.write(
            _("News: the seed article and %(count)d illustrative items created.")
            % {"count": len(content.ILLUSTRATIVE_NEWS) + 1}
        )
    return []
