"""In Chromium, in Arabic: a member of the equality advisory body submits an opinion to the council; the region's
focal point acknowledges it and records the council's reasoned answer; the member reads the answer on the body's
page and has a notification. Someone who does not sit on the body is refused, and keeps what they typed."""

import datetime

import pytest
from playwright.sync_api import expect

from infitah.accounts.models import Role, RoleAssignment
from infitah.bodies.models import BodyKind, BureauRole, Opinion, OpinionStatus
from infitah.participation.models import Notification
from tests.bodies.factories import BodyMemberFactory
from tests.e2e.conftest import log_in_on
from tests.factories import AdvisoryBodyFactory, CommuneFactory


@pytest.fixture
def body(transactional_db):
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"})
    return AdvisoryBodyFactory(
        collectivity=commune,
        kind=BodyKind.EQUALITY,
        name={"ar": "هيئة المساواة وتكافؤ الفرص ومقاربة النوع", "fr": "Instance de l'équité"},
    )


def test_a_member_submits_an_opinion_and_reads_the_councils_answer(
    page, browser, live_server, body, verified_user_factory, log_in
):
    member = verified_user_factory(full_name="خديجة آيت الطالب")
    BodyMemberFactory(body=body, user=member, full_name="", bureau_role=BureauRole.RAPPORTEUR)
    staff = verified_user_factory(full_name="رشيد")
    RoleAssignment.objects.create(user=staff, role=Role.FOCAL_POINT, collectivity=body.collectivity)

    log_in(member.email)
    page.goto(f"/ar/bodies/{body.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("هيئة المساواة وتكافؤ الفرص ومقاربة النوع")
    page.locator(f'main a[href="/ar/bodies/{body.pk}/opinions/new/"]').click()
    page.locator("#id_title_0").fill("رأي حول الميزانية المستجيبة للنوع")
    page.locator("#id_text_0").fill("نوصي بنشر الميزانية مصنفة حسب النوع الاجتماعي كل سنة.")
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()
    expect(page.locator("main")).to_contain_text("تم تقديم الرأي. يجب أن يصدر رد المجلس في أجل أقصاه")
    expect(page.locator("main")).to_contain_text("رأي حول الميزانية المستجيبة للنوع")
    opinion = Opinion.objects.get(body=body)
    assert opinion.status == OpinionStatus.SUBMITTED and opinion.member.user == member

    # The focal point, in another browser context: acknowledge, then record the answer.
    context = browser.new_context(base_url=live_server.url)
    staff_page = context.new_page()
    log_in_on(staff_page, staff.email)
    # The focal point lands on what waits for them: the opinion to acknowledge, with its due date.
    waiting = staff_page.locator("section.waiting").filter(has_text="آراء ينبغي الإشعار بتوصلها أو الرد عليها")
    expect(waiting).to_contain_text("رأي حول الميزانية المستجيبة للنوع")
    expect(waiting).to_contain_text("ينبغي الإشعار بالتوصل")
    waiting.get_by_role("link", name="رأي حول الميزانية المستجيبة للنوع").click()
    staff_page.locator(f'form[action="/ar/bodies/opinions/{opinion.pk}/acknowledge/"] input[type=checkbox]').check()
    with staff_page.expect_navigation():
        staff_page.locator(f'form[action="/ar/bodies/opinions/{opinion.pk}/acknowledge/"] [type=submit]').click()
    expect(staff_page.locator("main")).to_contain_text("تم الإشعار بالتوصل بالرأي؛ وتم إخبار صاحبه.")
    staff_page.locator(f'main a[href="/ar/bodies/opinions/{opinion.pk}/answer/"]').click()
    staff_page.locator("#id_response_0").fill("قرر المجلس نشر الميزانية مصنفة حسب النوع ابتداء من السنة المقبلة.")
    staff_page.locator("#id_confirm").check()
    with staff_page.expect_navigation():
        staff_page.locator("main form [type=submit]").click()
    expect(staff_page.locator("main")).to_contain_text("تم نشر رد المجلس؛ وتم إخبار صاحب الرأي.")
    context.close()
    opinion.refresh_from_db()
    assert opinion.status == OpinionStatus.ANSWERED

    page.goto(f"/ar/bodies/opinions/{opinion.pk}/")
    expect(page.get_by_text("قرر المجلس نشر الميزانية مصنفة حسب النوع")).to_be_visible()
    page.goto("/ar/participation/notifications/")
    expect(page.locator("main")).to_contain_text("رد المجلس على الرأي «رأي حول الميزانية المستجيبة للنوع»")
    assert Notification.objects.filter(recipient=member).count() >= 1


def test_someone_who_does_not_sit_on_the_body_is_refused_and_keeps_the_text(page, body, verified_user_factory, log_in):
    outsider = verified_user_factory(full_name="يوسف")
    log_in(outsider.email)
    response = page.goto(f"/ar/bodies/{body.pk}/opinions/new/")
    assert response.status == 403
    expect(page.locator("main [role=alert]")).to_contain_text(
        "لا يمكن تقديم آراء هذه الهيئة إلا من طرف أعضائها النشطين؛ وأنت لست عضوا فيها."
    )

    # A member whose seat ends while writing: the text typed comes back with the refusal.
    leaving = verified_user_factory(full_name="سعاد")
    seat = BodyMemberFactory(body=body, user=leaving, full_name="")
    page.context.clear_cookies()
    log_in(leaving.email)
    page.goto(f"/ar/bodies/{body.pk}/opinions/new/")
    page.locator("#id_title_0").fill("رأي أخير")
    page.locator("#id_text_0").fill("نص لا ينبغي أن يضيع")
    seat.left_on = datetime.date.today()
    seat.save()
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("main [role=alert]")).to_contain_text("لم يتم إرسال أي شيء؛ ولا يزال نصك معروضا أدناه")
    expect(page.locator("#id_text_0")).to_have_value("نص لا ينبغي أن يضيع")
    assert not Opinion.objects.exists()
