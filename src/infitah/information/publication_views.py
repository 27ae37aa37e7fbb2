"""The proactive-publication catalogue (law 31-13, arts. 10–13): the network's completeness table, one
collectivity's catalogue, and the staff's pages to add, edit and remove its entries.

Reading is public. Writing is for the staff of the entry's collectivity (`information.edit_publication`); anyone
else — staff of another collectivity included — gets a 404, as for an address that names nothing they may touch.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import User
from infitah.core.permissions import can
from infitah.information import publication, publication_selectors
from infitah.information.models import PublicationEntry
from infitah.information.publication_forms import EntryForm
from infitah.information.publication_services import PublicationRefused, delete_entry, save_entry
from infitah.participation.attachments import attachments_of
from infitah.territories.models import Collectivity

MAX_ID = 2**63 - 1
ACTION = "information.edit_publication"


def catalogue(request: HttpRequest) -> HttpResponse:
    order = request.GET.get("sort", "name")
    column, descending = publication.sort_key(order)
    lines = publication_selectors.network_lines(order)
    covered = sum(1 for line in lines if line.completeness.total and line.completeness.missing == 0)
    return render(
        request,
        "information/catalogue.html",
        {
            "lines": lines,
            "sorts": _sort_links(column, descending),
            "complete_count": covered,
        },
    )


def _sort_links(column: str, descending: bool) -> dict[str, dict[str, Any]]:
    """Per column: the address that sorts by it (again: the other way) and its aria-sort state."""
    links = {}
    for name in publication.SORTS:
        current = name == column
        first_descending = name != "name"  # the best-covered and the most stale first
        reverse = (not descending) if current else first_descending
        links[name] = {
            "query": f"?sort={'-' if reverse else ''}{name}",
            "aria": ("descending" if descending else "ascending") if current else "none",
        }
    return links


def _collectivity(code: str) -> Collectivity:
    if len(code) > 32:
        raise Http404
    return get_object_or_404(Collectivity, code=code)


def member_catalogue(request: HttpRequest, code: str) -> HttpResponse:
    collectivity = _collectivity(code)
    context = publication_selectors.member_catalogue(collectivity)
    context.update(
        collectivity=collectivity,
        may_edit=request.user.is_authenticated and can(request.user, ACTION, collectivity),
        today=timezone.localdate(),
    )
    return render(request, "information/catalogue_member.html", context)


def _person(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _entry_or_404(request: HttpRequest, pk: int) -> PublicationEntry:
    if pk > MAX_ID:
        raise Http404
    entry = get_object_or_404(PublicationEntry.objects.select_related("collectivity", "category"), pk=pk)
    if not can(request.user, ACTION, entry):
        raise Http404(_("There is no entry you may change at this address."))
    return entry


def _show_errors(form: EntryForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _save(request: HttpRequest, form: EntryForm, back: str) -> HttpResponse | None:
    """Save a posted form, or leave its errors on it (nothing is saved then); the redirect when saved."""
    if form.is_valid():
        try:
            save_entry(
                _person(request),
                form.instance,
                files=form.cleaned_data["documents"],
                remove=form.cleaned_data.get("remove_documents") or (),
            )
        except PublicationRefused as refused:
            form.add_error(None, refused.message)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The entry is saved and shown in the catalogue."))
            return redirect(back)
    messages.error(
        request, _("Nothing was saved: please correct the errors below. Files must be chosen again; your text is kept.")
    )
    return None


@login_required
def add_entry(request: HttpRequest, code: str) -> HttpResponse:
    collectivity = _collectivity(code)
    if not can(request.user, ACTION, collectivity):
        raise Http404(_("There is no catalogue you may change at this address."))
    back = reverse("information:member_catalogue", args=[collectivity.code])
    entry = PublicationEntry(collectivity=collectivity)
    initial: dict[str, Any] = {"updated_on": timezone.localdate()}
    category = request.GET.get("category", "")
    if category.isdigit() and len(category) < 10:
        initial["category"] = int(category)
    form = EntryForm(request.POST or None, request.FILES or None, instance=entry, initial=initial)
    if request.method == "POST":
        saved = _save(request, form, back)
        if saved is not None:
            return saved
    context = {"form": form, "collectivity": collectivity, "entry": None, "back": back}
    return render(request, "information/entry_form.html", context)


@login_required
def edit_entry(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry_or_404(request, pk)
    collectivity = entry.collectivity
    back = reverse("information:member_catalogue", args=[collectivity.code])
    form = EntryForm(request.POST or None, request.FILES or None, instance=entry, documents=attachments_of(entry))
    if request.method == "POST":
        saved = _save(request, form, back)
        if saved is not None:
            return saved
    context = {"form": form, "collectivity": collectivity, "entry": entry, "back": back}
    return render(request, "information/entry_form.html", context)


@login_required
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry_or_404(request, pk)
    back = reverse("information:member_catalogue", args=[entry.collectivity.code])
    if request.method == "POST":
        delete_entry(_person(request), entry)
        messages.success(request, _("The entry and its documents are removed from the catalogue."))
        return redirect(back)
    return render(
        request,
        "information/entry_delete.html",
        {"entry": entry, "collectivity": entry.collectivity, "back": back, "documents": attachments_of(entry)},
    )
