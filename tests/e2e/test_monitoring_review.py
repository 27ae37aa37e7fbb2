"""In Chromium, in Arabic: a member of the follow-up committee contests a progress update with a comment on the
update's page and sees it flagged, and so does a visitor of the program's public tracker; the commune's focal point
answers the contest and the flag is gone from both."""

import datetime

import pytest
from playwright.sync_api import expect

from infitah.accounts.models import Role, RoleAssignment
from infitah.monitoring.models import ReviewState
from tests.e2e.conftest import log_in_on
from tests.factories import CommuneFactory
from tests.monitoring.factories import adopted_program, seat, update_of


@pytest.fixture
def program(transactional_db):
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"})
    return adopted_program(commune)


def test_a_co_monitor_contests_an_update_and_the_staffs_answer_clears_the_flag(
    page, browser, live_server, program, verified_user_factory, log_in
):
    co_monitor = verified_user_factory(full_name="يوسف الإدريسي")
    seat(program, co_monitor)
    staff = verified_user_factory(full_name="رشيد")
    RoleAssignment.objects.create(user=staff, role=Role.FOCAL_POINT, collectivity=program.collectivity)
    update = update_of(
        program, author=staff, narrative={"ar": "تم إطلاق بوابة البيانات المفتوحة"}, as_of=datetime.date(2024, 5, 1)
    )

    log_in(co_monitor.email)
    page.goto(f"/ar/monitoring/updates/{update.pk}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("main")).to_contain_text("تم إطلاق بوابة البيانات المفتوحة")
    expect(page.locator("#contest-flag")).to_have_count(0)
    review = page.locator("#review-form")
    review.locator("input[name=verdict][value=contested]").check()
    review.locator("textarea[name=comment]").fill("البوابة غير متاحة على الإنترنت إلى اليوم")
    with page.expect_navigation():
        review.locator("[type=submit]").click()
    expect(page.locator("#contest-flag")).to_be_visible()
    expect(page.locator(".review-list")).to_contain_text("البوابة غير متاحة على الإنترنت إلى اليوم")
    update.refresh_from_db()
    assert update.review_state == ReviewState.CONTESTED

    # A visitor, not signed in, sees the contested update flagged on the program's public tracker.
    visitor = browser.new_context(base_url=live_server.url)
    tracker = visitor.new_page()
    tracker.goto(f"/ar/monitoring/programs/{program.pk}/")
    flagged = tracker.locator("section[aria-labelledby=flagged-title]")
    expect(flagged).to_be_visible()
    expect(flagged.locator(f"a[href$='/monitoring/updates/{update.pk}/']").first).to_be_visible()

    # The focal point, in another browser context, answers the contest on the same page.
    context = browser.new_context(base_url=live_server.url)
    staff_page = context.new_page()
    log_in_on(staff_page, staff.email)
    staff_page.goto(f"/ar/monitoring/updates/{update.pk}/")
    expect(staff_page.locator("#contest-flag")).to_be_visible()
    expect(staff_page.locator("#review-form")).to_have_count(0)  # staff never review
    reply = staff_page.locator("#reply-form")
    reply.locator("textarea[name=text]").fill("البوابة متاحة منذ 2 ماي على العنوان data.example.ma")
    with staff_page.expect_navigation():
        reply.locator("[type=submit]").click()
    expect(staff_page.locator("#contest-flag")).to_have_count(0)
    expect(staff_page.locator(".contest-reply")).to_contain_text("البوابة متاحة منذ 2 ماي")
    context.close()

    # The tracker no longer flags it.
    tracker.reload()
    expect(tracker.locator("section[aria-labelledby=flagged-title]")).to_have_count(0)
    expect(tracker.locator(".flag-text")).to_have_count(0)
    expect(tracker.locator(f".update-timeline a[href$='/monitoring/updates/{update.pk}/']")).to_be_visible()
    visitor.close()

    # The co-monitor reloads the page: the flag is gone, the contest and its answer are both there.
    page.reload()
    expect(page.locator("#contest-flag")).to_have_count(0)
    expect(page.locator(".review-list")).to_contain_text("البوابة غير متاحة على الإنترنت إلى اليوم")
    expect(page.locator(".contest-reply")).to_be_visible()
    update.refresh_from_db()
    assert update.review_state == ReviewState.RESOLVED


def test_the_monitoring_pages_have_no_accessibility_violation(page, program, verified_user_factory, log_in):
    """axe-core on the desk, the update form, a contested update with its answer form, the committee and the weights, in
    Arabic and French, wide and phone-sized."""
    from axe_playwright_python.sync_playwright import Axe

    from infitah.monitoring.models import Review, Verdict
    from tests.e2e.test_accessibility import describe
    from tests.monitoring.factories import keys_of

    staff = verified_user_factory(full_name="رشيد")
    RoleAssignment.objects.create(user=staff, role=Role.FOCAL_POINT, collectivity=program.collectivity)
    seat(program, verified_user_factory(full_name="يوسف"))
    update = update_of(program, author=staff, evidence_links=["https://example.ma/pv"])
    Review.objects.create(update=update, reviewer=None, verdict=Verdict.CONTESTED, comment="غير صحيح")
    update.review_state = ReviewState.CONTESTED
    update.save()
    commitment_key, milestones = keys_of(program)
    log_in(staff.email)
    axe, failures = Axe(), []
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 800})
        for language in ("ar", "fr"):
            for path in (
                f"monitoring/desk/{program.pk}/",
                f"monitoring/desk/{program.pk}/commitments/{commitment_key}/update/?milestone={milestones[0]}",
                f"monitoring/updates/{update.pk}/",
                f"monitoring/desk/{program.pk}/committee/",
                f"monitoring/desk/{program.pk}/weights/",
            ):
                assert page.goto(f"/{language}/{path}").status == 200, path
                violations = axe.run(page).response["violations"]
                if violations:
                    failures.append(f"{path} ({language}, {width}px):\n{describe(violations)}")
    assert not failures, "\n".join(failures)
