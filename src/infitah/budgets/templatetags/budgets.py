"""Template filters of the budget pages: a line's label in the reader's language, amounts and rates."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import get_language

from infitah.budgets import figures

register = template.Library()


@register.filter
def chapter_label(line) -> str:
    """The label in the reader's language when given, else the other one."""
    return line.label(get_language() or "ar") if line is not None else ""


@register.filter
def mad(amount: Decimal | None) -> str:
    """An amount in dirhams with the reader's grouping of thousands; a dash when not known."""
    if amount is None:
        return "—"
    return floatformat(amount, "2g")


@register.filter
def as_percent(rate: Decimal | None) -> str:
    """A rate (1 = 100%) as a percentage with one decimal; a dash when not known."""
    value = figures.percent(rate)
    if value is None:
        return "—"
    return f"{floatformat(value, '1g')}%"


@register.filter
def signed_percent(rate: Decimal | None) -> str:
    value = figures.percent(rate)
    if value is None:
        return "—"
    return f"{'+' if value > 0 else ''}{floatformat(value, '1g')}%"
