"""The consultation page's counts are cached per state of the consultation: any new contribution, answer or hiding
shows at once, and an unchanged consultation costs no counting query."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from infitah.consultations import selectors
from infitah.consultations.models import Consultation
from infitah.participation.models.base import ModerationReason
from infitah.participation.moderation import hide
from tests.consultations.factories import ConsultationFactory, ContributionFactory, ResponseFactory

pytestmark = pytest.mark.django_db


def fresh(consultation):
    return Consultation.objects.get(pk=consultation.pk)


def test_counts_follow_every_change_of_the_consultation(people, program):
    consultation = ConsultationFactory(
        program=program,
        opens_at=timezone.now() - datetime.timedelta(days=9),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    first = ContributionFactory(consultation=consultation)
    assert selectors.counts_by_place(fresh(consultation))["total"] == 1
    assert selectors.clock_summary(fresh(consultation))["total"] == 1

    ContributionFactory(consultation=consultation)
    assert selectors.counts_by_place(fresh(consultation))["total"] == 2

    ResponseFactory(contribution=first)
    assert selectors.clock_summary(fresh(consultation))["answered"] == 1

    hide(people.focal_point, first, ModerationReason.ABUSE, "insult")
    assert selectors.clock_summary(fresh(consultation))["total"] == 1


def test_an_unchanged_consultation_is_counted_once(people):
    consultation = ConsultationFactory()
    ContributionFactory(consultation=consultation)
    loaded = fresh(consultation)
    selectors.counts_by_place(loaded)
    selectors.clock_summary(loaded)
    with CaptureQueriesContext(connection) as queries:
        selectors.counts_by_place(loaded)
        selectors.clock_summary(loaded)
    assert len(queries) == 0
