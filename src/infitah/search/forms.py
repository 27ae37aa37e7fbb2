"""The search form: the query and its filters, all in the address (GET), so a search can be shared."""

from typing import Any

from django import forms
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from infitah.core.principles import Principle
from infitah.core.search import sources
from infitah.core.translation import lazy_format
from infitah.search.selectors import Filters
from infitah.search.terms import MAX_QUERY_LENGTH, Query, parse
from infitah.territories.models import Collectivity, Membership


class MemberField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        strip=True,
        error_messages={
            "max_length": lazy_format(
                _("Your search is too long: at most %(limit)s characters. Keep its most telling words."),
                {"limit": MAX_QUERY_LENGTH},
            )
        },
        max_length=MAX_QUERY_LENGTH,
    )
    kind = forms.ChoiceField(label=pgettext_lazy("search result", "Kind"), required=False)
    collectivity = MemberField(
        label=_("Collectivity"),
        queryset=Collectivity.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=_("All collectivities"),
    )
    principle = forms.ChoiceField(
        label=_("Principle"), required=False, choices=[("", _("All principles")), *Principle.choices]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"dir": "auto", "autocomplete": "off"})
        self.fields["q"].widget.input_type = "search"
        self.fields["kind"].choices = [  # type: ignore[attr-defined]
            ("", _("All kinds")),
            *((declared.kind, declared.label) for declared in sources()),
        ]
        members = Membership.objects.current().values("collectivity_id")
        self.fields["collectivity"].queryset = Collectivity.objects.filter(  # type: ignore[attr-defined]
            pk__in=members
        ).ordered_by_name((get_language() or "ar")[:2])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", _("The end of the period comes before its start."))
        return data

    def query(self) -> Query:
        return parse(self.cleaned_data.get("q"))

    def filters(self) -> Filters:
        data = self.cleaned_data
        collectivity = data.get("collectivity")
        return Filters(
            kind=data.get("kind") or "",
            collectivity_id=collectivity.pk if collectivity else None,
            principle=data.get("principle") or "",
            date_from=data.get("from"),
            date_to=data.get("to"),
        )

    def has_filters(self) -> bool:
        return any(self.data.get(name) for name in ("kind", "collectivity", "principle", "from", "to"))


# "from" and "to" are the addresses' names (the contract of search:page); Python keeps "from" for itself.
SearchForm.base_fields["from"] = forms.DateField(
    label=pgettext_lazy("period", "From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
)
SearchForm.base_fields["to"] = forms.DateField(
    label=pgettext_lazy("period", "To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
)
