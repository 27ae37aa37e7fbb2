"""The forms of the council's back office and of the calendar's filter.

Bad input loses nothing: a refused form comes back with what was typed and the reason, in the reader's language.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from infitah.council import law
from infitah.council.models import AgendaPoint, Decision, Session, SessionKind
from infitah.participation.attachments import max_bytes, megabytes
from infitah.participation.filetypes import allowed_extensions
from infitah.participation.forms import MultipleFileField
from infitah.territories.models import Collectivity

MAX_FILES = 10
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _documents_help(form: forms.BaseForm) -> None:
    form.fields["documents"].help_text = gettext("Accepted types: %(types)s; up to %(size)s MB each.") % {
        "types": ", ".join(allowed_extensions()),
        "size": megabytes(max_bytes()),
    }


class CalendarFilterForm(forms.Form):
    collectivity = forms.ModelChoiceField(
        label=_("Collectivity"),
        queryset=Collectivity.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=_("All collectivities"),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *SessionKind.choices]  # type: ignore[attr-defined]
        field = self.fields["collectivity"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Collectivity.objects.filter(council_sessions__is_published=True).distinct().order_by("code")

    def cleaned(self) -> dict[str, Any]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data
        return {"collectivity": None, "year": None, "kind": ""}


class SessionForm(forms.ModelForm):
    record_as_extraordinary = forms.BooleanField(
        label=_("Record it as an extraordinary session"),
        required=False,
        help_text=_("An extraordinary session may be called at any time; an ordinary one only in the law's months."),
    )
    documents = MultipleFileField(label=_("Documents (convocation, minutes…)"), required=False, max_files=MAX_FILES)

    class Meta:
        model = Session
        fields = ["kind", "title", "opens_on", "closes_on", "place", "status", "seats", "minutes", "is_published"]
        widgets = {"opens_on": DATE, "closes_on": DATE}

    def __init__(self, *args: Any, collectivity: Collectivity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.collectivity = collectivity
        _documents_help(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens_on, closes_on, kind = data.get("opens_on"), data.get("closes_on"), data.get("kind")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("A session closes on or after the day it opens."))
        seats = data.get("seats")
        if seats and self.instance.pk:
            most = max((decision.votes_total for decision in self.instance.decisions.all()), default=0)
            if most > seats:
                self.add_error(
                    "seats",
                    _("A decision of this session counted %(votes)s votes: the council cannot have fewer members.")
                    % {"votes": most},
                )
        if opens_on and kind:
            check = law.session_kind_check(self.collectivity.kind, opens_on, kind)
            if not check.ok:
                if data.get("record_as_extraordinary"):
                    data["kind"] = law.EXTRAORDINARY
                else:
                    self.add_error("kind", check.error)
                    self.suggest_extraordinary = True
        return data


class AgendaPointForm(forms.ModelForm):
    documents = MultipleFileField(label=_("Documents"), required=False, max_files=MAX_FILES)

    class Meta:
        model = AgendaPoint
        fields = ["order", "title", "description", "petition", "program"]

    def __init__(self, *args: Any, session: Session, **kwargs: Any) -> None:
        from infitah.council.links import PETITION_STAGES_ON_AGENDA
        from infitah.petitions.models import Petition
        from infitah.programs.models import Program

        super().__init__(*args, **kwargs)
        petition = self.fields["petition"]
        program = self.fields["program"]
        assert isinstance(petition, forms.ModelChoiceField) and isinstance(program, forms.ModelChoiceField)
        # Only the petitions declared admissible to this council, and this collectivity's programs.
        petition.queryset = Petition.objects.filter(
            collectivity_id=session.collectivity_id, stage__in=PETITION_STAGES_ON_AGENDA
        ).order_by("-admissibility_on", "-pk")
        petition.help_text = _("Only the petitions to this council that were declared admissible.")
        # Public programs only: the agenda is public, a program in preparation is not.
        program.queryset = Program.objects.public().filter(collectivity_id=session.collectivity_id).order_by("-pk")
        _documents_help(self)


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = [
            "agenda_point",
            "number",
            "title",
            "text",
            "decided_on",
            "votes_for",
            "votes_against",
            "votes_abstain",
            "postponed",
        ]
        widgets = {"decided_on": DATE}

    def __init__(self, *args: Any, session: Session, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.session = session
        point = self.fields["agenda_point"]
        assert isinstance(point, forms.ModelChoiceField)
        point.queryset = AgendaPoint.objects.filter(session=session).order_by("order", "pk")
        for name in ("votes_for", "votes_against", "votes_abstain"):
            self.fields[name].widget.attrs["min"] = 0
            self.fields[name].widget.attrs["max"] = session.seats
        self.fields["votes_for"].help_text = gettext("The council has %(seats)s members at this session.") % {
            "seats": session.seats
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        votes_for, votes_against, votes_abstain = (data.get(n) for n in ("votes_for", "votes_against", "votes_abstain"))
        if isinstance(votes_for, int) and isinstance(votes_against, int) and isinstance(votes_abstain, int):
            refusal = law.votes_refusal(votes_for, votes_against, votes_abstain, self.session.seats)
            if refusal:
                self.add_error(None, refusal)
        number, decided_on = (data.get("number") or "").strip(), data.get("decided_on")
        if number and decided_on:
            data["number"] = number
            taken = Decision.objects.filter(
                collectivity_id=self.session.collectivity_id, year=decided_on.year, number=number
            ).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "number",
                    _("This collectivity already has a decision numbered %(number)s in %(year)s.")
                    % {"number": number, "year": decided_on.year},
                )
        return data

    def _post_clean(self) -> None:
        # The session is known before validation: the number's collectivity comes from it.
        self.instance.session = self.session
        self.instance.collectivity_id = self.session.collectivity_id
        if self.cleaned_data.get("decided_on"):
            self.instance.year = self.cleaned_data["decided_on"].year
        super()._post_clean()  # type: ignore[misc]  # ModelForm's own step, not in the stubs
