from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from infitah.accounts import invitations, personal_data, selectors
from infitah.accounts.forms import AssociationFilterForm, AssociationForm, DeleteAccountForm, ProfileForm
from infitah.accounts.models import Association, Representative
from infitah.core.contributions import ordered, waiting_groups
from infitah.core.permissions import can

ASSOCIATIONS_PER_PAGE = 30


@login_required
def home(request):
    """The landing page after login: what waits for this person, group by group, with the due dates."""
    now = timezone.now()
    groups = []
    for group in ordered(waiting_groups):
        items = group.items(request.user, now)
        if items:
            groups.append({"key": group.key, "title": group.title, "items": items})
    return render(request, "accounts/home.html", {"groups": groups})


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = form.save()
            language = user.preferred_language
            with translation.override(language):
                messages.success(request, _("Your profile has been saved."))
                response = redirect(reverse("accounts:profile"))
            # The cookie makes the choice stick on addresses without a language prefix, as the switcher does.
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
            return response
        messages.error(request, _("Please correct the errors below."))
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "roles": selectors.roles_of(request.user),
            "representations": selectors.representations_of(request.user),
        },
    )


def association_list(request):
    regions = list(selectors.regions())
    seats = list(selectors.seats_of_verified_associations())
    form = AssociationFilterForm(request.GET or None, regions=regions, seats=seats)
    region, seat = form.selected()
    associations = selectors.verified_associations(region=region, seat=seat)
    page = Paginator(associations, ASSOCIATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/associations/list.html",
        {
            "form": form,
            "page": page,
            "filtered": bool(region or seat),
        },
    )


def association_detail(request, pk):
    try:
        association = selectors.association_detail(pk)
    except Association.DoesNotExist:
        raise Http404(_("There is no association at this address.")) from None
    if not can(request.user, "accounts.view_association", association):
        # A pending association is not public yet: to others it does not exist.
        raise Http404(_("There is no association at this address."))
    return render(
        request,
        "accounts/associations/detail.html",
        {
            "association": association,
            "representatives": list(association.representative_links.all()),
            "may_verify": not association.is_verified and can(request.user, "accounts.verify_association", association),
        },
    )


@login_required
def association_register(request):
    if not can(request.user, "accounts.register_association"):
        raise PermissionDenied
    form = AssociationForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                association = form.save()
                Representative.objects.create(
                    association=association, user=request.user, title=form.cleaned_data["title"]
                )
            messages.success(
                request,
                _(
                    "Your association has been registered and you are its representative. It is pending "
                    "verification: it will appear in the public list once the platform's staff have verified it."
                ),
            )
            return redirect("associations:detail", pk=association.pk)
        messages.error(request, _("Please correct the errors below."))
    return render(request, "accounts/associations/register.html", {"form": form})


@login_required
def invitation(request, token):
    """The person invited by a collectivity reads what accepting means, and accepts (for an association they
    represent too, if they choose one)."""
    invitation = invitations.invitation_from_token(token)
    if invitation is None:
        raise Http404(_("This invitation link is wrong, has expired or was withdrawn."))
    represented = list(Association.objects.filter(representative_links__user=request.user).order_by("pk"))
    refusal = None
    if request.method == "POST":
        chosen = request.POST.get("association") or None
        association = next((a for a in represented if str(a.pk) == chosen), None)
        if chosen and association is None:
            refusal = _("You may answer only for an association you represent.")
        else:
            try:
                invitations.accept(invitation, request.user, association)
            except invitations.InvitationRefused as refused:
                refusal = refused.message
            else:
                messages.success(request, _("Thank you: you accepted the invitation."))
                return redirect(reverse("accounts:profile"))
    return render(
        request,
        "accounts/invitations/accept.html",
        {"invitation": invitation, "represented": represented, "refusal": refusal},
        status=400 if refusal else 200,
    )


def privacy(request):
    """The privacy notice (law 09-08): what is collected, why, for how long, who to ask."""
    return render(
        request,
        "accounts/privacy.html",
        {
            "privacy_email": settings.INFITAH_PRIVACY_EMAIL,
            "throttle_minutes": 2 * settings.INFITAH_LOGIN_LIMITS["window_seconds"] // 60,
        },
    )


@login_required
def download_my_data(request):
    """Everything the platform holds about the signed-in person, as one JSON file (the right of access)."""
    response = JsonResponse(personal_data.export(request.user), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="infitah-my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        personal_data.delete_account(request.user)
        logout(request)
        messages.success(
            request,
            _(
                "Your account has been deleted and your personal data erased. What you contributed stays on the "
                "platform under “former participant”."
            ),
        )
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})
