"""The resources' pages: the list with its filters, a resource with its latest files and its history, publishing a
resource or a new version, and downloads (always as attachments)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.permissions import can
from infitah.resources import selectors, services
from infitah.resources.forms import ResourceFilterForm, ResourceForm, VersionForm
from infitah.resources.models import Resource, ResourceFile
from infitah.territories.models import Collectivity

PER_PAGE = 20
FILTERS = ("q", "kind", "principle", "language")
NOTHING_SAVED = _("Nothing was saved: please correct the errors below. Files must be chosen again; your text is kept.")


def resource_list(request: HttpRequest) -> HttpResponse:
    form = ResourceFilterForm(request.GET or None)
    resources = selectors.filtered(selectors.listed(), form.cleaned())
    page = Paginator(resources, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "resources/list.html",
        {
            "form": form,
            "page": page,
            "filtered": any(request.GET.get(name) for name in FILTERS),
        },
    )


def resource_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.detail(pk)
    if resource is None:
        raise Http404(_("There is no resource at this address."))
    versions = list(resource.versions.all())
    latest = versions[0] if versions else None
    return render(
        request,
        "resources/detail.html",
        {
            "resource": resource,
            "latest": latest,
            "latest_files": selectors.reader_first(list(latest.files.all())) if latest else [],
            "history": versions,
        },
    )


def _show_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
def resource_new(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    network = user.is_superuser or is_network_coordinator(user)
    publishers = Collectivity.objects.filter(pk__in=collectivities_where(user, STAFF_ROLES)).order_by("code")
    if not network and not publishers.exists():
        raise Http404(_("Only the staff of a member and the network coordinators publish resources."))
    form = ResourceForm(request.POST or None, publishers=publishers, network=network)
    version_form = VersionForm(request.POST or None, request.FILES or None, prefix="version")
    if request.method == "POST":
        if form.is_valid() and version_form.is_valid():
            try:
                resource = services.publish(
                    user, form.instance, version_form.instance, version_form.files_by_language()
                )
            except services.ResourceRefused as refused:
                form.add_error(None, refused.message)
            except ValidationError as error:
                _show_errors(version_form, error)
            else:
                messages.success(request, _("The resource is published."))
                return redirect(resource)
        messages.error(request, NOTHING_SAVED)
    return render(request, "resources/form.html", {"form": form, "version_form": version_form, "resource": None})


@login_required
def version_new(request: HttpRequest, pk: int) -> HttpResponse:
    resource = get_object_or_404(Resource.objects.select_related("publisher"), pk=pk)
    if not can(request.user, "resources.publish", resource):
        raise Http404(_("There is no resource you may change at this address."))
    version_form = VersionForm(request.POST or None, request.FILES or None, prefix="version")
    if request.method == "POST":
        if version_form.is_valid():
            try:
                services.add_version(request.user, resource, version_form.instance, version_form.files_by_language())  # type: ignore[arg-type]
            except services.ResourceRefused as refused:
                version_form.add_error(None, refused.message)
            except ValidationError as error:
                _show_errors(version_form, error)
            else:
                messages.success(request, _("The new version is published."))
                return redirect(resource)
        messages.error(request, NOTHING_SAVED)
    return render(request, "resources/form.html", {"version_form": version_form, "resource": resource})


def download(request: HttpRequest, pk: int) -> FileResponse:
    stored = get_object_or_404(ResourceFile, pk=pk)
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.original_name or "file",
        content_type=stored.mime_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
