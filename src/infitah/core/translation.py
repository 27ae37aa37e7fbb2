"""Content stored once per field for every language, read back with a fallback order.

A translated field holds a dict such as {"ar": "جهة مراكش آسفي", "fr": "Région de Marrakech-Safi"}; adding
a language needs no migration. `tr()` picks the text for the active language following
settings.CONTENT_FALLBACKS and remembers which language it actually found, so templates can mark
fallback text with the right `lang` and `dir`.
"""

import gettext as gettext_module

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from infitah.core.text import clean_user_text, limit_help

RTL_LANGUAGES = {"ar"}


def content_languages():
    return [code for code, _name in settings.LANGUAGES]


class TranslatedText(str):
    """A str that knows the language it is written in."""

    lang: str

    def __new__(cls, text, lang):
        obj = super().__new__(cls, text)
        obj.lang = lang
        return obj

    @property
    def direction(self):
        return "rtl" if self.lang in RTL_LANGUAGES else "ltr"


def fallback_order(lang):
    lang = (lang or settings.LANGUAGE_CODE).split("-")[0]
    return settings.CONTENT_FALLBACKS.get(lang, [lang, *content_languages()])


def tr(value, lang=None):
    """Return the text of `value` (a translated dict) in `lang` or the first fallback that has text."""
    if not value:
        return TranslatedText("", lang or translation.get_language() or settings.LANGUAGE_CODE)
    if isinstance(value, str):
        return TranslatedText(value, lang or settings.LANGUAGE_CODE)
    order = fallback_order(lang or translation.get_language())
    for code in [*order, *value.keys()]:
        text = value.get(code)
        if text:
            return TranslatedText(text, code)
    return TranslatedText("", order[0])


def marked(value, lang=None):
    """The text of `value` in `lang` (by default the active language), for HTML: a text that fell back to another
    language is wrapped in its `lang` and `dir` (what `{% tr %}` puts in a page), else the plain text, escaped where it
    is put."""
    text = tr(value, lang)
    if not text or text.lang == (lang or translation.get_language() or "").split("-")[0]:
        return text
    return format_html('<span lang="{}" dir="{}">{}</span>', text.lang, text.direction, text)


def clean_translations(value):
    """Drop empty languages and surrounding blanks; keep only known language codes."""
    known = set(content_languages())
    value = clean_user_text(value)
    return {code: text.strip() for code, text in (value or {}).items() if code in known and text and text.strip()}


class TranslatedWidget(forms.MultiWidget):
    template_name = "core/widgets/translated.html"

    def __init__(self, multiline=False, attrs=None):
        self.languages = content_languages()
        base = forms.Textarea(attrs={"rows": 3}) if multiline else forms.TextInput()
        widgets = []
        for code in self.languages:
            widget = type(base)(attrs={**base.attrs, "lang": code, "dir": "rtl" if code in RTL_LANGUAGES else "ltr"})
            widgets.append(widget)
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code in self.languages]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        names = getattr(settings, "LANGUAGE_NAMES_LOCAL", {})
        for code, sub in zip(self.languages, context["widget"]["subwidgets"], strict=True):
            sub["language_code"] = code
            sub["language_name"] = names.get(code, code)
        return context


class TranslatedFormField(forms.MultiValueField):
    """One input per language; a required field needs text in at least one of `required_languages`."""

    def __init__(self, *, multiline=False, max_length=None, required_languages=None, **kwargs):
        self.languages = content_languages()
        self.max_length = max_length
        self.required_languages = required_languages
        kwargs.setdefault("widget", TranslatedWidget(multiline=multiline))
        if max_length and multiline:
            # A one-line field shows its limit by stopping the typing; a text area also says it.
            kwargs["help_text"] = limit_help(max_length, kwargs.get("help_text"), per_language=True)
        fields = [forms.CharField(required=False, max_length=max_length) for _code in self.languages]
        super().__init__(fields=fields, require_all_fields=False, **kwargs)
        if max_length:
            for widget in self.widget.widgets:
                widget.attrs.setdefault("maxlength", str(max_length))

    def compress(self, data_list):
        return clean_translations(dict(zip(self.languages, data_list or [], strict=False)))

    def validate(self, value):
        if not self.required:
            return
        wanted = self.required_languages or self.languages
        if not any(value.get(code) for code in wanted):
            names = ", ".join(str(dict(settings.LANGUAGES).get(code, code)) for code in wanted)
            raise ValidationError(
                _("Enter the text in at least one of: %(languages)s."),
                params={"languages": names},
                code="required",
            )


# The limit of a translated field that does not state its own (per language): every text has one.
LINE_MAX_LENGTH = 300
MULTILINE_MAX_LENGTH = 5000


