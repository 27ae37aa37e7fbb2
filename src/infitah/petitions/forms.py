"""The petitions' forms. They only shape what was typed: the rules of the law are the services' (their
ValidationErrors come back on the fields they name)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from infitah.core.text import limit_help
from infitah.core.translation import tr
from infitah.participation.attachments import max_bytes, megabytes
from infitah.participation.filetypes import allowed_extensions
from infitah.participation.forms import MultipleFileField
from infitah.participation.models import Attachment
from infitah.petitions.models import CouncilDecision, Petition, SignatureBasis
from infitah.territories.choosing import CollectivityField
from infitah.territories.models import Collectivity, CollectivityKind

TEXTS = ("title", "subject", "reasons", "objectives")


class DraftForm(forms.Form):
    collectivity = CollectivityField(label=_("Council petitioned"), required=True)
    association: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("On behalf of an association"),
        queryset=None,
        required=False,
        empty_label=_("No: a citizens' petition (through me as agent)"),
        help_text=_("An association's petition is deposited by one of its representatives; it collects no signatures."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    subject = forms.CharField(
        label=_("What the council is asked to do"), max_length=3000, widget=forms.Textarea, help_text=limit_help(3000)
    )
    reasons = forms.CharField(label=_("Reasons"), max_length=5000, widget=forms.Textarea, help_text=limit_help(5000))
    objectives = forms.CharField(
        label=_("Objectives"), max_length=5000, widget=forms.Textarea, help_text=limit_help(5000)
    )
    respects_constitution = forms.BooleanField(
        label=_("The petition does not touch the constants of article 1 of the Constitution"), required=False
    )

    def __init__(self, *args: Any, associations: Any, collectivity: Collectivity | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        association_field = self.fields["association"]
        assert isinstance(association_field, forms.ModelChoiceField)
        association_field.queryset = associations
        if not associations.exists():
            del self.fields["association"]
        if collectivity is not None:
            del self.fields["collectivity"]
        for name in TEXTS:
            self.fields[name].widget.attrs["dir"] = "auto"


class EditDraftForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    subject = forms.CharField(
        label=_("What the council is asked to do"), max_length=3000, widget=forms.Textarea, help_text=limit_help(3000)
    )
    reasons = forms.CharField(label=_("Reasons"), max_length=5000, widget=forms.Textarea, help_text=limit_help(5000))
    objectives = forms.CharField(
        label=_("Objectives"), max_length=5000, widget=forms.Textarea, help_text=limit_help(5000)
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for name in TEXTS:
            self.fields[name].widget.attrs["dir"] = "auto"


class CoInitiatorForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of their account"))


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(tr(obj.name))


def communes_within(collectivity: Collectivity) -> Any:
    """The communes a signer may declare: the commune itself, or those of the province or region petitioned."""
    communes = Collectivity.objects.filter(kind=CollectivityKind.COMMUNE)
    if collectivity.kind == CollectivityKind.COMMUNE:
        communes = communes.filter(pk=collectivity.pk)
    elif collectivity.kind == CollectivityKind.PROVINCE:
        communes = communes.filter(parent=collectivity)
    else:
        communes = communes.filter(parent__parent=collectivity)
    return communes.ordered_by_name((get_language() or "ar")[:2])


class SignForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    national_id = forms.CharField(
        label=_("National ID card number"),
        max_length=20,
        help_text=_("It is never stored or shown: only a code that stops anyone signing twice."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "ltr", "spellcheck": "false"}),
    )
    basis = forms.ChoiceField(label=_("Why you may sign"), choices=SignatureBasis.choices, widget=forms.RadioSelect)
    commune = CommuneChoiceField(label=_("Commune"), queryset=Collectivity.objects.none())
    confirm = forms.BooleanField(
        label=_("I sign this petition in my own name, once, and what I declare is true"), required=True
    )

    def __init__(self, *args: Any, petition: Petition, **kwargs: Any):
        super().__init__(*args, **kwargs)
        commune_field = self.fields["commune"]
        assert isinstance(commune_field, forms.ModelChoiceField)
        commune_field.queryset = communes_within(petition.collectivity)
        commune_field.help_text = _("Where you live, or where you carry on your activity.")
        self.fields["full_name"].widget.attrs["dir"] = "auto"


ELIGIBILITY_FIELDS = ("constituted_on", "seat_or_branch", "related_activity", "in_good_standing")
MAX_ELIGIBILITY_FILES = 8


class DocumentChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.original_name)


class EligibilityForm(forms.Form):
    constituted_on = forms.DateField(label=_("Constituted on"), widget=forms.DateInput(attrs={"type": "date"}))
    seat_or_branch = forms.CharField(label=_("Seat or branch in the collectivity"), max_length=300)
    related_activity = forms.CharField(
        label=_("Activity related to the subject"), max_length=3000, widget=forms.Textarea, help_text=limit_help(3000)
    )
    in_good_standing = forms.BooleanField(
        label=_("The association is in good standing and run democratically per its statutes"), required=False
    )
    documents = MultipleFileField(label=_("Documents"), required=False, max_files=MAX_ELIGIBILITY_FILES)
    remove_documents = DocumentChoiceField(
        label=_("Remove these documents"),
        queryset=Attachment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, documents: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Per request: the accepted types and the limit are settings, the sentence is in the reader's language.
        self.fields["documents"].help_text = gettext(
            "The statutes, the receipt of the association's declaration, the proof of its seat or branch, an "
            "activity report. Accepted types: %(types)s; up to %(size)s MB each."
        ) % {"types": ", ".join(allowed_extensions()), "size": megabytes(max_bytes())}
        remove = self.fields["remove_documents"]
        assert isinstance(remove, forms.ModelMultipleChoiceField)
        if documents is None or not documents.exists():
            del self.fields["remove_documents"]
        else:
            remove.queryset = documents

    def eligibility_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ELIGIBILITY_FIELDS}


class RuleForm(forms.Form):
    ADMISSIBLE, INADMISSIBLE = "admissible", "inadmissible"
    ruling = forms.ChoiceField(
        label=_("Ruling"),
        choices=[
            (ADMISSIBLE, _("Admissible: on the next ordinary session's agenda")),
            (INADMISSIBLE, _("Inadmissible")),
        ],
        widget=forms.RadioSelect,
    )
    committee = forms.CharField(label=_("Competent committee"), max_length=200, required=False)
    reasons = forms.CharField(
        label=_("Reasons of the ruling"),
        max_length=5000,
        required=False,
        widget=forms.Textarea,
        help_text=limit_help(5000),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("ruling") == self.ADMISSIBLE and not data.get("committee"):
            self.add_error("committee", _("Name the committee the petition is sent to."))
        if data.get("ruling") == self.INADMISSIBLE and not data.get("reasons"):
            self.add_error("reasons", _("An inadmissible petition gets a reasoned notice: give the reasons."))
        return data


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Council's decision"), choices=CouncilDecision.choices, widget=forms.RadioSelect
    )
    decision_text = forms.CharField(
        label=_("The decision"), max_length=10000, widget=forms.Textarea, help_text=limit_help(10000)
    )
