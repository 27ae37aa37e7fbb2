"""The journeys that matter, walked in a real browser: Arabic first, switching language, signing up, scoping."""

import re

from django.core import mail
from playwright.sync_api import expect

from infitah.accounts.models import Role, RoleAssignment
from infitah.territories.demo import load as load_demo_world
from tests.e2e.conftest import sign_up_on
from tests.factories import CommuneFactory

NEW_PASSWORD = "a long sentence nobody guesses 42"
FRENCH_NETWORK = "Réseau marocain des collectivités territoriales ouvertes"


def html_attributes(page):
    return page.evaluate("() => [document.documentElement.dir, document.documentElement.lang]")


def loaded_fonts(page):
    page.evaluate("document.fonts.ready")
    return page.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")


def scrolls_sideways(page):
    scroll_width, inner_width = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    return scroll_width > inner_width + 1


def test_the_arabic_home_page_reads_right_to_left_and_fits_a_phone(page, transactional_db, screenshot_dir):
    load_demo_world()
    page.goto("/ar/")
    assert html_attributes(page) == ["rtl", "ar"]
    # The article's network: 12 regions, 4 provincial councils and 50 communes.
    assert page.locator(".stat-number").all_inner_texts() == ["12", "4", "50"]
    assert any("Noto Sans Arabic" in family for family in loaded_fonts(page)), "the Arabic web font did not load"
    page.screenshot(path=screenshot_dir / "home-ar.png", full_page=True)

    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/ar/")
    loaded_fonts(page)
    page.screenshot(path=screenshot_dir / "home-ar-360.png", full_page=True)
    assert not scrolls_sideways(page), "the Arabic home page scrolls sideways at 360 px"
    # The members page has the widest content (filters with long region names, the members table).
    for address in ("/ar/network/", "/fr/network/"):
        page.goto(address)
        assert not scrolls_sideways(page), f"{address} scrolls sideways at 360 px"


def test_switching_to_french_keeps_the_page_and_is_remembered(page, network_world):
    page.goto("/ar/network/")
    assert html_attributes(page) == ["rtl", "ar"]
    expect(page.get_by_role("heading", level=1)).to_have_text("الشبكة المغربية للجماعات الترابية المنفتحة")

    with page.expect_navigation():
        page.locator('form.language-switcher button[name="language"][value="fr"][lang="fr"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Réseau marocain des collectivités territoriales ouvertes"
    )
    assert page.url.endswith("/fr/network/")
    assert html_attributes(page) == ["ltr", "fr"]

    # The browser itself asks for English (Accept-Language en-US): only the cookie can bring it to French.
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert cookies.get("django_language") == "fr"
    page.goto("/")
    assert page.url.endswith("/fr/")
    assert html_attributes(page) == ["ltr", "fr"]


def test_sign_up_confirm_the_email_then_log_in(page, transactional_db, log_in):
    sign_up_on(page, "salma@example.ma", "Salma Bennani", NEW_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("تفقد بريدك الإلكتروني")
    assert "/ar/accounts/confirm-email/" in page.url

    assert [message.to for message in mail.outbox] == [["salma@example.ma"]]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[0].body)
    assert link, f"no confirmation link in the e-mail:\n{mail.outbox[0].body}"
    page.goto(link.group(0))
    expect(page.locator("main")).to_contain_text("salma@example.ma")
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()

    log_in("salma@example.ma", NEW_PASSWORD)
    # Signed in, she lands on what waits for her, greeted by her name.
    expect(page.get_by_role("heading", level=1)).to_have_text("ما ينتظرك")
    expect(page.locator("main")).to_contain_text("مرحبا، Salma Bennani.")
    assert page.url.endswith("/ar/accounts/home/")


def test_a_focal_point_sees_only_their_own_commune_in_the_back_office(page, verified_user_factory, log_in):
    commune_a = CommuneFactory(name={"ar": "جماعة ألف", "fr": "Commune Alif"})
    commune_b = CommuneFactory(name={"ar": "جماعة باء", "fr": "Commune Ba"})
    focal_point = verified_user_factory(email="focal@example.ma")
    RoleAssignment.objects.create(user=focal_point, role=Role.FOCAL_POINT, collectivity=commune_a)

    log_in("focal@example.ma")
    expect(page.get_by_role("heading", level=1)).to_have_text("ما ينتظرك")

    page.goto("/ar/admin/territories/collectivity/")
    expect(page.locator("#result_list")).to_contain_text("جماعة ألف")
    expect(page.locator("#result_list")).not_to_contain_text("جماعة باء")

    response = page.goto(f"/ar/admin/territories/collectivity/{commune_b.pk}/change/")
    shows_b_form = response.status == 200 and page.locator("form#collectivity_form").count() > 0
    assert not shows_b_form, f"B's change form opened for A's focal point (status {response.status}, {page.url})"
    assert "جماعة باء" not in page.locator("body").inner_text()
