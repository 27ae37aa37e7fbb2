"""Forms of the front-end draft editor: axes, commitments and their milestones (the admin stays for the rest)."""

from typing import Any, cast

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import Association
from infitah.programs.models import Axis, Commitment, Milestone, Program

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class AxisForm(forms.ModelForm):
    class Meta:
        model = Axis
        fields = ["title", "description", "order"]
        help_texts = {"order": _("Axes are shown from the smallest number to the largest.")}


class CommitmentForm(forms.ModelForm):
    class Meta:
        model = Commitment
        fields = [
            "axis",
            "title",
            "principles",
            "problem",
            "description",
            "activities",
            "start_date",
            "end_date",
            "lead_unit",
            "associations",
            "other_actors",
            "expected_results",
            "indicators",
            "budget_estimate",
            "order",
        ]
        widgets = {"start_date": DATE, "end_date": DATE, "associations": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, program: Program, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        axis = cast("forms.ModelChoiceField[Axis]", self.fields["axis"])
        axis.queryset = Axis.objects.filter(program=program)
        axis.empty_label = None
        # Co-owners are verified associations only; the ones already linked stay listed even if no longer verified.
        linked = self.instance.associations.all() if self.instance.pk else Association.objects.none()
        associations = cast("forms.ModelMultipleChoiceField[Association]", self.fields["associations"])
        associations.queryset = (
            Association.objects.filter(is_verified=True)
            | Association.objects.filter(pk__in=linked.values_list("pk", flat=True))
        ).distinct()

    def clean_axis(self) -> Axis:
        axis = self.cleaned_data["axis"]
        if axis is not None and self.instance.pk and axis.program_id != self.instance.program_id:
            raise forms.ValidationError(_("Choose an axis of this program."))
        return axis


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_date", "deliverable", "order"]
        widgets = {"due_date": DATE}


MilestoneFormSet = inlineformset_factory(
    Commitment, Milestone, form=MilestoneForm, extra=1, can_delete=True, max_num=50, validate_max=True
)
