from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from infitah.accounts.forms import ProfileForm


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = form.save()
            messages.success(request, _("Your profile has been saved."))
            response = redirect(f"/{user.preferred_language}/accounts/profile/")
            response.set_cookie("django_language", user.preferred_language, max_age=365 * 24 * 3600, samesite="Lax")
            return response
        messages.error(request, _("Please correct the errors below."))
    roles = request.user.role_assignments.select_related("collectivity")
    associations = request.user.representative_links.select_related("association")
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "roles": roles,
            "representations": associations,
            "language": translation.get_language(),
        },
    )
