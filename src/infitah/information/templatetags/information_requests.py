"""Template helpers of the request pages: the names of the acts, the states' labels, and due dates that say how
they are counted."""

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.information import states
from infitah.information.models import RequestState

register = template.Library()

# What the officer's button says (the act), and what the history says once it is done.
ACT_LABELS = {
    states.START: _("Take up the request"),
    states.ASK_CLARIFICATION: _("Ask for a clarification"),
    states.CLARIFY: _("Record a clarification received"),
    states.EXTEND: _("Extend the deadline"),
    states.ANSWER: pgettext_lazy("act", "Answer"),
    states.ANSWER_PARTIALLY: _("Answer partially"),
    states.REFUSE: pgettext_lazy("act", "Refuse"),
    states.DECLARE_NOT_HELD: _("Declare the information not held"),
    states.TRANSFER: _("Transfer to the competent body"),
    states.WITHDRAW: _("Withdraw the request"),
}
HISTORY_LABELS = {
    "file": _("Request received"),
    "complain": _("Complaint filed with the head of the collectivity"),
    states.START: _("Taken up"),
    states.ASK_CLARIFICATION: _("Clarification requested"),
    states.CLARIFY: _("Clarification given"),
    states.EXTEND: _("Deadline extended"),
    states.ANSWER: pgettext_lazy("history", "Answered"),
    states.ANSWER_PARTIALLY: _("Partially answered"),
    states.REFUSE: pgettext_lazy("history", "Refused"),
    states.DECLARE_NOT_HELD: _("Information not held"),
    states.TRANSFER: _("Transferred to the competent body"),
    states.WITHDRAW: pgettext_lazy("history", "Withdrawn"),
}
COUNTING = _(
    "Working days: Monday to Friday, public holidays excepted. The day of receipt does not count: counting starts on "
    "the next working day, and the due date is the last working day of the deadline."
)


@register.filter
def act_label(act):
    return ACT_LABELS.get(act, act)


@register.filter
def history_label(act):
    return HISTORY_LABELS.get(act, act)


@register.filter
def state_label(state):
    return RequestState(state).label if state in RequestState.values else state


@register.simple_tag
def due_date(day):
    """A due date, with the counting convention as its tooltip."""
    if day is None:
        return ""
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        day.isoformat(),
        COUNTING,
        date_filter(day, "j F Y"),
    )


@register.simple_tag
def counting_rule():
    return COUNTING


@register.filter
def handles_information_requests(user):
    """Whether the signed-in menu offers the officers' queue (no query: the roles are already loaded)."""
    from infitah.accounts.roles import collectivities_where
    from infitah.information.queue import OFFICERS

    return bool(getattr(user, "is_authenticated", False) and collectivities_where(user, OFFICERS))
