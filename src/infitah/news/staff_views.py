"""The staff's news desk: their items (every status), write, edit, publish, withdraw, back to draft.

Writing is for the focal point and editors of the item's collectivity (the network coordinators for the network's
news): anyone else — staff of another collectivity included — gets a 404, as for an address naming nothing they
may touch. A form with errors keeps everything typed; nothing is saved unless all is valid.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from infitah.accounts.models import User
from infitah.core.permissions import can
from infitah.news import selectors, services
from infitah.news.forms import NewsItemForm
from infitah.news.models import NewsItem
from infitah.news.states import NewsStatus
from infitah.territories.models import Collectivity

MAX_ID = 2**63 - 1
ACTION = "news.manage"
# act: (service, button, the status it leads to, what is said once done)
ACTS = {
    "publish": (
        services.publish,
        gettext_lazy("Publish"),
        NewsStatus.PUBLISHED,
        gettext_lazy("The news item is published (at its scheduled time, if it has one)."),
    ),
    "withdraw": (
        services.withdraw,
        gettext_lazy("Withdraw"),
        NewsStatus.WITHDRAWN,
        gettext_lazy("The news item is withdrawn: nobody sees it any more."),
    ),
    "draft": (
        services.back_to_draft,
        gettext_lazy("Back to draft"),
        NewsStatus.DRAFT,
        gettext_lazy("The news item is a draft again."),
    ),
}


def _person(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _managed_or_404(request: HttpRequest, pk: int) -> NewsItem:
    if pk > MAX_ID:
        raise Http404
    item = get_object_or_404(NewsItem.objects.select_related("collectivity"), pk=pk)
    if not can(request.user, ACTION, item):
        raise Http404(_("There is no news item you may change at this address."))
    return item


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    user = _person(request)
    if not can(user, ACTION):
        raise Http404(_("There is no news desk for you here."))
    items = selectors.manageable(user).order_by("-created_at", "-pk")
    page = Paginator(items, 30).get_page(request.GET.get("page"))
    return render(request, "news/manage.html", {"page": page, "publishers": selectors.writable_publishers(user)})


def _save(request: HttpRequest, form: NewsItemForm) -> HttpResponse | None:
    if not form.is_valid():
        return None
    try:
        item = services.save_item(
            _person(request),
            form.instance,
            image_type=getattr(form, "image_type", None),
            remove_image=form.cleaned_data.get("remove_image", False),
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)
        return None
    messages.success(request, _("The news item is saved."))
    return redirect("news:edit", pk=item.pk)


@login_required
@require_http_methods(["GET", "POST"])
def add_item(request: HttpRequest, publisher: str) -> HttpResponse:
    network = publisher == selectors.NETWORK
    collectivity = None if network else get_object_or_404(Collectivity, code=publisher[:32])
    item = NewsItem(collectivity=collectivity)
    if not can(request.user, ACTION, item):
        raise Http404(_("There is no news desk for you here."))
    form = NewsItemForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and (saved := _save(request, form)):
        return saved
    return render(request, "news/form.html", {"form": form, "item": item, "publisher": collectivity}, status=200)


@login_required
@require_http_methods(["GET", "POST"])
def edit_item(request: HttpRequest, pk: int) -> HttpResponse:
    item = _managed_or_404(request, pk)
    form = NewsItemForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and (saved := _save(request, form)):
        return saved
    acts = [
        {"name": name, "label": label}
        for name, (_service, label, target, _done) in ACTS.items()
        if target in services.transitions_from(item.status)
    ]
    return render(request, "news/form.html", {"form": form, "item": item, "publisher": item.collectivity, "acts": acts})


@login_required
@require_http_methods(["GET", "POST"])
def change_status(request: HttpRequest, pk: int, act: str) -> HttpResponse:
    """Publish, withdraw or return to draft: a page that asks, then the act on POST."""
    if act not in ACTS:
        raise Http404
    item = _managed_or_404(request, pk)
    service, label, _target, done = ACTS[act]
    if request.method == "POST":
        try:
            service(_person(request), item)
        except services.NewsRefused as refused:
            messages.error(request, str(refused.reason))
        else:
            messages.success(request, done)
        return redirect(reverse("news:edit", args=[item.pk]))
    return render(request, "news/confirm.html", {"item": item, "act": act, "label": label})
