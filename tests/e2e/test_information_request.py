"""In Chromium, in Arabic: a citizen files an urgent request for information and reads its reference and due date;
the commune's information officer answers part of it, withholding the rest on a legal ground; a visitor reads the
answer and the ground on the public page, without the requester's identity; the citizen complains to the head of
the commune."""

import datetime

import pytest
from django.utils import translation
from playwright.sync_api import expect

from infitah.accounts.models import Role, RoleAssignment
from infitah.information.models import Ground, InformationRequest
from tests.e2e.conftest import log_in_on
from tests.factories import CommuneFactory, MembershipFactory


@pytest.fixture
def commune(transactional_db):
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"})
    MembershipFactory(collectivity=commune)
    return commune


def test_an_urgent_request_is_filed_answered_in_part_read_in_public_and_complained_about(
    page, browser, live_server, commune, verified_user_factory, log_in, screenshot_dir
):
    citizen = verified_user_factory(full_name="فاطمة الزهراء بناني")
    officer = verified_user_factory(full_name="رشيد")
    RoleAssignment.objects.create(user=officer, role=Role.INFORMATION_OFFICER, collectivity=commune)

    # The citizen files an urgent request from the commune's link, in Arabic.
    log_in(citizen.email)
    page.goto(f"/ar/information/requests/new/?to={commune.code}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    form = page.locator("#file-request-form")
    expect(form.locator("select[name=collectivity]")).to_have_value(commune.code)
    form.locator("input[name=requester_name]").fill("فاطمة الزهراء بناني")
    form.locator("input[name=national_id]").fill("AB123456")
    form.locator("input[name=subject]").fill("لائحة الأسر المعنية بإعادة الإيواء")
    form.locator("textarea[name=description]").fill("أطلب لائحة المعايير المعتمدة لإعادة إيواء الأسر المتضررة")
    form.locator("input[name=access_form][value=email]").check()
    form.locator("input[name=kind][value=urgent]").check()
    form.locator("textarea[name=urgency_reason]").fill("منزل الأسرة مهدد بالانهيار قبل موسم الأمطار")
    with page.expect_navigation():
        form.locator("[type=submit]").click()

    filed = InformationRequest.objects.get()
    acknowledgment = page.locator("#acknowledgment")
    expect(acknowledgment).to_contain_text(filed.reference)
    expect(page.locator("#due-date time")).to_have_attribute("datetime", filed.due_on.isoformat())
    expect(page.locator("main")).not_to_contain_text("AB123456")
    page.screenshot(path=str(screenshot_dir / "information-request-filed-ar.png"), full_page=True)

    # The officer answers part of it, withholding the rest on the ground of private life.
    context = browser.new_context(base_url=live_server.url)
    officer_page = context.new_page()
    log_in_on(officer_page, officer.email)
    officer_page.goto(f"/ar/information/requests/{filed.reference}/")
    expect(officer_page.locator("#national-id")).to_have_text("AB123456")
    partial = officer_page.locator("#act-answer_partially")
    partial.locator("summary").click()
    partial.locator("textarea[name=response]").fill("نوافيكم بمعايير إعادة الإيواء المعتمدة من طرف المجلس")
    partial.locator("select[name=ground]").select_option(Ground.PRIVATE_LIFE.value)
    partial.locator("textarea[name=withheld]").fill("أسماء الأسر المستفيدة")
    with officer_page.expect_navigation():
        partial.locator("[type=submit]").click()
    expect(officer_page.locator("#reply")).to_contain_text("نوافيكم بمعايير إعادة الإيواء")
    officer_page.screenshot(path=str(screenshot_dir / "information-request-officer-ar.png"), full_page=True)
    context.close()

    # A visitor reads the answer and its ground, never who asked.
    with translation.override("ar"):
        ground = str(Ground.PRIVATE_LIFE.label)
    visitor = browser.new_context(base_url=live_server.url)
    public = visitor.new_page()
    public.goto(f"/ar/information/requests/{filed.reference}/")
    expect(public.locator("#response")).to_contain_text("نوافيكم بمعايير إعادة الإيواء المعتمدة من طرف المجلس")
    expect(public.locator("#ground")).to_contain_text(ground)
    expect(public.locator("#withheld")).to_contain_text("أسماء الأسر المستفيدة")
    expect(public.locator("main")).not_to_contain_text("فاطمة الزهراء بناني")
    expect(public.locator("main")).not_to_contain_text("AB123456")
    public.screenshot(path=str(screenshot_dir / "information-request-public-ar.png"), full_page=True)
    visitor.close()

    # The citizen complains to the head of the commune.
    page.goto(f"/ar/information/requests/{filed.reference}/")
    complaint = page.locator("#complaint-form")
    expect(complaint).to_be_visible()
    complaint.locator("textarea[name=text]").fill("المعايير وحدها لا تكفي لفهم القرار")
    with page.expect_navigation():
        complaint.locator("[type=submit]").click()
    expect(page.locator("#complaint-text")).to_contain_text("المعايير وحدها لا تكفي لفهم القرار")
    expect(page.locator("#complaint-form")).to_have_count(0)


def test_the_request_pages_have_no_accessibility_violation(page, commune, verified_user_factory, log_in):
    """axe-core on the filing form (with its errors), the acknowledgment, a request's page with the officer's forms,
    the queue and one's own requests, in Arabic and French, wide and phone-sized."""
    from axe_playwright_python.sync_playwright import Axe

    from infitah.information import services, states
    from tests.e2e.test_accessibility import describe
    from tests.information.factories import filed_request

    officer = verified_user_factory(full_name="رشيد")
    RoleAssignment.objects.create(user=officer, role=Role.INFORMATION_OFFICER, collectivity=commune)
    info = filed_request(commune, officer, on=datetime.date.today())
    refused = filed_request(commune, officer, on=datetime.date.today(), subject="طلب مرفوض")
    services.perform(officer, refused, states.REFUSE, response="لا", ground=Ground.DEFENCE)
    services.add_note(officer, info, "ملاحظة داخلية")
    log_in(officer.email)
    axe, failures = Axe(), []
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 800})
        for language in ("ar", "fr"):
            for path in (
                f"information/requests/new/?to={commune.code}",
                f"information/requests/{info.reference}/filed/",
                f"information/requests/{info.reference}/",
                f"information/requests/{refused.reference}/",
                "information/queue/",
                "information/requests/mine/",
            ):
                assert page.goto(f"/{language}/{path}").status == 200, path
                violations = axe.run(page).response["violations"]
                if violations:
                    failures.append(f"{path} ({language}, {width}px):\n{describe(violations)}")
        # The filing form sent back with its errors.
        page.goto(f"/ar/information/requests/new/?to={commune.code}")
        page.locator("#file-request-form input[name=national_id]").fill("123")
        with page.expect_navigation():
            page.locator("#file-request-form [type=submit]").click()
        violations = axe.run(page).response["violations"]
        if violations:
            failures.append(f"filing form with errors ({width}px):\n{describe(violations)}")
    assert not failures, "\n".join(failures)
