"""In Chromium, in Arabic: a visitor writes to a member commune from its page; a wrong address is explained and what
was typed stays; corrected, the message is sent and the focal point receives it."""

from django.core import mail
from playwright.sync_api import expect

from infitah.accounts.models import Role
from tests.factories import RoleAssignmentFactory, UserFactory


def test_a_visitor_writes_to_a_member_and_keeps_the_text_on_error(page, network_world):
    commune = network_world["commune"]
    focal_point = UserFactory(email="focal.amizmiz@example.ma", preferred_language="ar")
    RoleAssignmentFactory(user=focal_point, role=Role.FOCAL_POINT, collectivity=commune)
    mail.outbox.clear()

    page.goto(f"/ar/network/members/{commune.code}/")
    page.get_by_role("link", name="مراسلة هذه الجماعة").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("مراسلة جماعة أمزميز")
    expect(page.locator("main")).not_to_contain_text("focal.amizmiz@example.ma")

    page.get_by_label("اسمك").fill("أمينة الإدريسي")
    page.get_by_label("عنوان بريدك الإلكتروني").fill("amina-at-example")
    page.get_by_label("الموضوع").fill("مواعيد مكتب الضبط")
    page.get_by_label("رسالتك").fill("ما هي مواعيد فتح مكتب الضبط خلال شهر رمضان؟")
    page.get_by_role("button", name="إرسال الرسالة").click()

    expect(page.locator("main [role=alert]")).to_contain_text("يرجى تصحيح الأخطاء أدناه.")
    expect(page.locator("main")).to_contain_text("أدخِل عنوان بريد إلكتروني صحيح.")
    expect(page.get_by_label("رسالتك")).to_have_value("ما هي مواعيد فتح مكتب الضبط خلال شهر رمضان؟")
    assert mail.outbox == []

    page.get_by_label("عنوان بريدك الإلكتروني").fill("amina@example.ma")
    page.get_by_role("button", name="إرسال الرسالة").click()
    expect(page.locator("main")).to_contain_text("أُرسلت رسالتك إلى الجماعة. وستجيبك عبر البريد الإلكتروني.")
    expect(page.get_by_role("heading", level=1)).to_have_text("جماعة أمزميز")
    assert [message.to for message in mail.outbox] == [["focal.amizmiz@example.ma"]]
