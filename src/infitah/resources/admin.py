"""Resources in the back office: a member's staff keep its resources, the coordinators the network's."""

from django.contrib import admin

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.resources.models import Resource, ResourceVersion


class ResourceVersionInline(admin.TabularInline):
    """Versions and their files come in through the resource's page, where each file is checked (type, content,
    size); here they are read."""

    model = ResourceVersion
    extra = 0
    readonly_fields = ("label", "note", "released_on")
    fields = readonly_fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Resource)
class ResourceAdmin(ScopedAdmin):
    view_action = change_action = "resources.publish"
    list_display = ("__str__", "kind", "publisher", "is_illustrative")
    list_filter = ("kind", "is_illustrative")
    list_select_related = ("publisher",)
    search_fields = ("search_key",)
    raw_id_fields = ("publisher",)
    inlines = [ResourceVersionInline]

    def scope_queryset(self, request, queryset):
        if is_network_coordinator(request.user):
            return queryset
        return queryset.filter(publisher_id__in=collectivities_where(request.user, STAFF_ROLES))
