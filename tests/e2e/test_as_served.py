"""In Chromium, with the caches as a node serves them by default — not the suite's: on SQLite the stamps and the
login throttle in the database's own cache table (Redis when REDIS_URL is set), the page caches on — a person signs
up, confirms, logs in and writes (follows a member, comments on a consultation, registers for an event), each write
made outside any transaction as the views make it. Everything they did is shown on their next read and kept.

The rest of the suite runs with a local-memory cache and the page caches off (tests/conftest.py): that hid, for a
day, a fault of the default configuration that rolled back every such write (the sign-up answered 500)."""

import copy
import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from infitah.consultations.models import Contribution
from infitah.core.signedincache import flush_deferred_writes
from infitah.events.models import Registration, RegistrationStatus
from infitah.participation.models import Follow
from tests.consultations.factories import ConsultationFactory, published_program
from tests.e2e.conftest import log_in_on, sign_up_on
from tests.events.factories import EventFactory

PASSWORD = "a long sentence nobody guesses 42"


@pytest.fixture
def caches_as_served(settings):
    """The caches of the settings module itself, before the suite's test settings replaced them."""
    flush_deferred_writes()  # a write left for the next statement moves the suite's stamps, not these
    from infitah import settings as served

    settings.CACHES = copy.deepcopy(served.CACHES)
    settings.INFITAH_PAGE_CACHE_SECONDS = served.INFITAH_PAGE_CACHE_SECONDS or 60
    call_command("createcachetable")  # made by migrate; with Redis configured, nothing to make


def test_a_new_person_signs_up_and_everything_they_write_is_shown_and_kept(page, network_world, caches_as_served):
    commune = network_world["commune"]
    consultation = ConsultationFactory(program=published_program(commune))
    event = EventFactory(collectivity=commune, title={"ar": "لقاء حول الميزانية", "fr": "Réunion sur le budget"})
    member_page = f"/fr/network/members/{commune.code}/"
    consultation_page = f"/fr/consultations/{consultation.pk}/"

    sign_up_on(page, "nadia@example.ma", "Nadia Berrada", PASSWORD, language="fr")
    assert "/fr/accounts/confirm-email/" in page.url, "the sign-up is answered, not refused"
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()

    log_in_on(page, "nadia@example.ma", PASSWORD, language="fr")
    expect(page.locator("header")).to_contain_text("Nadia Berrada")

    page.goto(member_page)
    page.goto(member_page)  # read again: the page kept for her
    page.get_by_role("button", name="Suivre", exact=True).click()
    expect(page.get_by_role("button", name="Ne plus suivre")).to_be_visible()

    page.goto(consultation_page)
    page.locator("#id_comment-body").fill("Publier les procès-verbaux des commissions")
    with page.expect_navigation():
        page.locator("#comment-form [type=submit]").click()
    expect(page.locator("main")).to_contain_text("Publier les procès-verbaux des commissions")

    page.goto(f"/fr/events/{event.pk}/")
    with page.expect_navigation():
        page.locator(".registration-box form [type=submit]").click()
    expect(page.locator("#registration-state")).to_have_attribute("data-status", "confirmed")

    # Her next reads, each from a cache as served: what she did is there.
    page.goto(member_page)
    expect(page.get_by_role("button", name="Ne plus suivre")).to_be_visible()
    page.goto(consultation_page)
    expect(page.locator("main")).to_contain_text("Publier les procès-verbaux des commissions")
    page.goto(f"/fr/events/{event.pk}/")
    expect(page.locator("#registration-state")).to_have_attribute("data-status", "confirmed")
    page.goto("/fr/accounts/home/")
    expect(page.locator("main")).to_contain_text("Nadia Berrada")

    followed = Follow.objects.filter(user__email="nadia@example.ma", content_type__model="collectivity")
    assert list(followed.values_list("object_id", flat=True)) == [commune.pk]
    assert Contribution.objects.filter(author__email="nadia@example.ma").count() == 1
    assert Registration.objects.get(user__email="nadia@example.ma").status == RegistrationStatus.CONFIRMED
