import pytest
from django.template import Context, Template
from django.utils import translation

from infitah.core.translation import TranslatedFormField, clean_translations, tr

NAME = {"ar": "جهة مراكش آسفي", "fr": "Région de Marrakech-Safi"}


@pytest.mark.parametrize(
    ("stored", "language", "expected_text", "expected_lang"),
    [
        (NAME, "ar", "جهة مراكش آسفي", "ar"),
        (NAME, "fr", "Région de Marrakech-Safi", "fr"),
        # English falls back to French, then Arabic (settings.CONTENT_FALLBACKS).
        (NAME, "en", "Région de Marrakech-Safi", "fr"),
        ({"ar": "نص"}, "en", "نص", "ar"),
        # Tamazight falls back to Arabic before French.
        (NAME, "zgh", "جهة مراكش آسفي", "ar"),
        ({"zgh": "ⵜⴰⵎⴰⵣⵉⵖⵜ"}, "fr", "ⵜⴰⵎⴰⵣⵉⵖⵜ", "zgh"),
        # Empty strings do not count as a translation.
        ({"fr": "", "ar": "نص"}, "fr", "نص", "ar"),
        ({}, "fr", "", "fr"),
    ],
)
def test_text_follows_the_fallback_order(stored, language, expected_text, expected_lang):
    text = tr(stored, language)
    assert (str(text), text.lang) == (expected_text, expected_lang)


def test_active_language_is_used_when_none_is_given():
    with translation.override("fr"):
        assert tr(NAME) == "Région de Marrakech-Safi"
    with translation.override("ar"):
        assert tr(NAME) == "جهة مراكش آسفي"


def test_fallback_text_is_marked_with_its_language_and_direction():
    template = Template("{% load infitah %}{% tr value %}")
    with translation.override("fr"):
        rendered = template.render(Context({"value": {"ar": "<b>نص</b>"}}))
        same_language = template.render(Context({"value": {"fr": "texte"}}))
    assert rendered == '<span lang="ar" dir="rtl">&lt;b&gt;نص&lt;/b&gt;</span>'
    assert same_language == "texte"


def test_stored_content_is_escaped_in_templates():
    template = Template("{% load infitah %}{{ value|tr }}")
    with translation.override("ar"):
        assert "<script>" not in template.render(Context({"value": {"ar": "<script>alert(1)</script>"}}))


def test_clean_translations_drops_blanks_and_unknown_languages():
    assert clean_translations({"ar": "  نص ", "fr": "   ", "xx": "?"}) == {"ar": "نص"}


def test_form_field_requires_one_of_the_required_languages():
    field = TranslatedFormField(required_languages=["ar", "fr"], max_length=10)
    assert field.clean(["نص", "", "", ""]) == {"ar": "نص"}
    with translation.override("en"), pytest.raises(Exception, match="at least one"):
        field.clean(["", "", "english", ""])
    with pytest.raises(Exception, match="10"):
        field.clean(["x" * 11, "", "", ""])


@pytest.mark.django_db
def test_a_bare_string_cannot_be_stored_in_a_translated_field():
    from django.db import transaction

    from infitah.territories.models import Partner

    with pytest.raises(TypeError, match="dict"), transaction.atomic():
        Partner.objects.create(acronym="X", name="Partenaire sans langue")
    assert not Partner.objects.filter(acronym="X").exists()


def test_people_text_in_a_sentence_is_isolated_and_fallback_says_its_language():
    template = Template(
        "{% load i18n infitah %}{% blocktranslate with name=value|bdi %}By {{ name }}.{% endblocktranslate %}"
    )
    with translation.override("en"):
        assert template.render(Context({"value": "يوسف <ب>"})) == "By <bdi>يوسف &lt;ب&gt;</bdi>."
        # English falls back to French, then Arabic: each marked with its language, not shown silently.
        assert (
            template.render(Context({"value": NAME})) == 'By <bdi lang="fr" dir="ltr">Région de Marrakech-Safi</bdi>.'
        )
        assert template.render(Context({"value": {"ar": "نص"}})) == 'By <bdi lang="ar" dir="rtl">نص</bdi>.'
    with translation.override("fr"):
        assert template.render(Context({"value": NAME})) == "By <bdi>Région de Marrakech-Safi</bdi>."


@pytest.mark.parametrize(("language", "expected"), [("ar", "أ، ب"), ("fr", "a, b")])
def test_lists_are_separated_with_the_comma_of_the_language(language, expected):
    template = Template(
        "{% load infitah %}{% for x in items %}{% if not forloop.first %}{% comma %}{% endif %}{{ x }}{% endfor %}"
    )
    items = ["أ", "ب"] if language == "ar" else ["a", "b"]
    with translation.override(language):
        assert template.render(Context({"items": items})) == expected
