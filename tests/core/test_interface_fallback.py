"""Tamazight's interface is partly translated: a string without a Tamazight translation is shown in Arabic (as
Tamazight content falls back to Arabic), marked with its language and direction — never as Arabic text posing as
Tamazight in a left-to-right page."""

import re

import pytest
from django.utils import translation

from infitah.core.middleware import mark_fallback_text
from infitah.core.translation import LRI, PDI, RLI


def test_a_tamazight_string_is_shown_as_it_is():
    with translation.override("zgh"):
        assert translation.gettext("Home") == "ⴰⵙⵏⵓⴱⴳ"


def test_a_string_without_tamazight_falls_back_to_arabic_marked_right_to_left():
    with translation.override("zgh"):
        assert translation.gettext("Attendance statistics") == f"{RLI}إحصائيات الحضور{PDI}"
        assert translation.pgettext("consultation state", "Open") == f"{RLI}مفتوحة{PDI}"
        assert translation.ngettext("%(counter)s reply", "%(counter)s replies", 2) == f"{RLI}ردان{PDI}"


def test_a_string_in_no_catalogue_is_the_english_source_marked_left_to_right():
    with translation.override("zgh"):
        assert translation.gettext("A sentence nobody translated") == f"{LRI}A sentence nobody translated{PDI}"
        assert translation.pgettext("some context", "Nobody's word") == f"{LRI}Nobody's word{PDI}"


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_complete_languages_are_not_marked(language):
    with translation.override(language):
        assert not re.search(f"[{RLI}{LRI}{PDI}]", translation.gettext("Attendance statistics"))


def test_fallback_text_becomes_a_span_in_text_and_stays_an_isolate_where_markup_cannot_go():
    html = (
        f"<title>ⴰⵙⵏⵓⴱⴳ · {RLI}الشبكة{PDI}</title><nav aria-label='{RLI}القائمة{PDI}'><a>{RLI}الميثاق{PDI}</a></nav>"
        f"<select><option>{RLI}الكل{PDI}</option></select><p>{RLI}اقرأ <a href='/x'>{LRI}this{PDI}</a> هنا{PDI}</p>"
    )
    assert mark_fallback_text(html, "ar") == (
        f"<title>ⴰⵙⵏⵓⴱⴳ · {RLI}الشبكة{PDI}</title><nav aria-label='{RLI}القائمة{PDI}'>"
        '<a><span lang="ar" dir="rtl">الميثاق</span></a></nav>'
        f"<select><option>{RLI}الكل{PDI}</option></select>"
        '<p><span lang="ar" dir="rtl">اقرأ <a href=\'/x\'><span lang="en" dir="ltr">this</span></a> هنا</span></p>'
    )


@pytest.mark.django_db
def test_the_tamazight_home_page_marks_each_arabic_string(client):
    page = client.get("/zgh/").content.decode()
    assert '<html lang="zgh" dir="ltr">' in page
    assert 'aria-current="page">ⴰⵙⵏⵓⴱⴳ</a>' in page  # translated: no mark
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title.startswith("ⴰⵙⵏⵓⴱⴳ · ") and "<" not in title
    # Every Arabic word of the page's text is inside an element that says it is Arabic, right to left.
    arabic_elements = re.sub(r'<(\w+)[^>]* lang="ar"[^>]*>[^<]*</\1>', "", page)
    text = re.sub(r"<title>.*?</title>|<[^>]*>", "\n", arabic_elements)
    assert not re.search("[\u0600-\u06ff]", text), re.findall("[^\n]*[\u0600-\u06ff][^\n]*", text)[:5]


@pytest.mark.django_db
def test_the_most_visible_strings_are_in_tamazight(client):
    page = client.get("/zgh/").content.decode()
    for tamazight in ("ⴽⵛⵎ", "ⵜⵉⵎⵓⵏⴰ", "ⵉⵖⴰⵡⴰⵙⵏ ⵏ ⵓⵔⵥⵥⵓⵎ", "ⴰⵥⵟⵟⴰ"):
        assert f">{tamazight}</a>" in page
