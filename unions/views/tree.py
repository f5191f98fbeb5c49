from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from cohesion_portal.access import CHANGE, can_change_anything
from cohesion_portal.params import query_id
from cohesion_portal.views import (
    RecordDetailView,
    ScopedDetailView,
    ScopedEditView,
    ScopedViewMixin,
)

from ..filters import UnionFilter
from ..forms import UnionForm
from ..metrics import subtree_counts
from ..models import Union
from ..selectors import enterprises_under, union_ancestors
from ..services import UNION_FIELDS, union_create, union_update

UNIONS_CRUMB = (_("Union tree"), reverse_lazy("unions:tree"))


def union_crumbs(union):
    """The tree above a union, as breadcrumbs: tree › grassroots union › branch."""
    ancestors = union_ancestors(union)
    return [UNIONS_CRUMB, *[(a.name, a.get_absolute_url()) for a in ancestors]]


class UnionTreeView(ScopedViewMixin, ListView):
    """The top of the user's part of the tree; each node opens its units in place (htmx)."""

    model = Union
    title = _("Union tree")
    template_name = "unions/tree.html"
    paginate_by = 50

    def get_queryset(self):
        scoped = super().get_queryset()
        self.filterset = UnionFilter(self.request.GET, queryset=scoped, request=self.request)
        self.searching = bool(self.request.GET.get("q"))
        if self.searching:  # matches anywhere in the tree, in tree order
            return self.filterset.qs.select_related("industry_union", "parent").order_by(
                "industry_union", "path"
            )
        # The tops of the scope: unions in scope whose parent is not.
        tops = self.filterset.qs.exclude(parent__in=scoped)
        return tops.select_related("industry_union").order_by("industry_union", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        context["searching"] = self.searching
        context["counts"] = subtree_counts(context["object_list"])
        context["can_add"] = can_change_anything(self.request.user)
        return context


class UnionChildrenView(ScopedDetailView):
    """The units directly under a union: the rows a tree node shows when opened."""

    model = Union
    template_name = "unions/partials/tree_children.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        children = list(self.object.children.order_by("name"))
        context["children"] = children
        context["counts"] = subtree_counts(children)
        context["level"] = self.object.depth
        return context


class UnionDetailView(RecordDetailView):
    model = Union
    template_name = "unions/union_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("industry_union", "parent")

    def get_title(self):
        return self.object.name

    def get_breadcrumbs(self):
        return union_crumbs(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        union = self.object
        children = list(union.children.order_by("name"))
        counts = subtree_counts([union, *children])
        context["figures"] = counts[union.pk]
        context["children"] = children
        context["counts"] = counts
        context["enterprises"] = enterprises_under(union)
        return context


class UnionEditView(ScopedEditView):
    """Adds a union under a parent in the user's scope, or edits one."""

    model = Union
    form_class = UnionForm
    add_title = _("Add a union")
    list_crumb = UNIONS_CRUMB

    def get_initial(self):
        initial = super().get_initial()
        if not self.adding:
            return initial
        parent = (
            Union.objects.for_user(self.request.user, CHANGE)
            .filter(pk=query_id(self.request.GET, "parent"))
            .first()
        )
        if parent is not None:
            initial.update(parent=parent, kind="group" if parent.kind == "branch" else "branch")
        return initial

    def get_breadcrumbs(self):
        if self.adding:
            return [UNIONS_CRUMB]
        return [*union_crumbs(self.object), (self.object.name, self.object.get_absolute_url())]

    def save(self, form):
        data = form.cleaned_data
        fields = {name: data[name] for name in UNION_FIELDS}
        parent, industry_union = data.get("parent"), data.get("industry_union")
        if self.adding:
            return union_create(
                actor=self.request.user, industry_union=industry_union, parent=parent, **fields
            )
        return union_update(
            actor=self.request.user,
            union=self.object,
            parent=parent,
            industry_union=industry_union,
            **fields,
        )
