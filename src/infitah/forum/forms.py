"""The forum's forms: a new thread, a reply, an edit. Their choices are limited to what the writer may pick (their
own collectivities; commitments and events everyone may see), so a forged value is refused as an invalid choice."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from infitah.core.translation import lazy_format, tr
from infitah.forum import links, selectors
from infitah.forum.models import BODY_MAX_LENGTH, TITLE_MAX_LENGTH
from infitah.territories.models import Collectivity

BODY_LIMIT = lazy_format(_("At most %(limit)s characters."), {"limit": BODY_MAX_LENGTH})
BODY_HELP = format_lazy(
    "{} {}",
    _(
        "Plain text: leave an empty line between paragraphs; addresses become links. To mention a member, pick them "
        "in the list below the message: @[their name](user:number) is added and they are told."
    ),
    BODY_LIMIT,
)


class _CollectivityChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(tr(obj.name))


class _TitledChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        place = getattr(obj, "collectivity", None) or getattr(getattr(obj, "program", None), "collectivity", None)
        return f"{tr(obj.title)} — {tr(place.name)}" if place is not None else str(tr(obj.title))


def _writing_for_field(collectivity_ids) -> forms.ModelChoiceField:
    return _CollectivityChoice(
        label=_("You write for"),
        queryset=Collectivity.objects.filter(pk__in=list(collectivity_ids)).order_by("code"),
        required=False,
        empty_label=_("The network (coordinators)"),
        help_text=_("The collectivity shown with your name."),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        max_length=BODY_MAX_LENGTH,
        help_text=BODY_HELP,
    )

    def __init__(self, *args: Any, standing: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if len(standing.collectivity_ids) > 1 or (standing.coordinator and standing.collectivity_ids):
            self.fields["collectivity"] = _writing_for_field(standing.collectivity_ids)
            if not standing.coordinator:
                self.fields["collectivity"].required = True


class ThreadForm(ReplyForm):
    title = forms.CharField(
        label=_("Title"), max_length=TITLE_MAX_LENGTH, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    field_order = ["title", "body", "collectivity", "commitment", "event", "practice"]

    def __init__(self, *args: Any, standing: Any, **kwargs: Any) -> None:
        super().__init__(*args, standing=standing, **kwargs)
        self.fields["body"].label = _("Message")
        self.fields["commitment"] = _TitledChoice(
            label=_("A commitment this thread discusses"),
            queryset=selectors.linkable_commitments(),
            required=False,
            empty_label=_("None"),
        )
        self.fields["event"] = _TitledChoice(
            label=_("An event this thread discusses"),
            queryset=selectors.linkable_events(),
            required=False,
            empty_label=_("None"),
        )
        practices = links.linkable_practices()
        if practices is not None:
            self.fields["practice"] = _TitledChoice(
                label=_("A good practice this thread discusses"),
                queryset=practices,
                required=False,
                empty_label=_("None"),
            )
        self.order_fields(self.field_order)


class EditForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        max_length=BODY_MAX_LENGTH,
        help_text=BODY_LIMIT,
    )


class EditThreadForm(EditForm):
    title = forms.CharField(
        label=_("Title"), max_length=TITLE_MAX_LENGTH, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    field_order = ["title", "body"]
