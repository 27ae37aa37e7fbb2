"""In Chromium, in Arabic: a commune's editor adds an entry with a document to the commune's publication catalogue
(a bad address is first explained, what was typed kept); a visitor then finds the entry, its document and the
completeness on the catalogue and on the network's table, and a stale entry flagged."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from infitah.accounts.models import Role, RoleAssignment
from infitah.information.models import PublicationCategory
from tests.factories import CommuneFactory, MembershipFactory
from tests.information.publication_factories import entry


@pytest.fixture
def commune(transactional_db):
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"})
    MembershipFactory(collectivity=commune)
    return commune


def test_an_editor_publishes_an_entry_and_a_visitor_finds_it(
    page, browser, live_server, commune, verified_user_factory, log_in, tmp_path
):
    editor = verified_user_factory(full_name="رشيد")
    RoleAssignment.objects.create(user=editor, role=Role.EDITOR, collectivity=commune)
    old = timezone.localdate() - datetime.timedelta(days=200)
    entry(commune, "recruitment", old, title={"ar": "مباراة توظيف 2025"})  # 180-day delay: stale
    budget = PublicationCategory.objects.get(key="budget")
    document = tmp_path / "budget-2026.txt"
    document.write_text("الميزانية 2026", encoding="utf-8")

    log_in(editor.email)
    page.goto(f"/ar/information/publication/{commune.code}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.locator(f"a[href$='/publication/{commune.code}/add/']").first.click()
    form = page.locator("main form")
    form.locator("select[name=category]").select_option(str(budget.pk))
    form.locator("input[name=title_0]").fill("ميزانية 2026")
    form.locator("input[name=url]").fill("ftp://tamansourt.ma/budget")
    form.locator("input[name=owner]").fill("مصلحة الميزانية")
    form.locator("input[name=documents]").set_input_files(str(document))
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    expect(page.locator("#id_url_error")).to_contain_text("http://")
    expect(page.locator("input[name=owner]")).to_have_value("مصلحة الميزانية")  # nothing typed is lost

    page.locator("input[name=url]").fill("https://tamansourt.ma/budget")
    page.locator("input[name=documents]").set_input_files(str(document))
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()
    expect(page.locator("#category-budget").locator("xpath=..")).to_contain_text("ميزانية 2026")

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto(f"/ar/information/publication/{commune.code}/")
    section = visitor.locator("section[aria-labelledby=category-budget]")
    expect(section.get_by_role("link", name="ميزانية 2026")).to_have_attribute("href", "https://tamansourt.ma/budget")
    expect(section.get_by_role("link", name="budget-2026.txt")).to_be_visible()
    recruitment = visitor.locator("section[aria-labelledby=category-recruitment]")
    expect(recruitment.locator(".stale-flag")).to_be_visible()
    expect(recruitment).to_contain_text("مباراة توظيف 2025")
    expect(visitor.locator("a[href$='/add/']")).to_have_count(0)  # a visitor does not edit
    visitor.goto("/ar/information/publication/")
    row = visitor.locator("#catalogue tbody tr").filter(has_text="جماعة تامنصورت")
    meter = row.locator("meter")
    expect(meter).to_have_attribute("value", "1")
    expect(meter).to_have_attribute("max", str(PublicationCategory.objects.count()))


def test_the_catalogue_pages_have_no_accessibility_violation(page, commune, verified_user_factory, log_in):
    """axe-core on the network table, a catalogue (with a stale and a missing category) and the entry form, in
    Arabic and French, on a wide screen and a phone's."""
    from axe_playwright_python.sync_playwright import Axe

    from tests.e2e.test_accessibility import describe

    editor = verified_user_factory()
    RoleAssignment.objects.create(user=editor, role=Role.EDITOR, collectivity=commune)
    entry(commune, "budget", timezone.localdate() - datetime.timedelta(days=400))
    log_in(editor.email)
    axe, failures = Axe(), []
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 800})
        for language in ("ar", "fr"):
            for path in ("publication/", f"publication/{commune.code}/", f"publication/{commune.code}/add/"):
                url = f"/{language}/information/{path}"
                assert page.goto(url).status == 200, url
                violations = axe.run(page).response["violations"]
                if violations:
                    failures.append(f"{url} at {width}px:\n{describe(violations)}")
    assert not failures, "\n".join(failures)
