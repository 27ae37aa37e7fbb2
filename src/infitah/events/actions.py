"""What people do on an event: register, cancel, review the minutes; and what staff do: mark attendance,
read the statistics, circulate and publish the minutes. Refusals say why and change nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.core.pagestamps import pages_changed
from infitah.core.pdf import render_pdf
from infitah.core.permissions import Refused, can, require
from infitah.events import selectors, statistics
from infitah.events.forms import MinutesReviewForm, RegistrationForm
from infitah.events.models import MinutesReview, MinutesStatus, Registration, RegistrationStatus, TrainingMaterial
from infitah.events.registrations import RegistrationRefused, active_registration, cancel, register, waiting_position
from infitah.events.views import visible_event_or_404
from infitah.participation.audit import audit


def _event_for(request, pk, action):
    event = visible_event_or_404(request, pk)
    require(request.user, action, event)
    return event


@login_required
@require_POST
def register_view(request, pk):
    event = _event_for(request, pk, "events.register")
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Your registration was not recorded: please correct the errors below."))
        return redirect(event)
    try:
        registration = register(
            request.user,
            event,
            category=form.cleaned_data["category"],
            gender=form.cleaned_data["gender"],
            age_band=form.cleaned_data["age_band"],
        )
    except RegistrationRefused as refused:
        messages.error(request, refused.message)
        return redirect(event)
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(
            request, _("Your registration is confirmed. We sent you an e-mail with the event for your calendar.")
        )
    else:
        messages.info(
            request,
            _(
                "The event is full: you are number %(position)d on the waiting list. We will e-mail you if a seat frees up."  # noqa: E501
            )
            % {"position": waiting_position(registration)},
        )
    return redirect(event)


@login_required
@require_POST
def cancel_view(request, pk):
    event = visible_event_or_404(request, pk)
    registration = active_registration(request.user, event)
    if registration is None:
        messages.error(request, _("You have no registration to cancel for this event."))
        return redirect(event)
    try:
        cancel(registration)
    except RegistrationRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Your registration is cancelled. Thank you for freeing your seat."))
    return redirect(event)


@login_required
def attendance(request, pk):
    event = _event_for(request, pk, "events.manage_event")
    registrations = selectors.registrations_for_attendance(event)
    if request.method == "POST":
        present = {int(value) for value in request.POST.getlist("attended") if value.isdigit()}
        changed = 0
        with transaction.atomic():
            for registration in registrations:
                attended = registration.pk in present
                if registration.attended != attended:
                    Registration.objects.filter(pk=registration.pk).update(attended=attended)
                    pages_changed(event.collectivity_id)  # the update above sends no signal
                    registration.attended = attended
                    changed += 1
        audit(request.user, "events.mark_attendance", event, {"present": len(present)}, collectivity=event.collectivity)
        messages.success(request, _("Attendance saved (%(count)d present).") % {"count": len(present)})
        return redirect("events:attendance", pk=event.pk)
    return render(request, "events/attendance.html", {"event": event, "registrations": registrations})


@login_required
def attendance_stats(request, pk):
    event = _event_for(request, pk, "events.view_attendance")
    table = statistics.attendance_table(event)
    if request.GET.get("format") == "csv":
        response = HttpResponse(statistics.as_csv(table), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="attendance-event-{event.pk}.csv"'
        return response
    return render(request, "events/stats.html", {"event": event, "table": table})


@login_required
def certificate(request, pk, language):
    event = visible_event_or_404(request, pk)
    if language not in ("ar", "fr"):
        raise Http404(_("Certificates exist in Arabic and French."))
    registration = (
        Registration.objects.select_related("event__collectivity", "user")
        .filter(event=event, user=request.user, attended=True)
        .first()
    )
    if registration is None or not can(request.user, "events.get_certificate", registration):
        raise Refused(_("A certificate is given to the people who attended a training."))
    pdf = render_pdf("events/certificate.html", {"event": event, "registration": registration}, language)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{event.pk}-{language}.pdf"'
    return response


@login_required
@require_POST
def review_minutes(request, pk):
    event = visible_event_or_404(request, pk)
    took_part = (
        event.registrations.filter(user=request.user).filter(status=RegistrationStatus.CONFIRMED).exists()
        or event.registrations.filter(user=request.user, attended=True).exists()
    )
    if event.minutes_status != MinutesStatus.CIRCULATED or not took_part:
        messages.error(request, _("Only the participants review the minutes, while they are circulated."))
        return redirect(event)
    form = MinutesReviewForm(request.POST)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(error))
        return redirect(event)
    MinutesReview.objects.update_or_create(
        event=event,
        user=request.user,
        defaults={
            "approved": form.cleaned_data["approved"],
            "comment": form.cleaned_data["comment"],
            "at": timezone.now(),
        },
    )
    messages.success(request, _("Thank you: your review of the minutes is recorded."))
    return redirect(event)


@login_required
def minutes(request, pk):
    """Staff: see the reviews, circulate the draft to the participants, then publish."""
    event = _event_for(request, pk, "events.manage_event")
    if request.method == "POST":
        target = request.POST.get("status")
        allowed = {MinutesStatus.DRAFT: MinutesStatus.CIRCULATED, MinutesStatus.CIRCULATED: MinutesStatus.PUBLISHED}
        if target not in (allowed.get(event.minutes_status), MinutesStatus.PUBLISHED) or not any(
            event.minutes.values()
        ):
            messages.error(request, _("Write the minutes first, then circulate them before publishing."))
        else:
            before = event.minutes_status
            event.minutes_status = target
            event.save(update_fields=["minutes_status"])
            audit(
                request.user,
                "events.minutes",
                event,
                {"minutes_status": [before, target]},
                collectivity=event.collectivity,
            )
            messages.success(
                request, _("The minutes are now: %(status)s.") % {"status": event.get_minutes_status_display()}
            )
        return redirect("events:minutes", pk=event.pk)
    reviews = list(MinutesReview.objects.filter(event=event).select_related("user"))
    return render(request, "events/minutes.html", {"event": event, "reviews": reviews})


def material(request, pk):
    material = get_object_or_404(TrainingMaterial.objects.select_related("event"), pk=pk)
    visible_event_or_404(request, material.event_id)
    response = FileResponse(material.file.open("rb"), as_attachment=True, filename=material.original_name or None)
    response["X-Content-Type-Options"] = "nosniff"
    return response
