"""Good practices in the back office, for the network coordinators (who review them) and the administrators. The
states move on the practice's page (publish, return, withdraw), where each transition is recorded; here the status
is read-only."""

from django.contrib import admin

from infitah.accounts.roles import is_network_coordinator
from infitah.core.admin import ScopedAdmin
from infitah.practices.models import Adoption, Practice, PracticeEvent


class CoordinatorsAdmin(ScopedAdmin):
    view_action = change_action = "practices.review"

    def scope_queryset(self, request, queryset):
        return queryset if is_network_coordinator(request.user) else queryset.none()


class PracticeEventInline(admin.TabularInline):
    model = PracticeEvent
    extra = 0
    can_delete = False
    readonly_fields = ("act", "status_from", "status_to", "by", "at", "note")

    def has_add_permission(self, request, obj=None):
        return False


class AdoptionInline(admin.TabularInline):
    model = Adoption
    extra = 0
    raw_id_fields = ("collectivity", "commitment")


@admin.register(Practice)
class PracticeAdmin(CoordinatorsAdmin):
    list_display = ("__str__", "collectivity", "status", "published_at", "is_illustrative")
    list_filter = ("status", "is_illustrative")
    list_select_related = ("collectivity",)
    search_fields = ("search_key", "collectivity__code")
    raw_id_fields = ("collectivity",)
    readonly_fields = ("status", "review_note", "published_at")
    inlines = [AdoptionInline, PracticeEventInline]


@admin.register(Adoption)
class AdoptionAdmin(CoordinatorsAdmin):
    list_display = ("practice", "collectivity", "commitment", "declared_at")
    list_select_related = ("practice", "collectivity", "commitment")
    raw_id_fields = ("practice", "collectivity", "commitment")
