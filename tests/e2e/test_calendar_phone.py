"""On a phone (360 px wide), the month calendar's weekday names do not run into each other, in Arabic and French."""

import datetime

import pytest
from django.utils import timezone

from tests.events.factories import EventFactory

# The boxes of what each weekday header shows (its short or long name, whichever is displayed), in page order.
LABEL_BOXES = """() => [...document.querySelectorAll('.month-grid thead th')].map((th) => {
  const label = [...th.children].find((child) => getComputedStyle(child).display !== 'none') || th;
  const range = document.createRange();
  range.selectNodeContents(label);
  const box = range.getBoundingClientRect();
  const cell = th.getBoundingClientRect();
  const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  return {text: label.textContent, lines, left: box.left, right: box.right, cellLeft: cell.left, cellRight: cell.right};
})"""


@pytest.fixture
def month(transactional_db):
    today = timezone.localdate()
    starts = timezone.make_aware(datetime.datetime(today.year, today.month, 15, 10))
    EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), title={"ar": "ورشة", "fr": "Atelier"})
    return today


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_weekday_names_do_not_overlap_at_360_px(page, month, language, screenshot_dir):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"/{language}/events/calendar/{month.year}/{month.month}/")
    page.locator(".month-grid").wait_for()
    page.screenshot(path=str(screenshot_dir / f"calendar-360-{language}.png"), full_page=True)
    labels = page.evaluate(LABEL_BOXES)
    assert len(labels) == 7
    for label in labels:
        assert label["text"].strip(), label
        assert label["lines"] == 1, f"a weekday name is broken over lines: {label}"
        # Each name stays inside its own column (a pixel of rounding allowed)...
        assert label["cellLeft"] - 1 <= label["left"] and label["right"] <= label["cellRight"] + 1, label
    # ...so no two names share any horizontal space.
    ordered = sorted(labels, key=lambda label: label["left"])
    for one, other in zip(ordered, ordered[1:], strict=False):
        assert one["right"] <= other["left"] + 0.5, (one, other)
