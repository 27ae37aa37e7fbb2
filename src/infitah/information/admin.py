"""Access to information in the back office."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, Role
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.information.models import InformationRequest, PublicationCategory, PublicationEntry, ResponseTemplate


@admin.register(ResponseTemplate)
class ResponseTemplateAdmin(admin.ModelAdmin):
    """The response templates officers start from (Arabic and French): kept by the platform's administrators."""

    list_display = ["__str__", "use", "collectivity"]
    list_filter = ["use"]
    list_select_related = ["collectivity"]
    raw_id_fields = ["collectivity"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    has_change_permission = has_delete_permission = has_view_permission

    def has_add_permission(self, request):
        return request.user.is_superuser


# The catalogue's categories (the law's list, shipped as data) are the platform administrators'; its entries are
# read here, scoped to the staff's collectivities, and written on the site (the entry form checks the link, the
# date and every document; the audit log records it). Requests are read-only, for the collectivity's information
# officers, and the national ID number is never shown, listed or searched here.

OFFICER = {Role.INFORMATION_OFFICER}


@admin.register(PublicationCategory)
class PublicationCategoryAdmin(admin.ModelAdmin):
    """Platform administrators only: a category is the law's list, shared by every collectivity."""

    list_display = ["__str__", "key", "source", "stale_after_days", "order"]
    search_fields = ["key", "source"]
    ordering = ["order", "pk"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    has_change_permission = has_view_permission

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        # A category with entries is protected by the database; an empty one may go.
        return request.user.is_superuser


@admin.register(PublicationEntry)
class PublicationEntryAdmin(ScopedAdmin):
    view_action = "territories.view_collectivity_backoffice"
    list_display = ["__str__", "collectivity", "category", "updated_on", "owner"]
    list_filter = ["category"]
    list_select_related = ["collectivity", "category"]
    date_hierarchy = "updated_on"
    readonly_fields = ("collectivity", "category", "title", "url", "updated_on", "owner", "created_at", "public_page")
    fields = readonly_fields

    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        return queryset.filter(collectivity__in=collectivities_where(request.user, STAFF_ROLES))

    @admin.display(description=_("public page (edit the entry there)"))
    def public_page(self, obj):
        url = reverse("information:member_catalogue", args=[obj.collectivity.code])
        return format_html('<a href="{}">{}</a>', url, url)


@admin.register(InformationRequest)
class InformationRequestAdmin(ScopedAdmin):
    """Read-only: a request moves by the officers' acts on its page (deadlines, notifications, history)."""

    view_action = "information.handle_request"
    list_display = ["reference", "subject", "collectivity", "state", "received_on", "due_on"]
    list_filter = ["state", "kind", "is_public"]
    list_select_related = ["collectivity"]
    search_fields = ["reference", "subject"]  # never the identity
    date_hierarchy = "received_on"
    # No national_id, name or addresses: the back office is no place for the requester's identity.
    readonly_fields = (
        "reference",
        "collectivity",
        "subject",
        "description",
        "kind",
        "access_form",
        "state",
        "received_on",
        "due_on",
        "replied_on",
        "is_public",
        "public_page",
    )
    fields = readonly_fields

    def scope_queryset(self, request, queryset):
        return queryset.filter(collectivity__in=collectivities_where(request.user, OFFICER))

    @admin.display(description=_("its page (act on the request there)"))
    def public_page(self, obj):
        url = reverse("information:request", args=[obj.reference])
        return format_html('<a href="{}">{}</a>', url, url)
