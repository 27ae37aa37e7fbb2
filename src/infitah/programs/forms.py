from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.core.principles import Principle
from infitah.core.translation import TranslatedFormField, tr
from infitah.programs.adoption import Vote, check_vote
from infitah.programs.models import REASON_MAX_LENGTH
from infitah.programs.phases import Phase, allowed_targets, check_transition, is_step_back


def confirmation_field(label):
    return forms.BooleanField(
        label=label,
        required=True,
        error_messages={"required": _("Tick the box to confirm: this action is recorded and shown publicly.")},
    )


class TransitionForm(forms.Form):
    # Offers only the allowed moves, but checks whatever is posted against the state machine, so a forged or stale
    # form gets the machine's own reason.
    target = forms.CharField(label=_("Move the program to"), widget=forms.RadioSelect, max_length=32)
    reason = TranslatedFormField(
        label=_("Reason"),
        multiline=True,
        max_length=REASON_MAX_LENGTH,
        error_messages={"required": _("Give the reason for this phase change: it is shown on the public timeline.")},
    )
    confirm = confirmation_field(_("I confirm this phase change."))

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].help_text = _(
            "Shown on the program's public timeline, in one language or more. Up to %(limit)d characters each."
        ) % {"limit": REASON_MAX_LENGTH}
        choices = []
        for phase in allowed_targets(program.phase):
            label = phase.label
            if is_step_back(program.phase, phase):
                label = _("%(phase)s (a step back)") % {"phase": phase.label}
            choices.append((phase.value, label))
        self.fields["target"].widget.choices = choices
        self.fields["target"].error_messages["required"] = _("Choose the phase to move the program to.")
        self.program = program

    def clean_target(self):
        target = self.cleaned_data["target"]
        refused = check_transition(self.program.phase, target)
        if refused:
            raise forms.ValidationError(refused, code="refused")
        return Phase(target)


class PublishForm(forms.Form):
    note = TranslatedFormField(
        label=_("What changed in this version"),
        multiline=True,
        max_length=2000,
        required=False,
        help_text=_("Optional. Shown with the version, e.g. “Commitments added after the co-creation workshop”."),
    )
    confirm = confirmation_field(
        _("I confirm the publication: the version is frozen and public, and cannot be changed afterwards.")
    )


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("Version %(number)d, published on %(date)s") % {
            "number": obj.number,
            "date": timezone.localdate(obj.published_at).isoformat(),
        }


class AdoptionForm(forms.Form):
    version = VersionChoiceField(
        label=_("Adopted version"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Only a published version of this program can be adopted.")},
    )
    session_name = TranslatedFormField(
        label=_("Council session"),
        max_length=200,
        help_text=_("e.g. “October 2023 ordinary session”."),
        error_messages={"required": _("Name the council session that voted, e.g. “October 2023 ordinary session”.")},
    )
    adopted_on = forms.DateField(label=_("Date of the vote"), widget=forms.DateInput(attrs={"type": "date"}))
    decision_number = forms.CharField(label=_("Decision number"), max_length=100)
    votes_for = forms.IntegerField(label=_("Votes for"), min_value=0)
    votes_against = forms.IntegerField(label=_("Votes against"), min_value=0)
    votes_abstain = forms.IntegerField(label=_("Abstentions"), min_value=0)
    start_implementation = forms.BooleanField(
        label=_("Implementation starts now"),
        required=False,
        initial=True,
        help_text=_("Untick if implementation starts later (e.g. with the next budget year); move it on then."),
    )
    confirm = confirmation_field(_("I confirm that the council adopted this version."))

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = program.versions.without_snapshot().order_by("-number")

    def clean(self):
        cleaned = super().clean()
        counts = [cleaned.get(name) for name in ("votes_for", "votes_against", "votes_abstain")]
        if None not in counts:
            refused = check_vote(Vote(*counts))
            if refused:
                self.add_error("votes_for", refused)
        return cleaned

    def vote(self):
        data = self.cleaned_data
        return Vote(data["votes_for"], data["votes_against"], data["votes_abstain"])


class AxisChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{tr(obj.program.collectivity.name)} — {tr(obj.program.title)} — {tr(obj.title)}"


class CopyForm(forms.Form):
    axis = AxisChoiceField(
        label=_("Copy into"),
        queryset=None,
        empty_label=None,
        help_text=_("The axis of your program's draft that receives the copy."),
        error_messages={"invalid_choice": _("Choose an axis of a program whose draft you may edit.")},
    )
    confirm = confirmation_field(_("I confirm the copy; the credit to the original stays on the copy."))

    def __init__(self, *args, axes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axis"].queryset = axes


class ProgramFilterForm(forms.Form):
    phase = forms.ChoiceField(label=_("Phase"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = [("", _("All phases")), *Phase.choices]


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    principle = forms.ChoiceField(label=_("Openness principle"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["principle"].choices = [("", _("All principles")), *Principle.choices]


class CompareForm(forms.Form):
    old = forms.TypedChoiceField(label=_("Compare version"), coerce=int)
    new = forms.TypedChoiceField(label=_("with version"), coerce=int)

    def __init__(self, *args, numbers, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, _("Version %(number)d") % {"number": n}) for n in numbers]
        self.fields["old"].choices = self.fields["new"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("old") is not None and cleaned.get("old") == cleaned.get("new"):
            raise forms.ValidationError(_("Choose two different versions."))
        return cleaned
