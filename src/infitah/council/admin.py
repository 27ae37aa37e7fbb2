from django.contrib import admin

from infitah.council.models import AgendaPoint, Decision, Session


class AgendaPointInline(admin.TabularInline):
    model = AgendaPoint
    extra = 0
    raw_id_fields = ("petition", "program")


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "collectivity", "kind", "opens_on", "status", "is_published")
    list_filter = ("kind", "status", "is_published")
    date_hierarchy = "opens_on"
    search_fields = ("collectivity__code",)
    raw_id_fields = ("collectivity",)
    inlines = [AgendaPointInline]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ("number", "__str__", "collectivity", "decided_on", "outcome")
    list_filter = ("outcome", "year")
    search_fields = ("number",)
    raw_id_fields = ("session", "agenda_point", "collectivity", "adoption")
    readonly_fields = ("outcome", "year")
