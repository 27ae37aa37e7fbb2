from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from infitah.core.permissions import require
from infitah.participation import moderation, selectors
from infitah.participation.forms import HideForm, ReportForm, RestoreForm
from infitah.participation.rules import may_read_text
from infitah.participation.targets import ParticipationRefused, kept_from, url_of
from infitah.participation.views.common import next_url, resolve
from infitah.territories.models import Collectivity

LOG_PER_PAGE = 50


@login_required
def report(request, target, pk):
    obj = resolve(target, pk, built_in=True)
    if kept_from(request.user, obj):
        # An object its gate keeps from this person (a members-only forum thread) is named to them nowhere.
        raise Http404("not yours to see")
    place = moderation.place_of(obj)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.report(request.user, obj, form.cleaned_data["reason"], form.cleaned_data["details"])
        except (ParticipationRefused, ValidationError) as refusal:
            form.add_error(None, getattr(refusal, "message", refusal))
        else:
            messages.success(request, _("Thank you. The moderators will look at your report."))
            return redirect(next_url(request, place))
    return render(
        request,
        "participation/report.html",
        {
            "obj": obj,
            "place": place,
            # A hidden item's text reaches only its author and the moderators, here as everywhere.
            "text": _text_of(obj) if may_read_text(request.user, obj) else "",
            "hidden": getattr(obj, "is_hidden", False),
            "form": form,
            "next": request.GET.get("next") or request.POST.get("next", ""),
        },
        status=400 if form.errors else 200,
    )


def _text_of(obj):
    return "\n".join(part for part in (getattr(obj, "title", ""), getattr(obj, "body", "")) if part)


@login_required
def moderate(request, target, pk):
    obj = resolve(target, pk, built_in=True)
    if not hasattr(obj, "is_hidden"):
        raise Http404("this kind of object cannot be hidden")
    require(request.user, "participation.moderate", obj)
    place = moderation.place_of(obj)
    form_class = RestoreForm if obj.is_hidden else HideForm
    form = form_class(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "dismiss":
                closed = moderation.dismiss_reports(request.user, obj)
                messages.success(request, _("%(count)d report(s) closed; nothing was hidden.") % {"count": closed})
                return redirect(next_url(request, place))
            if form.is_valid():
                if obj.is_hidden:
                    moderation.restore(request.user, obj, form.cleaned_data["explanation"])
                    messages.success(request, _("Restored. The moderation log records it."))
                else:
                    moderation.hide(request.user, obj, form.cleaned_data["category"], form.cleaned_data["explanation"])
                    messages.success(request, _("Hidden. The reason is shown in its place and in the public log."))
                return redirect(next_url(request, place))
        except (ParticipationRefused, ValidationError) as refusal:
            form.add_error(None, getattr(refusal, "message", refusal))
    return render(
        request,
        "participation/moderate.html",
        {
            "obj": obj,
            "place": place,
            "place_url": url_of(place) if place is not None else "",
            "form": form,
            "reports": moderation.open_reports(obj).select_related("reporter"),
            "next": request.GET.get("next") or request.POST.get("next", ""),
        },
        status=400 if form.errors else 200,
    )


def log(request, code=None):
    """The public moderation log of a collectivity (or of the network's own items): what, when and why."""
    collectivity = get_object_or_404(Collectivity, code=code) if code else None
    page = Paginator(selectors.moderation_log(collectivity), LOG_PER_PAGE).get_page(request.GET.get("page"))
    entries = selectors.load_places(page.object_list)
    rows = []
    for entry in entries:
        model = entry.content_type.model_class()
        rows.append(
            {
                "entry": entry,
                "kind": model._meta.verbose_name if model else "",
                "url": url_of(entry.target) if entry.target is not None else "",
            }
        )
    return render(
        request,
        "participation/moderation_log.html",
        {
            "collectivity": collectivity,
            "page": page,
            "rows": rows,
        },
    )
