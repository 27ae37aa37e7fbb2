from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.participation import notifications, selectors
from infitah.participation.forms import NotificationSettingsForm
from infitah.participation.models import Notification
from infitah.participation.views.common import next_url

PER_PAGE = 30


@login_required
def inbox(request):
    page = Paginator(selectors.inbox(request.user), PER_PAGE).get_page(request.GET.get("page"))
    items = [
        {"notification": n, "sentence": notifications.describe(n, html=True), "link": notifications.link_of(n)}
        for n in page.object_list
    ]
    return render(
        request,
        "participation/notifications.html",
        {
            "page": page,
            "items": items,
            "unread": sum(not item["notification"].is_read for item in items),
            "settings_form": NotificationSettingsForm(
                initial={"email_frequency": notifications.email_frequency(request.user)}
            ),
        },
    )


@login_required
def open_notification(request, pk):
    """Follow a notification's link: mark it read, then go where it points (a local address only)."""
    notification = get_object_or_404(Notification.objects.select_related("content_type"), pk=pk, recipient=request.user)
    notifications.mark_read(request.user, [notification.pk])
    link = notifications.link_of(notification)
    if not link or not url_has_allowed_host_and_scheme(link, allowed_hosts=None) or not link.startswith("/"):
        link = reverse("participation:notifications")
    return redirect(link)


@login_required
@require_POST
def mark_read(request):
    ids = [int(value) for value in request.POST.getlist("notification") if value.isdigit()]
    changed = notifications.mark_read(request.user, ids or None)
    if not ids:
        messages.success(request, _("All your notifications are marked as read."))
    elif changed:
        messages.success(request, _("Marked as read."))
    return redirect(next_url(request, fallback=reverse("participation:notifications")))


@login_required
@require_POST
def preferences(request):
    form = NotificationSettingsForm(request.POST)
    if form.is_valid():
        notifications.set_email_frequency(request.user, form.cleaned_data["email_frequency"])
        messages.success(request, _("Your e-mail preference is saved."))
    else:
        messages.error(request, _("Choose one of the options."))
    return redirect("participation:notifications")
