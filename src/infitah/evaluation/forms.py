"""Forms of co-evaluation: a framework's indicator, a campaign, a score, an agreed score, a finding, a commitment's
assessment. They check what a person can correct; the services (services.py) check what the rules forbid."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import URLValidator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import Association
from infitah.core import indicators as registered
from infitah.core.text import limit_help
from infitah.core.translation import tr
from infitah.evaluation import scoring
from infitah.evaluation.models import (
    AssessedCompletion,
    Campaign,
    Framework,
    FrameworkIndicator,
    FrameworkStatus,
    IndicatorSource,
    Lens,
    OpenedGovernment,
    Potential,
)
from infitah.events.models import Event
from infitah.territories.models import Collectivity

MAX_LINKS = 10
LINKS_MAX_LENGTH = 2000
TEXT_MAX_LENGTH = 5000
LENS_CHOICES = Lens.choices


class IndicatorForm(forms.ModelForm):
    computed_key = forms.ChoiceField(label=capfirst(_("computed from")), required=False)

    class Meta:
        model = FrameworkIndicator
        fields = [
            "code",
            "principle",
            "order",
            "title",
            "guidance",
            "evidence_expected",
            "scale_min",
            "scale_max",
            "weight",
            "source",
            "computed_key",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the measures the installed apps register (core.indicators): a computed indicator names one of them.
        choices = [(i.key, f"{i.title} ({i.key})") for i in registered.indicators()]
        key_field = self.fields["computed_key"]
        assert isinstance(key_field, forms.ChoiceField)
        key_field.choices = [("", _("— not computed —")), *choices]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # An entered indicator names no measure (the model's clean() asks a computed one to name its measure).
        if cleaned.get("source") == IndicatorSource.ENTERED:
            cleaned["computed_key"] = ""
        return cleaned

    def validate_unique(self) -> None:
        # The framework is set by the view, not the form: check the code's uniqueness within it here.
        super().validate_unique()
        code = self.cleaned_data.get("code")
        instance = self.instance
        if code and instance.framework_id:
            clash = FrameworkIndicator.objects.filter(framework_id=instance.framework_id, code=code)
            if clash.exclude(pk=instance.pk).exists():
                self.add_error("code", _("Another indicator of this version has this code."))


class FrameworkTextsForm(forms.ModelForm):
    class Meta:
        model = Framework
        fields = ["title", "method", "discrepancy_threshold"]


class CampaignForm(forms.Form):
    collectivity = forms.ModelChoiceField(label=capfirst(_("member assessed")), queryset=Collectivity.objects.all())
    year = forms.IntegerField(label=capfirst(_("year assessed")), min_value=2000, max_value=2100)
    framework = forms.ModelChoiceField(label=capfirst(_("framework version")), queryset=Framework.objects.none())
    opens_on = forms.DateField(
        label=capfirst(_("opens on")), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    closes_on = forms.DateField(
        label=capfirst(_("closes on")), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    associations = forms.ModelMultipleChoiceField(
        label=capfirst(_("associations designated for the independent assessment")),
        queryset=Association.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    events = forms.ModelMultipleChoiceField(
        label=capfirst(_("evaluation events (of the member assessed)")),
        queryset=Event.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        framework = self.fields["framework"]
        assert isinstance(framework, forms.ModelChoiceField)
        framework.queryset = Framework.objects.filter(status=FrameworkStatus.OPEN)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The campaign closes after it opens."))
        collectivity = cleaned.get("collectivity")
        if collectivity is not None:
            if any(event.collectivity_id != collectivity.pk for event in cleaned.get("events", [])):
                self.add_error("events", _("Only the events of the assessed collectivity can be tied to its campaign."))
            year = cleaned.get("year")
            if year and Campaign.objects.filter(collectivity=collectivity, year=year).exists():
                self.add_error("year", _("This member already has a campaign for that year."))
        return cleaned


def _links(text: str) -> list[str]:
    links = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(links) > MAX_LINKS:
        raise forms.ValidationError(
            _("At most %(count)d links, one per line."), params={"count": MAX_LINKS}, code="too_many"
        )
    check = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            check(link)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("“%(link)s” is not a web address (http:// or https://)."), params={"link": link[:200]}
            ) from None
    return links


class ScoreForm(forms.Form):
    value = forms.DecimalField(label=capfirst(_("score")), max_digits=6, decimal_places=2)
    evidence = forms.CharField(
        label=capfirst(_("evidence")),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        help_text=limit_help(TEXT_MAX_LENGTH, _("What shows the score: documents, decisions, pages, meetings.")),
    )
    evidence_links = forms.CharField(
        label=capfirst(_("links to evidence")),
        help_text=limit_help(LINKS_MAX_LENGTH, _("One web address per line.")),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
        required=False,
        max_length=LINKS_MAX_LENGTH,
    )

    def __init__(self, *args: Any, indicator: FrameworkIndicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        value = self.fields["value"]
        value.help_text = _("From %(low)s to %(high)s.") % {"low": indicator.scale_min, "high": indicator.scale_max}
        value.widget.attrs.update({"min": indicator.scale_min, "max": indicator.scale_max, "step": "0.5"})

    def clean_value(self) -> Any:
        # Said with the other errors at once (the service checks it again).
        value = self.cleaned_data["value"]
        low, high = self.indicator.scale_min, self.indicator.scale_max
        if not scoring.within_scale(value, low, high):
            raise forms.ValidationError(
                _("The score must be between %(low)s and %(high)s (the indicator's scale).")
                % {"low": low, "high": high}
            )
        return value

    def clean_evidence_links(self) -> list[str]:
        return _links(self.cleaned_data.get("evidence_links", ""))


class ReconciliationForm(forms.Form):
    agreed_value = forms.DecimalField(label=capfirst(_("agreed score")), max_digits=6, decimal_places=2)
    justification = forms.CharField(
        label=capfirst(_("justification")),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=TEXT_MAX_LENGTH,
        help_text=limit_help(TEXT_MAX_LENGTH, _("Why the parties agreed on this score: published with it.")),
        error_messages={
            "required": _("Write why the parties agreed on this score: the justification is published with it.")
        },
    )

    def __init__(self, *args: Any, indicator: FrameworkIndicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator

    def clean_agreed_value(self) -> Any:
        # Said with the other errors at once (the service checks it again).
        value = self.cleaned_data["agreed_value"]
        low, high = self.indicator.scale_min, self.indicator.scale_max
        if not scoring.within_scale(value, low, high):
            raise forms.ValidationError(
                _("The agreed score must be between %(low)s and %(high)s (the indicator's scale).")
                % {"low": low, "high": high}
            )
        return value


class FindingForm(forms.Form):
    indicator = forms.ModelChoiceField(label=capfirst(_("indicator")), queryset=FrameworkIndicator.objects.none())
    event = forms.ModelChoiceField(label=capfirst(_("event")), queryset=Event.objects.none())
    text = forms.CharField(
        label=capfirst(_("finding")),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=TEXT_MAX_LENGTH,
        help_text=limit_help(TEXT_MAX_LENGTH),
    )

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        indicator, event = self.fields["indicator"], self.fields["event"]
        assert isinstance(indicator, forms.ModelChoiceField) and isinstance(event, forms.ModelChoiceField)
        indicator.queryset = campaign.framework.indicators.order_by("principle", "order", "pk")
        indicator.label_from_instance = lambda obj: str(tr(obj.title))  # type: ignore[method-assign]
        event.queryset = campaign.events.order_by("starts_at", "pk")


class CommitmentAssessmentForm(forms.Form):
    verifiable = forms.TypedChoiceField(
        label=capfirst(_("verifiable")),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    lens = forms.MultipleChoiceField(
        label=capfirst(_("open-government lens")),
        choices=LENS_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    potential = forms.ChoiceField(label=capfirst(_("potential for results")), choices=Potential.choices)
    completion = forms.ChoiceField(label=capfirst(_("completion")), choices=AssessedCompletion.choices)
    opened_government = forms.ChoiceField(
        label=capfirst(_("did it open government?")),
        choices=[("", _("— not yet assessed —")), *OpenedGovernment.choices],
        required=False,
    )
    justification = forms.CharField(
        label=capfirst(_("justification")),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=TEXT_MAX_LENGTH,
        help_text=limit_help(TEXT_MAX_LENGTH, _("What the assessment rests on: published with it.")),
        error_messages={"required": _("Write what the assessment rests on: it is published with it.")},
    )


class CampaignFilterForm(forms.Form):
    collectivity = forms.ModelChoiceField(
        label=_("Member"),
        queryset=Collectivity.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=_("All members"),
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        collectivity, year = self.fields["collectivity"], self.fields["year"]
        assert isinstance(collectivity, forms.ModelChoiceField) and isinstance(year, forms.TypedChoiceField)
        # Only the members and years that have campaigns: a choice never leads to an empty list.
        collectivity.queryset = Collectivity.objects.filter(assessment_campaigns__isnull=False).distinct()
        years = Campaign.objects.order_by("-year").values_list("year", flat=True).distinct()
        year.choices = [("", _("All years")), *((value, value) for value in years)]

    def cleaned(self) -> dict[str, Any]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data
        return {"collectivity": None, "year": None}
