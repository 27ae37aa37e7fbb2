"""Staff edit a part of an object on the site (an axis of a program's draft, an item of an event's agenda, a
consultation of a program) the same way everywhere: who may, save or explain, confirm then remove — and every save
and removal is audited with the part's values before and after, by the one serialiser of the audit log.

A capability declares each kind of part once, then its views find the object and hand over one step:

    AXIS = Part(app="programs", noun="axis", fields=("title", "order"), form_template="…", saved=…, not_saved=…)

    program = editable_or_refused(request.user, "programs.change_program", program, _("You may not …"))
    return AXIS.edit(request, AxisForm(request.POST or None, instance=axis), back=…, context={"program": program})
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib import messages
from django.db import models, transaction
from django.forms import BaseInlineFormSet, BaseModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django_stubs_ext import StrOrPromise

from infitah.core.permissions import Refused, can, require
from infitah.participation.audit import audit, changes_between, field_values

T = TypeVar("T")

# Where to go once done: a URL, or a function of the saved part (its address is known only after the save).
Back = str | Callable[[Any], str]
# A message (lazy: written in the reader's language), or a function of the part when it names it.
Message = StrOrPromise | Callable[[Any], StrOrPromise]


def editable_or_refused(user: Any, action: str, obj: T, refusal: StrOrPromise | None = None) -> T:
    """`obj` when `user` may do `action` to it; else a 403 that says `refusal` (the rule's own reason if None)."""
    if refusal is None:
        require(user, action, obj)
    elif not can(user, action, obj):
        raise Refused(refusal)
    return obj


@dataclass(frozen=True)
class Part:
    """A kind of part staff edit: its audit actions ("<app>.add_<noun>", "change_", "delete_"), the fields whose
    values the log keeps, its pages and what they say. Messages are lazy: each is written in the reader's language."""

    app: str
    noun: str
    fields: tuple[str, ...]
    form_template: str
    saved: Message
    not_saved: Message
    added: Message | None = None  # said instead of `saved` when the part is new
    delete_template: str = ""
    removed: Message = ""
    add_verb: str = "add"  # a consultation is "opened", not added

    def action(self, verb: str) -> str:
        return f"{self.app}.{verb}_{self.noun}"

    def values(self, part: models.Model) -> dict[str, Any]:
        return field_values(part, self.fields)

    def edit(
        self,
        request: HttpRequest,
        form: BaseModelForm,
        *,
        back: Back,
        context: Mapping[str, Any],
        formsets: "Iterable[BaseInlineFormSet[Any, Any, Any]]" = (),
        collectivity: models.Model | None = None,
    ) -> HttpResponse:
        """Save `form` (and its `formsets`, checked after it: they may depend on what it cleaned) and go `back`, or
        show the page again with the errors and everything typed; nothing is saved unless everything is valid.

        Audited as the add or change action with {field: [before, after]}; `collectivity` is the log's, when the
        part does not say it itself.
        """
        part = form.instance
        formsets = list(formsets)
        created = part.pk is None
        before = {} if created else self.values(part)
        if request.method == "POST":
            if form.is_valid() and all(formset.is_valid() for formset in formsets):
                with transaction.atomic():
                    form.save()
                    for formset in formsets:
                        formset.instance = part
                        formset.save()
                    action = self.action(self.add_verb if created else "change")
                    changes = changes_between(before, self.values(part))
                    audit(request.user, action, part, changes, collectivity=collectivity)
                message = self.added if created and self.added is not None else self.saved
                messages.success(request, _say(message, part))
                return redirect(back(part) if callable(back) else back)
            messages.error(request, _say(self.not_saved, part))
        return render(request, self.form_template, {**context, "form": form})

    def remove(
        self,
        request: HttpRequest,
        part: models.Model,
        *,
        back: str,
        context: Mapping[str, Any],
        collectivity: models.Model | None = None,
    ) -> HttpResponse:
        """Ask for confirmation (GET), then remove `part` and go `back` (POST), audited as the delete action with
        the values it had: {field: [before, None]}."""
        if request.method == "POST":
            message = _say(self.removed, part)  # while the part is whole
            with transaction.atomic():
                changes = changes_between(self.values(part), {})
                audit(request.user, self.action("delete"), part, changes, collectivity=collectivity)
                part.delete()
            messages.success(request, message)
            return redirect(back)
        return render(request, self.delete_template, dict(context))


def _say(message: Message, part: models.Model) -> str:
    # Written now, in the language of the request, not when the message store is saved.
    return str(message(part) if callable(message) else message)
