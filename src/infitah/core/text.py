"""User text, cleaned on the way in.

Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) let a text reorder what is
shown after it: "invoice‮fdp.exe" reads as "invoiceexe.pdf". Pages already isolate each user text (`dir="auto"`,
`<bdi>`), so these invisible characters add nothing a person needs; they are removed from every text a person
submits. The marks that do not reorder anything (U+200E, U+200F, U+061C) are kept.
"""

from typing import TYPE_CHECKING, Any, cast

from django_stubs_ext import StrOrPromise, StrPromise

if TYPE_CHECKING:
    from django.db.models import Model


BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
)
_REMOVE = dict.fromkeys(map(ord, BIDI_CONTROLS))


def strip_bidi_controls(text: Any) -> Any:
    """`text` without bidirectional embedding, override and isolate controls; non-strings are returned as given."""
    if not isinstance(text, str) or not any(ch in BIDI_CONTROLS for ch in text):
        return text
    return text.translate(_REMOVE)


def clean_user_text(value: Any) -> Any:
    """Clean a submitted value: a string, or a {language: text} dict of a translated field."""
    if isinstance(value, dict):
        return {key: strip_bidi_controls(text) for key, text in value.items()}
    return strip_bidi_controls(value)


def clean_text_fields(sender: "type[Model]", instance: "Model", raw: bool = False, **kwargs: Any) -> None:
    """pre_save: clean every text a platform model is about to store, whichever form, service or API brought it.

    One guard at the point where text enters storage covers the site's forms, the back office, the API and the
    services (comments, contributions, opinions…) alike."""
    if raw or not sender.__module__.startswith("infitah."):
        return
    from django.db import models

    from infitah.core.translation import TranslatedField

    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField | TranslatedField):
            value = getattr(instance, field.attname)
            cleaned = clean_user_text(value)
            if cleaned is not value:
                setattr(instance, field.attname, cleaned)


def _limit_help(limit: int, help_text: StrOrPromise, per_language: bool) -> str:
    from django.utils import formats
    from django.utils.translation import gettext

    number = formats.number_format(limit, force_grouping=True)
    if per_language:
        limit_text = gettext("At most %(limit)s characters in each language.") % {"limit": number}
    else:
        limit_text = gettext("At most %(limit)s characters.") % {"limit": number}
    return f"{help_text} {limit_text}" if help_text else limit_text


def limit_help(limit: int, help_text: StrOrPromise | None = None, per_language: bool = False) -> StrPromise:
    """A field's help text followed by its limit, written when shown, in the language of the request."""
    from django.utils.functional import lazy

    return cast(StrPromise, lazy(_limit_help, str)(limit, help_text or "", per_language))


def enforce_text_limits() -> None:
    """Model validation checks a TextField's max_length, as it does a CharField's (Django checks it only in forms).

    Appended to the field's validators the way Django's CharField does it, so migrations do not change."""
    from django.apps import apps
    from django.core.validators import MaxLengthValidator
    from django.db import models

    for model in apps.get_models():
        if not model.__module__.startswith("infitah."):
            continue
        for field in model._meta.concrete_fields:
            limited = any(isinstance(validator, MaxLengthValidator) for validator in field.validators)
            if isinstance(field, models.TextField) and field.max_length and not limited:
                field.validators.append(MaxLengthValidator(field.max_length))
