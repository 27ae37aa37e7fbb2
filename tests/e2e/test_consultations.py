"""In Chromium, in Arabic: a citizen comments on a commitment of an open consultation and supports a proposal;
after the close a staff member answers through the answering page; the citizen reads the answer and has a
notification. No JavaScript of ours is needed."""

import datetime

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from infitah.accounts.models import Role, RoleAssignment
from infitah.consultations.models import Contribution, ContributionKind, Response
from infitah.participation.models import Notification, Support
from tests.consultations.factories import ConsultationFactory, ContributionFactory, published_program, snapshot_keys
from tests.e2e.conftest import PASSWORD
from tests.factories import CommuneFactory


def arabic(obj):
    """The object's address on the Arabic site, whatever language an earlier test left active."""
    with translation.override("ar"):
        return obj.get_absolute_url()


@pytest.fixture
def consultation(transactional_db):
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"})
    return ConsultationFactory(
        program=published_program(commune), title={"ar": "استشارة حول برنامج الانفتاح", "fr": "Consultation"}
    )


def log_in_context(browser, live_server, email):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/ar/accounts/login/")
    form = page.locator("main form").filter(has=page.locator("input[name=login]"))
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("[type=submit]").first.click()
    return context, page


def test_a_citizen_contributes_and_reads_the_reasoned_answer(
    page, browser, live_server, consultation, verified_user_factory, log_in, screenshot_dir
):
    citizen = verified_user_factory(full_name="سلمى الإدريسي", residence=consultation.collectivity)
    neighbour = verified_user_factory(full_name="يوسف العمراني")
    staff = verified_user_factory(full_name="Rachid")
    RoleAssignment.objects.create(user=staff, role=Role.EDITOR, collectivity=consultation.collectivity)
    proposal = ContributionFactory(
        consultation=consultation,
        author=neighbour,
        kind=ContributionKind.PROPOSAL,
        title="منصة رقمية للشكايات",
        problem="لا تتبع للشكايات",
        body="منصة لتتبع الشكايات",
        principles=["transparency"],
    )
    _axis, keys = snapshot_keys(consultation)

    log_in(citizen.email)
    page.goto(arabic(consultation))
    expect(page.get_by_role("heading", level=1)).to_have_text("استشارة حول برنامج الانفتاح")
    page.locator(f"#commitment-{keys[0]} a.comment-on-commitment").click()
    expect(page.locator("#id_comment-where")).to_have_value(f"commitment:{keys[0]}")
    page.locator("#id_comment-body").fill("نقترح نشر الميزانية كل ثلاثة أشهر")
    with page.expect_navigation():
        page.locator("#comment-form [type=submit]").click()
    expect(page.locator("main")).to_contain_text("نقترح نشر الميزانية كل ثلاثة أشهر")
    mine = Contribution.objects.get(author=citizen)
    assert str(mine.commitment_key) == keys[0] and mine.body == "نقترح نشر الميزانية كل ثلاثة أشهر"

    page.goto(arabic(consultation) + "?kind=proposal")
    page.locator(f"#contribution-{proposal.pk} .support-box [type=submit]").click()
    support_box = page.locator(f"#contribution-{proposal.pk} .support-box")
    expect(support_box).to_contain_text("عدد الداعمين: 1 · بما في ذلك دعمك")
    expect(support_box.get_by_role("button", name="سحب دعمي")).to_be_visible()
    assert Support.objects.filter(user=citizen, object_id=proposal.pk).count() == 1
    page.screenshot(path=screenshot_dir / "consultation-ar.png", full_page=True)

    # Time moves on: the consultation closes.
    consultation.closes_at = timezone.now() - datetime.timedelta(minutes=5)
    consultation.opens_at = timezone.now() - datetime.timedelta(days=30)
    consultation.save()

    staff_context, staff_page = log_in_context(browser, live_server, staff.email)
    try:
        staff_page.goto(f"/ar/consultations/{consultation.pk}/answers/")
        staff_page.locator(f'a[href="/ar/consultations/{consultation.pk}/contributions/{mine.pk}/answer/"]').click()
        prefix = f"answer-{mine.pk}"
        staff_page.locator(f'input[name="{prefix}-outcome"][value="retained"]').check()
        staff_page.locator(f"#id_{prefix}-reason_0").fill("أُدرج النشر الفصلي للميزانية في هذا الالتزام")
        staff_page.locator(f"#id_{prefix}-commitment_key").select_option(keys[0])
        with staff_page.expect_navigation():
            staff_page.locator(".answer-form [type=submit][value=page]").click()
        expect(staff_page.locator("main")).to_contain_text("تم نشر الرد وإشعار صاحب المساهمة.")
    finally:
        staff_context.close()
    response = Response.objects.get(contribution=mine)
    assert response.outcome == "retained" and response.answered_by == staff
    assert Notification.objects.filter(recipient=citizen, verb="contribution_answered").exists()

    page.goto(arabic(mine))
    expect(page.locator("#response")).to_contain_text("أُدرج النشر الفصلي للميزانية في هذا الالتزام")
    page.screenshot(path=screenshot_dir / "consultation-answer-ar.png", full_page=True)
    page.locator('header a[href="/ar/participation/notifications/"]').first.click()
    expect(page.locator("main")).to_contain_text("رد Rachid على مساهمتك «نقترح نشر الميزانية كل ثلاثة أشهر»")
    # The notification's link marks it read on the way to the contribution.
    page.locator("main .notification a").filter(has_text="Rachid").first.click()
    expect(page.locator("#response")).to_contain_text("أُدرج النشر الفصلي للميزانية في هذا الالتزام")
    assert page.url.endswith(arabic(mine))
    assert not Notification.objects.filter(recipient=citizen, verb="contribution_answered", is_read=False).exists()
