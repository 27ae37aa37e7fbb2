"""The personal parts of a consultation's page (consultations.reader): `{% load consultation_reader %}` then
`{% contribute consultation %}` (the "Contribute" section's forms, or why not) and
`{% comment_on consultation "axis" axis.key %}` (" · Comment on this axis", for a reader who may contribute now);
`{% consultation_staff_actions consultation %}` and `{% consultation_report_link consultation %}` (powers only)."""

from typing import Any

from django import template
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from infitah.consultations import reader
from infitah.consultations.gate import is_open
from infitah.core.partobjects import Loader
from infitah.core.permissions import can
from infitah.core.sharedpages import (
    PersonalPart,
    marker,
    part_context,
    personal_inclusion_tag,
    powers_only_flags,
    register_part,
    rendering_shared,
)

register = template.Library()

COMMENT_ON = "consultations.comment_on"


def _consultations(model: Any, pks: Any) -> dict[Any, Any]:
    return model.objects.select_related("collectivity").in_bulk(pks)  # the version read when forms are built


def _may_contribute(consultations: dict[Any, Any], user: Any) -> None:
    """Whether this reader may contribute: their "comment on" links ask it at once."""
    for consultation in consultations.values():
        consultation.reader_may_contribute = reader.may_contribute(user, consultation)


_load = Loader(everyone=_consultations, reader=_may_contribute)


def _alike(request: HttpRequest, consultation: Any, _key: str) -> str:
    """What the "Contribute" section depends on for a reader without power (core.sharedpages: never an association's
    representative, so their forms are the same): whether they may contribute, and whether it is open."""
    return f"may contribute: {consultation.reader_may_contribute}, open: {is_open(consultation)}"


@personal_inclusion_tag(register, "consultations", "consultations/_contribute.html", load=_load, alike=_alike)
def contribute(context, consultation, posted=None):
    """`posted`: the (comment, proposal) forms of a refused post, shown again with their errors."""
    return part_context(context, **reader.contribute_state(context["request"], consultation, posted))


@powers_only_flags(register, "consultations", "consultations/_staff_actions.html", "consultation", load=_load)
def consultation_staff_actions(user: Any, consultation: Any) -> dict[str, bool]:
    """Edit the consultation, answer its contributions: for its collectivity's staff."""
    signed_in = user.is_authenticated
    return {
        "may_change": signed_in and can(user, "consultations.change_consultation", consultation),
        "may_answer": signed_in and can(user, "consultations.answer", consultation),
    }


@powers_only_flags(register, "consultations", "consultations/_report_link.html", "consultation", load=_load)
def consultation_report_link(user: Any, consultation: Any) -> dict[str, bool]:
    """The report: for everyone once the consultation has closed, for its staff before."""
    return {"may_view_report": can(user, "consultations.view_report", consultation)}


def _comment_on(consultation: Any, key: str) -> str:
    kind, _sep, place = key.partition(".")
    if not consultation.reader_may_contribute:
        return ""
    if kind == "axis":
        return format_html(' · <a href="?about=axis:{}#contribute">{}</a>', place, _("Comment on this axis"))
    return format_html(
        ' · <a class="comment-on-commitment" href="?about=commitment:{}#contribute">{}</a>',
        place,
        _("Comment on this commitment"),
    )


def _comment_on_for(request: HttpRequest, consultation: Any, key: str) -> str:
    return _comment_on(consultation, key)


register_part(PersonalPart(COMMENT_ON, _comment_on_for, load=_load))


@register.simple_tag(takes_context=True)
def comment_on(context, consultation, kind, key):
    """A link to the "Contribute" section's comment form, its place chosen: kind "axis" or "commitment"."""
    if kind not in ("axis", "commitment"):
        raise template.TemplateSyntaxError(f"comment_on: an axis or a commitment, not {kind!r}")
    where = f"{kind}.{key}"
    if rendering_shared(context):
        return marker(COMMENT_ON, consultation, where)
    if not hasattr(consultation, "reader_may_contribute"):
        consultation.reader_may_contribute = reader.may_contribute(context["request"].user, consultation)
    return mark_safe(_comment_on(consultation, where))  # noqa: S308 -- built by format_html above
