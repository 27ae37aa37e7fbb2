"""`{% load consultations %}{% program_consultations program %}`: a program's consultations on its page."""

from django import template
from django.utils import timezone

from infitah.consultations import selectors
from infitah.core.permissions import can

register = template.Library()


@register.inclusion_tag("consultations/_program_consultations.html", takes_context=True)
def program_consultations(context, program):
    from infitah.consultations.views import consultation_state

    request = context.get("request")
    user = getattr(request, "user", None)
    consultations = selectors.consultations_of_program(program)
    now = timezone.now()
    for consultation in consultations:
        consultation.state = consultation_state(consultation, now)
    may_open = bool(user and user.is_authenticated and can(user, "consultations.open_consultation", program))
    return {"consultations": consultations, "program": program, "may_open": may_open, "request": request}
