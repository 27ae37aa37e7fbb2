"""In Chromium, with the page caches on as in production: a person reading a page again is given the page kept for
them, its forms work (their session's token), and what they just did shows at once; another person in another
browser never sees the first one's page."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from infitah.core.sharedpages import HEADER as SHARED
from infitah.core.signedincache import HEADER
from tests.consultations.factories import ConsultationFactory, published_program, snapshot_keys
from tests.e2e.conftest import log_in_on
from tests.factories import CommuneFactory


@pytest.fixture
def caches_on(settings):
    settings.INFITAH_PAGE_CACHE_SECONDS = 60


def test_a_kept_page_follows_and_shows_it_at_once_and_stays_the_persons_own(
    browser, live_server, page, network_world, verified_user_factory, log_in, caches_on
):
    salma = verified_user_factory(full_name="سلمى الإدريسي")
    member_page = "/ar/network/members/07.351.01/"
    with translation.override("ar"):
        follow, stop_following = translation.gettext("Follow"), translation.gettext("Stop following")

    log_in(salma.email)
    page.goto(member_page)
    again = page.goto(member_page)
    assert again.headers[HEADER.lower()] == "hit", "the second read is the page kept for her"
    expect(page.locator("header")).to_contain_text("سلمى الإدريسي")

    page.get_by_role("button", name=follow, exact=True).click()  # a POST with the kept page's form token
    expect(page.get_by_role("button", name=stop_following)).to_be_visible()
    page.goto(member_page)
    expect(page.get_by_role("button", name=stop_following)).to_be_visible()

    youssef = verified_user_factory(full_name="يوسف العمراني")
    other = browser.new_context(base_url=live_server.url).new_page()
    try:
        log_in_on(other, youssef.email)
        other.goto(member_page)
        expect(other.locator("header")).to_contain_text("يوسف العمراني")
        expect(other.locator("header")).not_to_contain_text("سلمى الإدريسي")
        expect(other.get_by_role("button", name=follow, exact=True)).to_be_visible()
    finally:
        other.context.close()


def test_a_citizen_given_the_copy_another_made_sees_and_uses_only_their_own_parts(
    browser, live_server, page, network_world, verified_user_factory, log_in, caches_on
):
    member_page = "/fr/network/members/07.351.01/"
    salma = verified_user_factory(full_name="Salma Idrissi")
    youssef = verified_user_factory(full_name="Youssef Amrani")
    log_in(salma.email, language="fr")
    made = page.goto(member_page)
    assert made.headers[SHARED.lower()] == "miss", "her read made the copy citizens share"
    page.get_by_role("button", name="Suivre", exact=True).click()
    expect(page.get_by_role("button", name="Ne plus suivre")).to_be_visible()

    other = browser.new_context(base_url=live_server.url).new_page()
    try:
        log_in_on(other, youssef.email, language="fr")
        given = other.goto(member_page)
        # Her follow is shown to her alone: it left the copy they share as it was.
        assert given.headers[SHARED.lower()] == "hit", "his page is the shared copy, completed for him"
        expect(other.locator("header")).to_contain_text("Youssef Amrani")
        expect(other.locator("header")).not_to_contain_text("Salma Idrissi")
        other.get_by_role("button", name="Suivre", exact=True).click()  # his own form token works
        expect(other.get_by_role("button", name="Ne plus suivre")).to_be_visible()
    finally:
        other.context.close()

    page.reload()
    expect(page.locator("header")).to_contain_text("Salma Idrissi")
    expect(page.get_by_role("button", name="Ne plus suivre")).to_be_visible()


def test_a_citizen_contributes_to_a_consultation_from_the_copy_another_citizen_made(
    browser, live_server, page, verified_user_factory, log_in, caches_on
):
    consultation = ConsultationFactory(program=published_program(CommuneFactory()))
    with translation.override("ar"):
        address = consultation.get_absolute_url()
    _axis, keys = snapshot_keys(consultation)
    youssef = verified_user_factory(full_name="يوسف العمراني")
    salma = verified_user_factory(full_name="سلمى الإدريسي")
    other = browser.new_context(base_url=live_server.url).new_page()
    try:
        log_in_on(other, youssef.email)
        assert other.goto(address).headers[SHARED.lower()] == "miss", "his read made the copy citizens share"
    finally:
        other.context.close()

    log_in(salma.email)
    assert page.goto(address).headers[SHARED.lower()] == "hit", "her page is the copy he made, completed for her"
    expect(page.locator("header")).to_contain_text("سلمى الإدريسي")
    page.locator(f"#commitment-{keys[1]} a.comment-on-commitment").click()
    expect(page.locator("#id_comment-where")).to_have_value(f"commitment:{keys[1]}")
    page.locator("#id_comment-body").fill("نقترح نشر محاضر اللجان")
    with page.expect_navigation():
        page.locator("#comment-form [type=submit]").click()  # her own form token, in the copy he made
    expect(page.locator("main")).to_contain_text("نقترح نشر محاضر اللجان")
    expect(page.locator("main")).to_contain_text("سلمى الإدريسي")