class TranslatedField(models.JSONField):
    """A model field holding {language code: text}, each text at most `max_length` characters.

    Without a `max_length`, a one-line field takes LINE_MAX_LENGTH and a multi-line one MULTILINE_MAX_LENGTH (not
    written in migrations: the limit is checked by forms and model validation, not by the database)."""

    def __init__(self, *args, multiline=False, max_length=None, required_languages=None, **kwargs):
        self.multiline = multiline
        self.stated_max_length = max_length
        self.text_max_length = max_length or (MULTILINE_MAX_LENGTH if multiline else LINE_MAX_LENGTH)
        self.required_languages = required_languages
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for attr, key in (("multiline", "multiline"), ("stated_max_length", "max_length")):
            if getattr(self, attr):
                kwargs[key] = getattr(self, attr)
        if self.required_languages:
            kwargs["required_languages"] = self.required_languages
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        # A bare string has no language: storing it would show the same text as every language's own.
        value = super().pre_save(model_instance, add)
        if value is not None and not isinstance(value, dict):
            raise TypeError(f"{self.name} takes a {{language: text}} dict, not {type(value).__name__}")
        return value

    def formfield(self, **kwargs):
        defaults = {
            "form_class": TranslatedFormField,
            "multiline": self.multiline,
            "max_length": self.text_max_length,
            "required_languages": self.required_languages,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        return form_class(**defaults)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if self.text_max_length:
            for code, text in (value or {}).items():
                if text and len(text) > self.text_max_length:
                    raise ValidationError(
                        _("The %(language)s text is too long (%(length)d characters; the limit is %(limit)d)."),
                        params={"language": code, "length": len(text), "limit": self.text_max_length},
                        code="max_length",
                    )


def lazy_format(message, params):
    """`message % params`, written when shown — in the language of the request — not when the module is imported.

    For texts built at import time (form field labels and help texts): `gettext_lazy(...) % params` would be
    evaluated at once, in whatever language happened to be active then."""
    from django.utils.functional import lazy

    return lazy(lambda: str(message) % params, str)()


# Interface strings (gettext) of a language whose catalogue is partial, such as Tamazight: a string not yet
# translated falls back to settings.INTERFACE_FALLBACKS[language] (Arabic for Tamazight, as its content does),
# else to the English source. The fallback text is wrapped in Unicode isolates (RLI or LRI … PDI), so it keeps
# its own direction wherever it lands — a title, an attribute, an e-mail — and InterfaceFallbackMiddleware turns
# the isolates in a page's text into <span lang=… dir=…>, so that it is also read in its own language.
RLI, LRI, PDI = "\u2067", "\u2066", "\u2069"
CONTEXT_SEPARATOR = "\x04"  # between a pgettext context and its message
SOURCE_LANGUAGE = "en"


def isolate(text, lang):
    """`text` marked as written in `lang` (an isolate in that language's direction)."""
    if not text:
        return text
    return f"{RLI if lang in RTL_LANGUAGES else LRI}{text}{PDI}"


class MarkedFallback(gettext_module.NullTranslations):
    """The fallback catalogue of a partial language: marks every string it answers with its language."""

    def __init__(self, catalogue, lang):
        super().__init__()
        self.catalogue, self.lang = catalogue, lang

    def gettext(self, message):
        text = self.catalogue.gettext(message)
        if text == message:  # not translated there either: the English source ("context\x04" left out)
            return isolate(text.split(CONTEXT_SEPARATOR)[-1], SOURCE_LANGUAGE)
        return isolate(text, self.lang)

    def ngettext(self, msgid1, msgid2, n):
        text = self.catalogue.ngettext(msgid1, msgid2, n)
        if text in (msgid1, msgid2):
            return isolate(text.split(CONTEXT_SEPARATOR)[-1], SOURCE_LANGUAGE)
        return isolate(text, self.lang)


def install_interface_fallbacks():
    """Give each language of settings.INTERFACE_FALLBACKS its marked fallback (Django's own is the default
    language, unmarked). Called once when the apps are ready."""
    from django.utils.translation import trans_real

    original = trans_real.DjangoTranslation._add_fallback
    if getattr(original, "marks_fallbacks", False):
        return

    def add_fallback(self, localedirs=None):
        fallback = getattr(settings, "INTERFACE_FALLBACKS", {}).get(self.language())
        if fallback and self.domain == "django":
            self.add_fallback(MarkedFallback(trans_real.translation(fallback), fallback))
            return
        original(self, localedirs)

    add_fallback.marks_fallbacks = True
    trans_real.DjangoTranslation._add_fallback = add_fallback
    trans_real._translations = {}
