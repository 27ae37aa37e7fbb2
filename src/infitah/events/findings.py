"""Staff record an event's findings and conclusions (النتائج والخلاصات) on the site, each tied to the axes and
commitments of the event's program it fed — so a commitment's page shows the workshops it came from."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from infitah.core.translation import tr
from infitah.events.models import Finding
from infitah.events.parts import edit_part, managed_event_or_403, remove_part
from infitah.programs.models import Axis, Commitment


class TitledChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
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

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        if event.program_id:
            # Only the event's own program: a finding cannot be pinned on another collectivity's commitment.
            self.fields["axes"].queryset = Axis.objects.filter(program_id=event.program_id)
            self.fields["commitments"].queryset = Commitment.objects.filter(program_id=event.program_id)
        else:
            del self.fields["axes"], self.fields["commitments"]


def _managed_event(request, pk):
    return managed_event_or_403(request, pk, _("Only the organiser's staff record the findings of this event."))


@login_required
def findings(request, pk):
    event = _managed_event(request, pk)
    rows = Finding.objects.filter(event=event).prefetch_related("axes", "commitments")
    return render(request, "events/findings.html", {"event": event, "findings": rows})


@login_required
def edit_finding(request, pk, finding_pk=None):
    event = _managed_event(request, pk)
    finding = get_object_or_404(Finding, pk=finding_pk, event=event) if finding_pk else Finding(event=event)
    return edit_part(
        request,
        event,
        FindingForm(request.POST or None, instance=finding, event=event),
        noun="finding",
        audited=["text", "order"],
        not_saved=_("The finding has not been saved: please correct the errors below."),
        saved=_("The finding has been saved."),
        back=reverse("events:findings", args=[event.pk]),
        template="events/finding_form.html",
        context={"finding": finding},
    )


@login_required
def delete_finding(request, pk, finding_pk):
    event = _managed_event(request, pk)
    finding = get_object_or_404(Finding, pk=finding_pk, event=event)
    return remove_part(
        request,
        event,
        finding,
        noun="finding",
        removed=_("The finding has been removed."),
        back=reverse("events:findings", args=[event.pk]),
        template="events/finding_delete.html",
        context={"finding": finding},
    )
