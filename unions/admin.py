"""The admin is for superusers (see cohesion_portal/urls.py). Writes that carry rules go
through the same services as the pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AreaAssignment, Enterprise, IndustryUnion, Role, Union
from .services import UNION_FIELDS, enterprise_save, union_create, union_update


@admin.register(IndustryUnion)
class IndustryUnionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "code")
    search_fields = ("name", "short_name")


@admin.register(Union)
class UnionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "parent", "industry_union", "chair", "status")
    list_filter = ("industry_union", "kind", "status")
    search_fields = ("name", "chair")
    raw_id_fields = ("parent",)
    list_select_related = ("parent", "industry_union")

    def save_model(self, request, obj, form, change):
        fields = {name: getattr(obj, name) for name in UNION_FIELDS}
        if change:
            saved = union_update(actor=request.user, union=obj, parent=obj.parent, **fields)
        else:
            saved = union_create(
                actor=request.user, industry_union=obj.industry_union, parent=obj.parent, **fields
            )
        obj.pk, obj.path = saved.pk, saved.path


@admin.register(Enterprise)
class EnterpriseAdmin(SimpleHistoryAdmin):
    list_display = ("name", "credit_code", "industry_union", "union", "unionized_on", "headcount")
    list_filter = ("industry_union", "ownership", "sector")
    search_fields = ("name", "credit_code")
    raw_id_fields = ("union",)
    list_select_related = ("industry_union", "union")

    def save_model(self, request, obj, form, change):
        enterprise_save(actor=request.user, enterprise=obj)


@admin.register(Role)
class RoleAdmin(SimpleHistoryAdmin):
    list_display = ("user", "kind", "industry_union", "union")
    list_filter = ("kind", "industry_union")
    search_fields = ("user__username", "user__name", "union__name")
    raw_id_fields = ("user", "union")


@admin.register(AreaAssignment)
class AreaAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ("cadre", "union", "starts_on", "ends_on")
    list_filter = ("union__industry_union",)
    search_fields = ("cadre__username", "cadre__name", "union__name")
    raw_id_fields = ("cadre", "union")
