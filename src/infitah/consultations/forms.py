"""The consultation's forms: open/edit it (staff), contribute (comment or proposal), answer, filter."""

from django import forms
from django.utils import formats
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from infitah.consultations.models import (
    BODY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Consultation,
    Contribution,
    ContributionKind,
    ResponseOutcome,
)
from infitah.consultations.services import RESPONSE_REASON_MAX_LENGTH
from infitah.core.principles import Principle
from infitah.core.translation import TranslatedFormField, tr
from infitah.programs.models import ProgramVersion
from infitah.territories.choosing import CollectivityField
from infitah.territories.models import Collectivity

DATETIME = forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"})
WHOLE = ""


def _limit_help(limit):
    return gettext("At most %(limit)s characters.") % {"limit": formats.number_format(limit, force_grouping=True)}


# Fields are built when the module is imported: the text must be written in the language of each request.
limit_help = lazy(_limit_help, str)


def text_field(label, limit, required=True, rows=5, help_text=""):
    # No max_length on the field: the service strips markup first, then counts and states the limit.
    widget = (
        forms.Textarea(attrs={"rows": rows, "maxlength": limit})
        if rows
        else forms.TextInput(attrs={"maxlength": limit})
    )
    return forms.CharField(
        label=label,
        required=required,
        strip=False,
        widget=widget,
        help_text=format_lazy("{} {}", help_text, limit_help(limit)) if help_text else limit_help(limit),
        error_messages={"required": _("Write something first: the text is empty.")},
    )


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("Version %(number)d, published on %(date)s") % {
            "number": obj.number,
            "date": formats.date_format(obj.published_at, "DATE_FORMAT"),
        }


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = [
            "version",
            "title",
            "description",
            "rules",
            "opens_at",
            "closes_at",
            "accepts_proposals",
            "residents_only",
            "response_days",
        ]
        field_classes = {
            "version": VersionChoiceField,
            "opens_at": forms.DateTimeField,
            "closes_at": forms.DateTimeField,
        }
        widgets = {"opens_at": DATETIME, "closes_at": DATETIME}
        help_texts = {
            "opens_at": _("Local time (Africa/Casablanca)."),
            "closes_at": _("Local time (Africa/Casablanca). The answers are due within the delay below after this."),
        }

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.program = program
        self.instance.program = program
        self.fields["version"].queryset = (
            ProgramVersion.objects.without_snapshot().filter(program=program).order_by("-number")
        )
        self.fields["version"].empty_label = None
        self.fields["version"].error_messages["invalid_choice"] = _("Choose a published version of this program.")
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]

    def clean_version(self):
        version = self.cleaned_data["version"]
        instance = self.instance
        if instance.pk and version.pk != instance.version_id and instance.contributions.exists():
            raise forms.ValidationError(
                _("People have already contributed on version %(number)d: the consulted version can no longer change.")
                % {"number": instance.version.number}
            )
        return version


def _where_choices(index):
    choices = [(WHOLE, _("The program as a whole"))]
    for axis_number, axis in enumerate(index["axes"].values(), 1):
        axis_label = _("Axis %(number)d: %(title)s") % {"number": axis_number, "title": tr(axis["title"])}
        group = [(f"axis:{axis['key']}", _("%(axis)s (the whole axis)") % {"axis": axis_label})]
        group += [
            (f"commitment:{c['key']}", tr(c["title"]))
            for c in index["commitments"].values()
            if c["axis_key"] == axis["key"]
        ]
        choices.append((axis_label, group))
    return choices


class AssociationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


def _association_field(associations):
    field = AssociationChoiceField(
        label=_("On behalf of"),
        queryset=None,
        required=False,
        empty_label=_("Myself, as a citizen"),
        help_text=_("A verified association you represent."),
    )
    field.queryset = associations
    return field


class ContributionForm(forms.Form):
    form_name = "comment"

    def __init__(self, *args, index, associations, **kwargs):
        super().__init__(*args, prefix=self.form_name, **kwargs)
        self.index = index
        if associations is not None and associations.exists():
            self.fields["association"] = _association_field(associations)

    def service_arguments(self):
        data = self.cleaned_data
        return {"association": data.get("association")}


