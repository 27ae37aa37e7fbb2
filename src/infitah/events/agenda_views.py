"""Staff write an event's agenda on the site, one item at a time; each save checks the whole agenda as it would
be (inside the event's hours, sub-items inside their parent, in order, no overlap unless parallel) and refuses
with the reasons, keeping what was typed."""

from typing import Any, cast

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from infitah.core.translation import tr
from infitah.events.agenda import Item, check_agenda, check_item_alone, event_window
from infitah.events.models import AgendaItem, Event
from infitah.events.views import visible_event_or_404
from infitah.participation.parts import Part, editable_or_refused

TIME = forms.TimeInput(format="%H:%M", attrs={"type": "time"})


class ParentChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: AgendaItem) -> str:
        return str(tr(obj.title))


class AgendaItemForm(forms.ModelForm):
    parent = ParentChoice(queryset=AgendaItem.objects.none(), required=False, label=gettext_lazy("Part of"))

    class Meta:
        model = AgendaItem
        fields = ["parent", "order", "starts_at", "ends_at", "title", "speakers", "description", "is_parallel"]
        widgets = {"starts_at": TIME, "ends_at": TIME}

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        parents = AgendaItem.objects.filter(event=event, parent__isnull=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        parent = cast(ParentChoice, self.fields["parent"])
        parent.queryset = parents
        parent.empty_label = _("— a main item —")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        assert cleaned is not None  # a model form's clean() returns its cleaned_data
        if self.errors:
            return cleaned
        me = object()  # this item's key in the agenda as it would be
        current = [row for row in AgendaItem.objects.filter(event=self.event) if row.pk != self.instance.pk]
        rows: list[tuple[int, int, object, AgendaItem | None]] = [
            (row.order, row.pk or 0, row.pk, row) for row in current
        ]
        rows.append((cleaned.get("order") or 0, self.instance.pk or 10**12, me, None))
        rows.sort(key=lambda row: (row[0], row[1]))
        items = []
        for _order, _pk, _key, row in rows:
            if row is None:
                parent = cleaned.get("parent")
                items.append(
                    Item(
                        me,
                        parent.pk if parent else None,
                        cleaned.get("starts_at"),
                        cleaned.get("ends_at"),
                        bool(cleaned.get("is_parallel")),
                    )
                )
            else:
                items.append(Item(row.pk, row.parent_id, row.starts_at, row.ends_at, row.is_parallel))
        window = event_window(self.event.starts_at, self.event.ends_at)
        problems = check_agenda(items, *window)
        # The item's own times against the event's hours are the model's check (AgendaItem.clean): not twice.
        own = set(check_item_alone(cleaned.get("starts_at"), cleaned.get("ends_at"), *window))
        for message in problems.get(me, []):
            if message not in own:
                self.add_error(None, message)
        others = [message for key, found in problems.items() if key is not me for message in found]
        if others and me not in problems:
            for message in others:
                self.add_error(
                    None, _("With this change, another item would be wrong: %(problem)s") % {"problem": message}
                )
        return cleaned


AGENDA_ITEM = Part(
    app="events",
    noun="agenda_item",
    fields=("title", "starts_at", "ends_at", "parent", "order", "is_parallel"),
    form_template="events/agenda_item_form.html",
    saved=gettext_lazy("The agenda item has been saved."),
    not_saved=gettext_lazy("The agenda item has not been saved: please correct the errors below."),
    delete_template="events/agenda_item_delete.html",
    removed=gettext_lazy("The agenda item has been removed."),
)


def _managed_event(request: HttpRequest, pk: int) -> Event:
    return editable_or_refused(
        request.user,
        "events.manage_event",
        visible_event_or_404(request, pk),
        _("Only the organiser's staff write the agenda of this event."),
    )


@login_required
def agenda(request: HttpRequest, pk: int) -> HttpResponse:
    event = _managed_event(request, pk)
    items = AgendaItem.objects.filter(event=event).order_by("order", "starts_at", "pk")
    return render(request, "events/agenda_edit.html", {"event": event, "items": items})


@login_required
def edit_item(request: HttpRequest, pk: int, item_pk: int | None = None) -> HttpResponse:
    event = _managed_event(request, pk)
    item = get_object_or_404(AgendaItem, pk=item_pk, event=event) if item_pk else AgendaItem(event=event)
    return AGENDA_ITEM.edit(
        request,
        AgendaItemForm(request.POST or None, instance=item, event=event),
        back=reverse("events:agenda", args=[event.pk]),
        context={"event": event, "item": item},
        collectivity=event.collectivity,
    )


@login_required
def delete_item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    event = _managed_event(request, pk)
    item = get_object_or_404(AgendaItem, pk=item_pk, event=event)
    return AGENDA_ITEM.remove(
        request,
        item,
        back=reverse("events:agenda", args=[event.pk]),
        context={"event": event, "item": item, "sub_items": item.children.count()},
        collectivity=event.collectivity,
    )
