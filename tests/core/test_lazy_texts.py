"""Texts built when a module is imported (form help texts with a number in them) are written in the language of
each page, not in the language that happened to be active at import."""

import pytest
from django.utils import translation

from infitah.bodies.forms import OpinionForm
from infitah.core.translation import lazy_format
from infitah.participation.forms import CommentForm


def test_lazy_format_is_written_when_shown():
    from django.utils.translation import gettext_lazy

    text = lazy_format(gettext_lazy("Plain text, up to %(limit)d characters. HTML is removed."), {"limit": 2000})
    with translation.override("en"):
        english = str(text)
    with translation.override("fr"):
        french = str(text)
    assert "2000" in english and "2000" in french and english != french


@pytest.mark.parametrize(
    ("form", "field"), [(CommentForm, "body"), (OpinionForm, "title")], ids=["comment", "opinion title"]
)
def test_help_texts_follow_the_page_language(form, field):
    help_text = form.base_fields[field].help_text
    with translation.override("ar"):
        arabic = str(help_text)
    with translation.override("fr"):
        french = str(help_text)
    assert arabic != french
