"""Why a consultation takes no contribution now: its dates, said in the reader's language and time zone, whichever
language asked before (the reason is formatted once per process and language)."""

import datetime
import zoneinfo

from django.utils import timezone, translation

from infitah.consultations.gate import dates_refusal, is_open
from infitah.consultations.models import Consultation

CASABLANCA = zoneinfo.ZoneInfo("Africa/Casablanca")
OPENS = datetime.datetime(2024, 6, 1, 9, 0, tzinfo=CASABLANCA)
CLOSES = datetime.datetime(2024, 6, 30, 18, 0, tzinfo=CASABLANCA)


def consultation():
    return Consultation(opens_at=OPENS, closes_at=CLOSES)


def test_an_open_consultation_gives_no_reason_from_its_first_moment_to_before_its_last():
    for now in (OPENS, CLOSES - datetime.timedelta(microseconds=1)):
        assert dates_refusal(consultation(), now) is None and is_open(consultation(), now)
    for now in (OPENS - datetime.timedelta(microseconds=1), CLOSES):
        assert dates_refusal(consultation(), now) is not None and not is_open(consultation(), now)


def test_the_reason_says_whether_it_is_not_yet_open_or_closed_with_its_dates():
    with translation.override("en"):
        before = dates_refusal(consultation(), OPENS - datetime.timedelta(days=1))
        after = dates_refusal(consultation(), CLOSES + datetime.timedelta(days=1))
    assert before.startswith("The consultation is not open yet") and "1 June 2024, 09:00" in before
    assert after.startswith("The consultation closed on 30 June 2024, 18:00")


def test_the_reason_follows_the_readers_language_and_time_zone_whoever_asked_first():
    later = CLOSES + datetime.timedelta(days=1)
    said = {}
    for language in ("en", "fr", "ar", "en", "fr"):
        with translation.override(language):
            said.setdefault(language, set()).add(dates_refusal(consultation(), later))
    assert all(len(texts) == 1 for texts in said.values())
    assert len({next(iter(texts)) for texts in said.values()}) == 3
    assert "juin 2024" in next(iter(said["fr"]))
    with translation.override("en"), timezone.override(datetime.UTC):
        assert "30 June 2024, 17:00" in dates_refusal(consultation(), later)
