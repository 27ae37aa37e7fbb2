"""The organiser's pages of a course: its sessions (attach their own training events), who enrolled, how far each
came, and the completions (confirmed from attendance, or marked by hand with a reason)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from infitah.core.permissions import can, require
from infitah.events.models import Event
from infitah.training import selectors, services
from infitah.training.forms import AttachSessionForm, CompleteByHandForm
from infitah.training.models import CourseSession, Enrolment
from infitah.training.views import visible_course_or_404


def _course_for(request, pk, action):
    course = visible_course_or_404(request, pk)
    require(request.user, action, course)
    return course


@login_required
def participants(request, pk):
    course = _course_for(request, pk, "training.view_participants")
    rows = selectors.participants(course)

    return render(
        request,
        "training/participants.html",
        {
            "course": course,
            "rows": rows,
            "sessions": selectors.held_sessions(course),
            "to_confirm": sum(1 for row in rows if row.completed_by_attendance and not row.is_completed),
            "may_manage": can(request.user, "training.manage_course", course),
            "hand_form": CompleteByHandForm(),
        },
    )


@login_required
@require_POST
def confirm_completions(request, pk):
    course = _course_for(request, pk, "training.manage_course")
    issued = services.confirm_completions(request.user, course)
    if issued:
        messages.success(
            request,
            ngettext("%(count)d certificate issued.", "%(count)d certificates issued.", issued) % {"count": issued},
        )
    else:
        messages.info(request, _("No completion waits for confirmation."))
    return redirect("training:participants", pk=course.pk)


@login_required
@require_POST
def complete_by_hand(request, pk, enrolment_pk):
    course = _course_for(request, pk, "training.manage_course")
    enrolment = (
        Enrolment.objects.select_related("user", "course__collectivity").filter(pk=enrolment_pk, course=course).first()
    )
    if enrolment is None:
        raise Http404(_("This person is not enrolled in this course."))
    form = CompleteByHandForm(request.POST)
    try:
        if not form.is_valid():
            if not request.POST.get("reason", "").strip():
                raise services.TrainingRefused(_("Say why you mark this completion by hand."))
            raise services.TrainingRefused(" ".join(form.errors["reason"]))
        services.complete_by_hand(request.user, enrolment, form.cleaned_data["reason"])
    except services.TrainingRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The completion is recorded and the certificate issued."))
    return redirect("training:participants", pk=course.pk)


@login_required
def sessions(request, pk):
    course = _course_for(request, pk, "training.manage_course")
    form = AttachSessionForm(request.POST or None, events=selectors.own_training_events(course))
    if request.method == "POST":
        raw = request.POST.get("event", "")
        event = Event.objects.filter(pk=int(raw)).first() if raw.isdigit() and len(raw) < 12 else None
        try:
            if event is None:
                raise services.TrainingRefused(_("Choose one of your training events."))
            services.attach_session(request.user, course, event)
        except services.TrainingRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("The event is now a session of the course."))
            return redirect("training:sessions", pk=course.pk)
    return render(
        request,
        "training/sessions.html",
        {"course": course, "sessions": list(course.course_sessions.all()), "form": form},
    )


@login_required
@require_POST
def detach_session(request, pk, session_pk):
    course = _course_for(request, pk, "training.manage_course")
    session = CourseSession.objects.filter(pk=session_pk, course=course).first()
    if session is None:
        raise Http404(_("This event is not a session of the course."))
    services.detach_session(request.user, course, session)
    messages.success(request, _("The event is no longer a session of the course."))
    return redirect("training:sessions", pk=course.pk)
