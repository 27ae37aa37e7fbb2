"""The home page's blocks from consultations: the ones open now, and the latest answers given to contributions
(public consultations only, hidden contributions left out; one query each)."""

from django.utils import timezone

from infitah.consultations.models import Response
from infitah.consultations.selectors import consultation_list

LIMIT = 5


def open_consultations(request):
    return {"consultations": list(consultation_list(state="open", now=timezone.now())[:LIMIT])}


def recent_answers(request):
    from infitah.programs.phases import PUBLIC_PHASES

    answers = (
        Response.objects.filter(
            contribution__is_hidden=False,
            contribution__consultation__program__phase__in=[phase.value for phase in PUBLIC_PHASES],
        )
        .select_related("contribution__consultation__collectivity")
        .order_by("-answered_at", "-pk")[:LIMIT]
    )
    return {"answers": list(answers)}
