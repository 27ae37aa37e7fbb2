"""Staff record an event's findings and conclusions (النتائج والخلاصات) on the site, each tied to the axes and
commitments of the event's program it fed — so a commitment's page shows the workshops it came from."""

from typing import Any, cast

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from infitah.core.translation import tr
from infitah.events.models import Event, Finding
from infitah.events.views import visible_event_or_404
from infitah.participation.parts import Part, editable_or_refused
from infitah.programs.models import Axis, Commitment


class TitledChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Axis | Commitment) -> str:
        return str(tr(obj.title))


class FindingForm(forms.ModelForm):
    axes = TitledChoices(
        queryset=Axis.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Axes it fed"),
    )
    commitments = TitledChoices(
        queryset=Commitment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Commitments it fed"),
    )

    class Meta:
        model = Finding
        fields = ["text", "axes", "commitments", "order"]

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if event.program_id:
            # Only the event's own program: a finding cannot be pinned on another collectivity's commitment.
            axes, commitments = (
                cast(TitledChoices, self.fields["axes"]),
                cast(TitledChoices, self.fields["commitments"]),
            )
            axes.queryset = Axis.objects.filter(program_id=event.program_id)
            commitments.queryset = Commitment.objects.filter(program_id=event.program_id)
        else:
            del self.fields["axes"], self.fields["commitments"]


FINDING = Part(
    app="events",
    noun="finding",
    fields=("text", "axes", "commitments", "order"),
    form_template="events/finding_form.html",
    saved=gettext_lazy("The finding has been saved."),
    not_saved=gettext_lazy("The finding has not been saved: please correct the errors below."),
    delete_template="events/finding_delete.html",
    removed=gettext_lazy("The finding has been removed."),
)


def _managed_event(request: HttpRequest, pk: int) -> Event:
    return editable_or_refused(
        request.user,
        "events.manage_event",
        visible_event_or_404(request, pk),
        _("Only the organiser's staff record the findings of this event."),
    )


@login_required
def findings(request: HttpRequest, pk: int) -> HttpResponse:
    event = _managed_event(request, pk)
    rows = Finding.objects.filter(event=event).prefetch_related("axes", "commitments")
    return render(request, "events/findings.html", {"event": event, "findings": rows})


@login_required
def edit_finding(request: HttpRequest, pk: int, finding_pk: int | None = None) -> HttpResponse:
    event = _managed_event(request, pk)
    finding = get_object_or_404(Finding, pk=finding_pk, event=event) if finding_pk else Finding(event=event)
    return FINDING.edit(
        request,
        FindingForm(request.POST or None, instance=finding, event=event),
        back=reverse("events:findings", args=[event.pk]),
        context={"event": event, "finding": finding},
        collectivity=event.collectivity,
    )


@login_required
def delete_finding(request: HttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    event = _managed_event(request, pk)
    finding = get_object_or_404(Finding, pk=finding_pk, event=event)
    return FINDING.remove(
        request,
        finding,
        back=reverse("events:findings", args=[event.pk]),
        context={"event": event, "finding": finding},
        collectivity=event.collectivity,
    )
