"""In Chromium, in Arabic: a citizen registers to a one-seat event and gets the confirmation with its .ics; a
second person joins the waiting list; the first cancels and the second finds himself confirmed. The workshop page
shows the article's agenda in order, in Arabic and in French."""

from datetime import time

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from infitah.events.models import Registration, RegistrationStatus
from tests.events.factories import AgendaItemFactory, EventFactory, in_days

BLOCKING_IMPACTS = {"serious", "critical"}
CONFIRMED = "أنت مسجل: تم تأكيد مقعدك."

AGENDA = [
    ("10:30", "11:00", "استقبال المشاركين", "Accueil des participants"),
    ("11:00", "11:30", "الجلسة الافتتاحية", "Séance d'ouverture"),
    ("11:30", None, "ورشات عمل حول المحاور الأولية", "Groupes de travail sur les axes initiaux"),
    (None, None, "تقديم النتائج والخلاصات", "Présentation des résultats et conclusions"),
    ("13:30", None, "اختتام الورشة", "Clôture"),
]


def blocking_violations(page):
    violations = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']}" for v in violations if v["impact"] in BLOCKING_IMPACTS]


@pytest.fixture
def one_seat_event(transactional_db):
    return EventFactory(
        capacity=1,
        title={"ar": "لقاء تواصلي حول الميزانية", "fr": "Réunion sur le budget"},
        format="hybrid",
        online_url="https://visio.example.ma/budget",
    )


def _register(page, event):
    page.goto(f"/ar/events/{event.pk}/")
    with page.expect_navigation():
        page.locator(".registration-box form [type=submit]").click()


def test_register_wait_cancel_and_promotion_in_arabic(page, one_seat_event, verified_user_factory, log_in):
    event = one_seat_event
    first = verified_user_factory(full_name="سلمى الإدريسي", preferred_language="ar")
    second = verified_user_factory(full_name="يوسف العمراني", preferred_language="ar")
    mail.outbox.clear()

    log_in(first.email)
    _register(page, event)
    expect(page.locator("#registration-state")).to_have_text(CONFIRMED)
    expect(page.get_by_text("https://visio.example.ma/budget").first).to_be_visible()
    (confirmation,) = [m for m in mail.outbox if m.to == [first.email]]
    ((_name, ics, _type),) = confirmation.attachments
    (entry,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert entry["DTSTART"].params["TZID"] == "Africa/Casablanca"
    assert blocking_violations(page) == []

    page.context.clear_cookies()
    log_in(second.email)
    _register(page, event)
    expect(page.locator("#registration-state")).to_contain_text("أنت في لائحة الانتظار، وترتيبك 1.")

    page.context.clear_cookies()
    log_in(first.email)
    page.goto(f"/ar/events/{event.pk}/")
    with page.expect_navigation():
        page.locator(f"form[action='/ar/events/{event.pk}/cancel/'] [type=submit]").click()
    expect(page.locator("#registration-state")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("تم إلغاء تسجيلك. شكرا لك على إتاحة مقعدك لغيرك.")

    page.context.clear_cookies()
    log_in(second.email)
    page.goto(f"/ar/events/{event.pk}/")
    expect(page.locator("#registration-state")).to_have_text(CONFIRMED)
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses == {first.email: RegistrationStatus.CANCELLED, second.email: RegistrationStatus.CONFIRMED}
    promoted = [m for m in mail.outbox if m.to == [second.email]]
    assert len(promoted) == 2  # on the waiting list, then confirmed with the calendar file
    assert promoted[-1].attachments


@pytest.fixture
def workshop(transactional_db):
    event = EventFactory(
        title={"ar": "ورشة التشارك", "fr": "Atelier de co-création"},
        starts_at=in_days(30, 10, 30),
        ends_at=in_days(30, 13, 30),
    )
    # Created out of order on purpose: the page orders them.
    for order, (start, end, arabic, french) in reversed(list(enumerate(AGENDA, 1))):
        AgendaItemFactory(
            event=event,
            order=order,
            starts_at=time.fromisoformat(start) if start else None,
            ends_at=time.fromisoformat(end) if end else None,
            title={"ar": arabic, "fr": french},
        )
    return event


@pytest.mark.parametrize(("language", "column"), [("ar", 2), ("fr", 3)])
def test_the_workshop_page_shows_the_agenda_in_order(page, workshop, language, column, screenshot_dir):
    page.goto(f"/{language}/events/{workshop.pk}/")
    items = page.locator(".agenda > li")
    expect(items.first.locator(".agenda-title")).to_have_text(AGENDA[0][column])
    titles = [items.nth(i).locator(".agenda-title").inner_text().strip() for i in range(items.count())]
    times = [items.nth(i).locator(".agenda-time").inner_text().strip() for i in range(items.count())]
    assert titles == [row[column] for row in AGENDA]
    assert [t.split("–")[0] or None for t in times] == [row[0] for row in AGENDA]
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "ورشة التشارك" if language == "ar" else "Atelier de co-création"
    )
    page.screenshot(path=screenshot_dir / f"events-workshop-{language}.png", full_page=True)
