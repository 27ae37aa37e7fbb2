"""In Chromium: a citizen comments, replies and supports in Arabic without any JavaScript of ours; the pages
pass axe-core and fit a phone. Advisory bodies stand in for the consultations' contributions."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from playwright.sync_api import expect

from infitah.participation.comments import post_comment
from infitah.participation.models import Comment, Support
from infitah.participation.moderation import hide
from tests.factories import AdvisoryBodyFactory, CommuneFactory
from tests.participation.world import LABEL, register_discussions

BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture
def discussion(request, transactional_db):
    register_discussions(request)
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"})
    return AdvisoryBodyFactory(collectivity=commune, name={"ar": "هيئة الشباب", "fr": "Instance des jeunes"})


def blocking_violations(page):
    violations = Axe().run(page).response["violations"]
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]


def test_a_citizen_comments_replies_and_supports_in_arabic(
    page, discussion, verified_user_factory, log_in, screenshot_dir
):
    citizen = verified_user_factory(full_name="سلمى الإدريسي")
    neighbour = verified_user_factory(full_name="يوسف العمراني")
    first = post_comment(neighbour, discussion, "نحتاج إلى خط حافلات جديد")
    log_in(citizen.email)
    url = f"/ar/participation/comments/{LABEL}/{discussion.pk}/"

    page.goto(url)
    with translation.override("ar"):
        comment_label = translation.gettext("Your comment")
    page.get_by_label(comment_label).fill("أقترح <b>محطة</b> قرب المدرسة")
    page.locator(".comment-form [type=submit]").click()
    # The markup typed is not rendered: the comment reads as plain text.
    expect(page.locator("main")).to_contain_text("أقترح محطة قرب المدرسة")
    page.locator(f"#comment-{first.pk} summary").click()
    page.locator(f"#reply-{first.pk}").fill("أوافق")
    page.locator(f"#comment-{first.pk} form [type=submit]").click()
    expect(page.locator(f"#comment-{first.pk} .comment-replies")).to_contain_text("أوافق")
    page.locator(".support-box [type=submit]").click()
    expect(page.locator(".support-box")).to_contain_text("عدد الداعمين: 1 · بما في ذلك دعمك")
    expect(page.locator(".support-box").get_by_role("button", name="سحب دعمي")).to_be_visible()

    assert Comment.objects.filter(author=citizen, body="أقترح محطة قرب المدرسة").exists()
    assert Comment.objects.get(author=citizen, parent=first).body == "أوافق"
    assert Support.objects.filter(user=citizen).count() == 1
    assert page.locator(f"#comment-{first.pk} .comment-replies").inner_text().count("أوافق") == 1
    assert blocking_violations(page) == []
    page.screenshot(path=screenshot_dir / "participation-thread-ar.png", full_page=True)

    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 361, "the thread fits a phone"


def test_hidden_comments_notifications_and_the_log_pass_axe(
    page, discussion, verified_user_factory, log_in, screenshot_dir
):
    from infitah.accounts.models import Role, RoleAssignment

    citizen = verified_user_factory(full_name="سلمى")
    staff = verified_user_factory(full_name="Rachid")
    RoleAssignment.objects.create(user=staff, role=Role.EDITOR, collectivity=discussion.collectivity)
    mine = post_comment(citizen, discussion, "تعليق أول")
    rude = post_comment(staff, discussion, "Texte à masquer", parent=mine)
    hide(staff, rude, "abuse", "Propos injurieux.")
    post_comment(staff, discussion, "Merci pour vos idées")
    log_in(citizen.email, language="fr")

    for path in (
        f"/fr/participation/comments/{LABEL}/{discussion.pk}/",
        "/fr/participation/notifications/",
        f"/fr/participation/moderation/{discussion.collectivity.code}/",
    ):
        page.goto(path)
        assert blocking_violations(page) == [], path
    page.goto("/fr/participation/notifications/")
    # A reply to my comment, then a new comment: both unread, each told in a sentence.
    unread = page.locator(".notification-unread")
    expect(unread).to_have_count(2)
    expect(unread.filter(has_text="Rachid a répondu à votre commentaire sur Instance des jeunes")).to_have_count(1)
    expect(unread.filter(has_text="Rachid a commenté Instance des jeunes")).to_have_count(1)
    page.screenshot(path=screenshot_dir / "participation-notifications-fr.png", full_page=True)
