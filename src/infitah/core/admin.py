"""The back office: Django's admin, with every page asking `can()` and every list scoped.

Staff of one collectivity see and change only their collectivity's objects; the same rules as the
public views decide, so there is no second permission system to keep in step.
"""

import functools
from collections.abc import Callable
from contextvars import ContextVar

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from infitah.core.permissions import can

# Called after every add, change and delete made through a ScopedAdmin, as listener(request, objects, action,
# message) with action "add", "change" or "delete" (before the deletion). The participation app's audit log
# registers here, so the back office is audited without the core depending on it.
_admin_listeners: list[Callable[..., None]] = []


def register_admin_listener(listener):
    if listener not in _admin_listeners:
        _admin_listeners.append(listener)


def _tell_listeners(request, objects, action, message=""):
    for listener in _admin_listeners:
        listener(request, list(objects), action, message)


# The request the back office is answering, so that a read-only field links to the related object only when that
# person may open it (Django's admin links every read-only foreign key, and the link then answers 403).
_current_request = ContextVar("infitah_admin_request", default=None)


class ChooserAutocompleteJsonView(AutocompleteJsonView):
    """The back office's search behind a chooser (autocomplete) field.

    When the chosen model's admin defines `chooser_queryset(request)` and `may_choose(request)`, the search runs
    over that queryset only and is allowed by that question: people are found among those linked to the staff
    member's collectivities, never among all accounts.
    """

    def get_queryset(self):
        chooser = getattr(self.model_admin, "chooser_queryset", None)
        if chooser is None:
            return super().get_queryset()
        queryset = chooser(self.request).complex_filter(self.source_field.get_limit_choices_to())
        queryset, distinct = self.model_admin.get_search_results(self.request, queryset, self.term)
        return queryset.distinct() if distinct else queryset

    def has_perm(self, request, obj=None):
        may_choose = getattr(self.model_admin, "may_choose", None)
        return may_choose(request) if may_choose is not None else super().has_perm(request, obj)


class InfitahAdminSite(admin.AdminSite):
    site_header = _("Infitah back office")
    site_title = _("Infitah back office")
    index_title = _("Back office")

    def has_permission(self, request):
        return can(request.user, "backoffice.access")

    def autocomplete_view(self, request):
        return ChooserAutocompleteJsonView.as_view(admin_site=self)(request)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @functools.wraps(inner)
        def with_request(request, *args, **kwargs):
            token = _current_request.set(request)
            try:
                response = inner(request, *args, **kwargs)
                if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                    response.render()  # while the request is known to the read-only fields
                return response
            finally:
                _current_request.reset(token)

        return with_request


_django_admin_url = helpers.AdminReadonlyField.get_admin_url


def _admin_url_if_allowed(self, remote_field, remote_obj):
    """A read-only foreign key links to the related object's page only if the person may open it."""
    request = _current_request.get()
    if request is not None:
        site = getattr(self.model_admin, "admin_site", None) or admin.site
        try:
            related_admin = site.get_model_admin(remote_field.model)
        except NotRegistered:
            return str(remote_obj)
        if not related_admin.has_view_permission(request, remote_obj):
            return str(remote_obj)
    return _django_admin_url(self, remote_field, remote_obj)


class InfitahAdminConfig(AdminConfig):
    default_site = "infitah.core.admin.InfitahAdminSite"

    def ready(self):
        super().ready()
        helpers.AdminReadonlyField.get_admin_url = _admin_url_if_allowed
        register_calendar_admin()


class ScopedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose permissions come from `can()`.

    Subclasses name the actions, and `scope_queryset(request, queryset)` restricts the list to what
    the user may see; `has_*_permission(obj)` then checks each object through `can()`.
    """

    view_action: str | None = None
    change_action: str | None = None
    add_action: str | None = None
    delete_action: str | None = None

    def scope_queryset(self, request, queryset):
        raise NotImplementedError

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return self.scope_queryset(request, queryset)

    def _can(self, request, action, obj=None):
        return bool(action) and can(request.user, action, obj)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._can(request, self.view_action, obj) or self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._can(request, self.change_action, obj)

    def has_add_permission(self, request):
        return self._can(request, self.add_action)

    def has_delete_permission(self, request, obj=None):
        return self._can(request, self.delete_action, obj)

    def save_model(self, request, obj, form, change):
        # The forms limit choices to the user's collectivities; this also refuses a forged POST.
        if not self._can(request, self.change_action if change else self.add_action, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        _tell_listeners(request, [obj], "add", message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        _tell_listeners(request, [obj], "change", message)
        return entry

    def log_deletions(self, request, queryset):
        entries = super().log_deletions(request, queryset)
        _tell_listeners(request, queryset, "delete")
        return entries


# --- Working-day calendar: the platform administrator confirms or corrects the estimated Hijri holidays ---------


class HolidayCorrectionAdmin(admin.ModelAdmin):
    """Platform administrators only: one correction moves every legal deadline of every collectivity."""

    list_display = ["date", "kind", "name", "source", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "source"]
    date_hierarchy = "date"

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    has_change_permission = has_delete_permission = has_view_permission

    def has_add_permission(self, request):
        return request.user.is_superuser


def register_calendar_admin() -> None:
    """Called from InfitahAdminConfig.ready: this module is imported before the models are loaded."""
    from infitah.core.models import HolidayCorrection

    if not admin.site.is_registered(HolidayCorrection):
        admin.site.register(HolidayCorrection, HolidayCorrectionAdmin)
