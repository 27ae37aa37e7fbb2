"""What every list of the API answers besides pages: `?ordering=` (the fields each list declares sortable) and
`?lang=` (translated texts in one language). Pure parsing here; AppRouter.paged applies it."""

from collections.abc import Mapping, Sequence

from django.utils.translation import gettext as _
from ninja.errors import HttpError

LANGUAGES = ("ar", "fr", "en", "zgh")


def sortable(ordering: Mapping[str, str] | Sequence[str]) -> dict[str, str]:
    """The public names a list sorts by, each with its model field ("created" → "created_at")."""
    return dict(ordering) if isinstance(ordering, Mapping) else {name: name for name in ordering}


def allowed_values(fields: Mapping[str, str]) -> list[str]:
    return [value for name in fields for value in (name, f"-{name}")]


def order_by(requested: str, fields: Mapping[str, str]) -> tuple[str, ...]:
    """`?ordering=-starts_at` → ("-starts_at", "-pk"): the primary key breaks ties, in the same direction, so
    pages never repeat or skip a row. An unknown value is a 400 problem listing the allowed ones."""
    descending = requested.startswith("-")
    name = requested.removeprefix("-")
    if name not in fields:
        allowed = ", ".join(allowed_values(fields)) or _("none")
        raise HttpError(
            400,
            _("This list cannot be sorted by “%(value)s”. It sorts by: %(allowed)s.")
            % {
                "value": requested,
                "allowed": allowed,
            },
        )
    sign = "-" if descending else ""
    return (f"{sign}{fields[name]}", f"{sign}pk")


def language(requested: str) -> str:
    if requested not in LANGUAGES:
        raise HttpError(
            400,
            _("“%(value)s” is not a language of the platform: %(allowed)s.")
            % {"value": requested, "allowed": ", ".join(LANGUAGES)},
        )
    return requested