class CommentForm(ContributionForm):
    form_name = "comment"
    where = forms.ChoiceField(label=_("About"), required=False)
    body = text_field(_("Your comment"), BODY_MAX_LENGTH)

    def __init__(self, *args, initial_where=WHOLE, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["where"].choices = _where_choices(self.index)
        self.fields["where"].initial = initial_where
        self.order_fields(["where", "body", "association"])

    def service_arguments(self):
        kind, _sep, key = (self.cleaned_data.get("where") or "").partition(":")
        return {
            **super().service_arguments(),
            "kind": ContributionKind.COMMENT,
            "body": self.cleaned_data["body"],
            "axis_key": key if kind == "axis" else None,
            "commitment_key": key if kind == "commitment" else None,
        }


class ProposalForm(ContributionForm):
    form_name = "proposal"
    title = text_field(_("Title of the proposed commitment"), TITLE_MAX_LENGTH, rows=0)
    problem = text_field(_("The problem it addresses"), BODY_MAX_LENGTH, rows=4)
    body = text_field(_("What it does"), BODY_MAX_LENGTH, rows=4)
    expected_results = text_field(_("Expected results"), BODY_MAX_LENGTH, required=False, rows=3)
    principles = forms.MultipleChoiceField(
        label=_("Openness principles it advances"),
        choices=Principle.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one openness principle.")},
    )
    axis_key = forms.ChoiceField(label=_("Under which axis"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(WHOLE, _("No axis in particular"))]
        choices += [(key, tr(axis["title"])) for key, axis in self.index["axes"].items()]
        self.fields["axis_key"].choices = choices

    def service_arguments(self):
        data = self.cleaned_data
        return {
            **super().service_arguments(),
            "kind": ContributionKind.PROPOSAL,
            "title": data["title"],
            "problem": data["problem"],
            "body": data["body"],
            "expected_results": data.get("expected_results", ""),
            "principles": data["principles"],
            "axis_key": data.get("axis_key") or None,
        }


class ContributionEditForm(forms.Form):
    """The author's correction of their contribution: the same text fields as when it was submitted."""

    def __init__(self, *args, contribution, **kwargs):
        self.kind = contribution.kind
        kwargs.setdefault(
            "initial",
            {
                "title": contribution.title,
                "body": contribution.body,
                "problem": contribution.problem,
                "expected_results": contribution.expected_results,
                "principles": contribution.principles,
            },
        )
        super().__init__(*args, **kwargs)
        if self.kind == ContributionKind.PROPOSAL:
            self.fields["title"] = text_field(_("Title of the proposed commitment"), TITLE_MAX_LENGTH, rows=0)
            self.fields["problem"] = text_field(_("The problem it addresses"), BODY_MAX_LENGTH, rows=4)
            self.fields["body"] = text_field(_("What it does"), BODY_MAX_LENGTH, rows=4)
            self.fields["expected_results"] = text_field(_("Expected results"), BODY_MAX_LENGTH, required=False, rows=3)
            self.fields["principles"] = forms.MultipleChoiceField(
                label=_("Openness principles it advances"),
                choices=Principle.choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"required": _("Choose at least one openness principle.")},
            )
        else:
            self.fields["title"] = text_field(_("Title (optional)"), TITLE_MAX_LENGTH, required=False, rows=0)
            self.fields["body"] = text_field(_("Your comment"), BODY_MAX_LENGTH)

    def service_arguments(self):
        data = self.cleaned_data
        return {name: data.get(name) or ([] if name == "principles" else "") for name in self.fields}


class ContributionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"#{obj.pk} — {obj}"


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=ResponseOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the outcome: retained, merged or not retained.")},
    )
    reason = TranslatedFormField(
        label=_("Reasoned answer"),
        multiline=True,
        max_length=RESPONSE_REASON_MAX_LENGTH,
        help_text=_("Shown publicly with the contribution, in one language or more. Required for every outcome."),
        error_messages={"required": _("Give the reason for this outcome: every answer is reasoned.")},
    )
    commitment_key = forms.ChoiceField(
        label=_("Commitment of the draft that takes it up"),
        required=False,
        help_text=_("Required when retained; for a merge, name a commitment or another contribution."),
    )
    merged_into = ContributionChoiceField(label=_("Merged with the contribution"), queryset=None, required=False)

    def __init__(self, *args, contribution, commitments, **kwargs):
        response = getattr(contribution, "response", None) if hasattr(contribution, "response") else None
        if response is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "outcome": response.outcome,
                "reason": response.reason,
                "commitment_key": str(response.commitment_key) if response.commitment_key else "",
                "merged_into": response.merged_into_id,
            }
        super().__init__(*args, prefix=f"answer-{contribution.pk}", **kwargs)
        self.fields["commitment_key"].choices = [("", "—")] + [
            (str(c.key), f"{tr(c.axis.title)} — {tr(c.title)}") for c in commitments
        ]
        self.fields["merged_into"].queryset = (
            Contribution.objects.filter(
                consultation_id=contribution.consultation_id, is_hidden=False, withdrawn_at__isnull=True
            )
            .exclude(pk=contribution.pk)
            .order_by("created_at", "pk")
        )


class ContributionFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    axis = forms.ChoiceField(label=_("Axis"), required=False)
    state = forms.ChoiceField(label=_("Answer"), required=False)

    STATES = [
        ("", _("All")),
        ("answered", pgettext_lazy("contributions", "Answered")),
        ("unanswered", _("Not answered yet")),
        ("retained", _("Retained")),
        ("merged", _("Merged")),
        ("not_retained", _("Not retained")),
        ("hidden", _("Hidden by the moderators")),
    ]

    def __init__(self, *args, index, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All"))] + list(ContributionKind.choices)
        self.fields["axis"].choices = [("", _("All"))] + [
            (key, tr(axis["title"])) for key, axis in index["axes"].items()
        ]
        self.fields["state"].choices = self.STATES


class ConsultationFilterForm(forms.Form):
    collectivity = CollectivityField(
        suggestions=lambda: Collectivity.objects.filter(consultations__isnull=False).distinct().order_by("code")
    )
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[
            ("", _("All")),
            ("upcoming", pgettext_lazy("consultation state", "Upcoming")),
            ("open", pgettext_lazy("consultation state", "Open")),
            ("closed", pgettext_lazy("consultation state", "Closed")),
        ],
    )
