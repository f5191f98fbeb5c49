"""The admin is for superusers (see cohesion_portal/urls.py). Writes that carry rules go
through the same services as the pages."""

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cohesion_portal.admin import WorkbookImportAdmin

from .models import (
    AreaAssignment,
    Enterprise,
    IndustryUnion,
    JoinApplication,
    Member,
    Membership,
    PersonalDataDisclosure,
    Role,
    RosterImport,
    Transfer,
    Union,
)
from .services import (
    UNION_FIELDS,
    enterprise_errors,
    enterprise_save,
    member_update,
    union_create,
    union_placement_errors,
    union_update,
)


@admin.register(IndustryUnion)
class IndustryUnionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "code")
    search_fields = ("name", "short_name")


class UnionAdminForm(forms.ModelForm):
    """The tree rules as form errors, so the admin shows them instead of failing."""

    def clean(self):
        cleaned = super().clean()
        probe = Union(
            pk=self.instance.pk,
            path=self.instance.path,
            industry_union_id=getattr(cleaned.get("industry_union"), "pk", None),
        )
        if cleaned.get("kind") and cleaned.get("name"):
            errors = union_placement_errors(
                union=probe,
                parent=cleaned.get("parent"),
                kind=cleaned["kind"],
                name=cleaned["name"],
            )
            for field, message in errors.items():
                self.add_error(field, message)
        return cleaned


class EnterpriseAdminForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        errors = enterprise_errors(
            union=cleaned.get("union"), unionized_on=cleaned.get("unionized_on")
        )
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


@admin.register(Union)
class UnionAdmin(SimpleHistoryAdmin):
    form = UnionAdminForm
    list_display = ("name", "kind", "parent", "industry_union", "chair", "status")
    list_filter = ("industry_union", "kind", "status")
    search_fields = ("name", "chair")
    raw_id_fields = ("parent",)
    list_select_related = ("parent", "industry_union")

    def save_model(self, request, obj, form, change):
        fields = {name: getattr(obj, name) for name in UNION_FIELDS}
        if change:
            saved = union_update(
                actor=request.user,
                union=obj,
                parent=obj.parent,
                industry_union=obj.industry_union,
                **fields,
            )
        else:
            saved = union_create(
                actor=request.user, industry_union=obj.industry_union, parent=obj.parent, **fields
            )
        obj.pk, obj.path = saved.pk, saved.path


@admin.register(Enterprise)
class EnterpriseAdmin(SimpleHistoryAdmin):
    form = EnterpriseAdminForm
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


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    readonly_fields = ("union", "started_on", "start", "ended_on", "end")
    can_delete = False


@admin.register(Member)
class MemberAdmin(SimpleHistoryAdmin):
    """Members are enrolled, moved and ended through the portal's pages (the services keep
    their membership periods); here a superuser corrects details."""

    list_display = ("name", "gender", "union", "enterprise", "joined_on", "is_migrant", "status")
    list_filter = ("status", "is_migrant", "is_dispatched", "gender", "union__industry_union")
    search_fields = ("name", "card_number", "id_number")
    raw_id_fields = ("union", "enterprise")
    list_select_related = ("union", "enterprise")
    readonly_fields = ("status", "status_changed_on", "status_reason")
    inlines = [MembershipInline]

    def has_add_permission(self, request):
        return False  # enrol through the member pages, which check the ID number and history

    def save_model(self, request, obj, form, change):
        member_update(actor=request.user, member=obj)


@admin.register(Transfer)
class TransferAdmin(SimpleHistoryAdmin):
    list_display = ("member", "from_union", "to_union", "status", "requested_at", "decided_at")
    list_filter = ("status",)
    search_fields = ("member__name", "from_union__name", "to_union__name")
    raw_id_fields = ("member", "from_union", "to_union", "to_enterprise")
    readonly_fields = [f.name for f in Transfer._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(PersonalDataDisclosure)
class PersonalDataDisclosureAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "reason", "member", "looked_up")
    list_filter = ("reason",)
    search_fields = ("user__username", "user__name", "member__name")
    readonly_fields = ("at", "user", "reason", "member", "looked_up")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Read-only: the services write membership periods when members join, move and leave."""

    list_display = ("member", "union", "started_on", "start", "ended_on", "end")
    list_filter = ("start", "end")
    search_fields = ("member__name", "union__name")
    readonly_fields = ("member", "union", "started_on", "start", "ended_on", "end")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RosterImport)
class RosterImportAdmin(WorkbookImportAdmin):
    pass


@admin.register(JoinApplication)
class JoinApplicationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "union", "status", "submitted_at", "decided_at")
    list_filter = ("status",)
    search_fields = ("name", "union__name")
    readonly_fields = [f.name for f in JoinApplication._meta.fields]

    def has_add_permission(self, request):
        return False
