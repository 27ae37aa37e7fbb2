"""The month calendar ends where the events do: crawlers find no link beyond the years that have events (± 1), a
month outside them answers 404 with a translated message, and a month without events asks not to be indexed."""

import datetime

import pytest
from django.utils import timezone

from infitah.events.selectors import calendar_years
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

NOINDEX = '<meta name="robots" content="noindex">'


def at(year, month, day=10):
    return timezone.make_aware(datetime.datetime(year, month, day, 10))


@pytest.fixture
def events(people):
    this_year = timezone.localdate().year
    EventFactory(starts_at=at(this_year - 3, 4), ends_at=at(this_year - 3, 4) + datetime.timedelta(hours=2))
    EventFactory(starts_at=at(this_year + 2, 6), ends_at=at(this_year + 2, 6) + datetime.timedelta(hours=2))
    # An unpublished event further on does not stretch the public calendar.
    EventFactory(
        collectivity=people.commune_a,
        starts_at=at(this_year + 6, 1),
        ends_at=at(this_year + 6, 1) + datetime.timedelta(hours=2),
        is_published=False,
    )
    return this_year


def test_the_years_are_those_of_the_visible_events_and_this_year_with_one_more_on_each_side(people, events):
    assert calendar_years(None) == (events - 4, events + 3)
    assert calendar_years(people.editor) == (events - 4, events + 7)


def test_without_events_the_calendar_spans_this_year_and_one_on_each_side():
    this_year = timezone.localdate().year
    assert calendar_years(None) == (this_year - 1, this_year + 1)


def test_months_outside_the_bounds_answer_the_translated_404(client, events):
    for year, month in ((events - 5, 12), (events + 4, 1), (1999, 1), (2093, 5)):
        response = client.get(f"/fr/events/calendar/{year}/{month}/")
        assert response.status_code == 404, (year, month)
        assert "Page introuvable" in response.content.decode()
    assert client.get(f"/fr/events/calendar/{events - 4}/1/").status_code == 200
    assert client.get(f"/fr/events/calendar/{events + 3}/12/").status_code == 200


def test_the_first_and_last_months_link_no_further(client, events):
    first = client.get(f"/en/events/calendar/{events - 4}/1/").content.decode()
    assert 'rel="prev"' not in first and f'href="/en/events/calendar/{events - 4}/2/"' in first
    last = client.get(f"/en/events/calendar/{events + 3}/12/").content.decode()
    assert 'rel="next"' not in last and f'href="/en/events/calendar/{events + 3}/11/"' in last


def test_only_months_with_events_are_indexed(client, events):
    with_events = client.get(f"/en/events/calendar/{events - 3}/4/").content.decode()
    assert NOINDEX not in with_events
    empty = client.get(f"/en/events/calendar/{events - 3}/5/").content.decode()
    assert NOINDEX in empty and "No event this month." in empty


def test_the_weekday_headers_carry_a_short_name_for_phones(client, events):
    html = client.get(f"/fr/events/calendar/{events - 3}/4/").content.decode()
    assert '<span class="weekday-long">lundi</span>' in html
    assert '<abbr class="weekday-short" title="lundi">lun</abbr>' in html
