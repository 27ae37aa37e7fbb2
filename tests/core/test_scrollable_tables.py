"""A wide table scrolls sideways inside its `.table-wrap` on a phone; a region that scrolls must be reachable by
keyboard and named (axe: scrollable-region-focusable), so whoever cannot use a mouse or a touch screen can still
read the columns off the screen, and a screen reader says what the region holds.

Every `.table-wrap` of every app's templates takes keyboard focus (tabindex="0") and is a group named by the
heading or caption of its table (aria-labelledby): a group, not a region, so the page's landmarks do not double
the section the table sits in. The browser crawl (tests/e2e/test_accessibility.py) checks the pages themselves.
"""

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "infitah"
WRAP = re.compile(r"<div\b[^>]*\bclass=\"table-wrap\"[^>]*>")
TEMPLATES = sorted(path for path in SRC.glob("*/templates/**/*.html") if WRAP.search(path.read_text()))
LABELLED_BY = re.compile(r'aria-labelledby="[^"]+"')


def test_the_templates_have_scrollable_tables():
    assert len(TEMPLATES) > 20, "the glob or the pattern no longer finds the platform's tables"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(SRC)))
def test_every_scrollable_table_takes_keyboard_focus_and_is_named(path):
    for wrap in WRAP.findall(path.read_text()):
        assert 'tabindex="0"' in wrap, wrap
        assert 'role="group"' in wrap, wrap
        assert LABELLED_BY.search(wrap), wrap
