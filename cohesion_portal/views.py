"""The base views every page of the portal is built on.

`PortalViewMixin`: login required, a title and breadcrumbs. `ScopedViewMixin`: the view's rows
come only from `Model.objects.for_user(user, action)`, so an object out of scope is a 404;
a view that has no scoped queryset refuses to run.
"""

import copy
import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView
from django.views.generic.detail import SingleObjectMixin
from django_filters.views import FilterView
from django_tables2 import RequestConfig, SingleTableMixin

from . import area, held_files, versioning
from .access import (
    APPROVE,
    CHANGE,
    INSPECT,
    VIEW,
    can_change_anything,
    personal_permission_of,
    scope_for,
)
from .models import FormSubmission
from .pagination import LateRowPaginator
from .params import parse_id
from .widgets import EMPTY_LABELS, PICK_LIMIT, PickerChoices


class PortalViewMixin(LoginRequiredMixin):
    """Every page behind the login. Views set `title`, and `breadcrumbs` where they nest. A
    page of a model whose rows need a permission to be read at all (a worker's hardship file,
    appeal: `personal_permission_of`) is refused without it, in scope or not, adding included."""

    title = ""

    def dispatch(self, request, *args, **kwargs):
        model = getattr(self, "model", None)
        needed = personal_permission_of(model) if model else None
        if needed and request.user.is_authenticated and not request.user.has_perm(needed):
            raise PermissionDenied(
                _("Your role does not include workers' personal records of assistance.")
            )
        return super().dispatch(request, *args, **kwargs)

    def get_title(self):
        return self.title

    def get_breadcrumbs(self):
        """[(label, url or None), ...] shown above the title; the title itself comes last."""
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.get_title()
        crumbs = self.get_breadcrumbs()
        context["breadcrumbs"] = [*crumbs, (context["title"], None)]
        context["back_url"] = crumbs[-1][1] if crumbs else None
        return context


SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class ScopedViewMixin(PortalViewMixin):
    """Rows through the user's scope, always.

    `scope_action` is "view" or "change"; a request that may write (any method but GET, HEAD
    and OPTIONS) always needs "change", so a view that forgets to say so cannot let a
    read-only role write.
    """

    scope_action = VIEW
    # A list narrows to the area the dashboard's filters chose, when its query string names one
    # (cohesion_portal.area): the number on the dashboard and the list count the same rows.
    narrows_to_area = False

    def get_scope_action(self):
        if self.scope_action in (INSPECT, APPROVE):
            return self.scope_action  # rights of their own, whatever the method
        return self.scope_action if self.request.method in SAFE_METHODS else CHANGE

    def get_queryset(self):
        queryset = super().get_queryset()
        if not hasattr(queryset, "for_user"):
            raise ImproperlyConfigured(
                f"{type(self).__name__} reads {queryset.model.__name__}, which has no scoped "
                "queryset (ScopedQuerySet): it would show rows outside the user's scope."
            )
        queryset = queryset.for_user(self.request.user, self.get_scope_action())
        if self.narrows_to_area and self.request.method in SAFE_METHODS:
            reader = area.reader_from_request(self.request)
            if reader is not None:
                queryset = queryset.for_user(reader)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.narrows_to_area:
            context["area_narrowing"] = area.describe(
                area.area_from(self.request.GET), self.request.user
            )
        return context

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            # Seen but not changeable: say so, rather than pretend the record is not there.
            if self.get_scope_action() != VIEW and queryset is None:
                visible = super().get_queryset().for_user(self.request.user, VIEW)
                if visible.filter(pk=self.kwargs.get(self.pk_url_kwarg)).exists():
                    raise PermissionDenied(
                        _("Your role can view this record but not change it.")
                    ) from None
            raise


class ScopedListView(ScopedViewMixin, SingleTableMixin, FilterView):
    """A filterable, sortable, paginated table; htmx requests get only the table."""

    # The table paginates (one COUNT); the list view must not paginate the same rows again.
    table_pagination = {"per_page": 25, "paginator_class": LateRowPaginator}
    narrows_to_area = True
    template_name = "portal/list.html"
    # The list's "add" button: the page that makes a record of it, and the button's words;
    # shown to those who may make one (`may_create`).
    create_url_name: str | None = None
    create_label = ""

    def get_filterset_class(self):
        if self.filterset_class is None:
            # django-filter would make one of every field, with choices of every union and
            # enterprise in the database: names outside the scope, on the page.
            raise ImproperlyConfigured(
                f"{type(self).__name__} needs a filterset_class whose choices read the scope."
            )
        return super().get_filterset_class()

    def may_create(self) -> bool:
        return can_change_anything(self.request.user)

    def create_button(self) -> tuple[str, str] | None:
        """(url, label) of the "add" button, or None for no button."""
        if self.create_url_name and self.may_create():
            return reverse(self.create_url_name), self.create_label
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if (button := self.create_button()) is not None:
            context["add_url"], context["add_label"] = button
        # The filter form keeps the area it was opened with (hidden, unless it is a field).
        fields = self.filterset.form.fields if getattr(self, "filterset", None) else {}
        context["area_parameters"] = [
            (name, value)
            for name, value in area.area_from(self.request.GET).items()
            if name not in fields
        ]
        return context

    def get_table(self, **kwargs):
        """SingleTableMixin's table, with the page size the view's own: django-tables2 would
        take it from ?per_page= (-1 was a server error, 10000000 the whole table at once)."""
        table = self.get_table_class()(data=self.get_table_data(), **kwargs)
        request = copy.copy(self.request)
        request.GET = self.request.GET.copy()
        request.GET.pop(table.prefixed_per_page_field, None)
        return RequestConfig(request, paginate=self.get_table_pagination(table)).configure(table)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["request"] = self.request
        return kwargs

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["portal/partials/table.html"]
        return super().get_template_names()


class ScopedDetailView(ScopedViewMixin, DetailView):
    pass


class RecordDetailView(ScopedDetailView):
    """The page of one record: whether the user may change it, and its recent history."""

    history_length = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        may_change = self.model._default_manager.for_user(self.request.user, CHANGE)
        context["can_change"] = may_change.filter(pk=record.pk).exists()
        context["history"] = record.history.select_related("history_user").order_by(
            "-history_date"
        )[: self.history_length]
        return context


class SubmitOnceMixin:
    """A create form submitted twice (a double click, a resend) creates one record.

    The form carries a one-time token; the first submit stores it with the new record's URL in
    the same transaction, a later one finds it taken and is sent to that record instead.
    """

    def submits_once(self) -> bool:
        """Whether this request makes a record (an edit page relies on versions instead: a
        second save of the same form is refused with what changed, and loses nothing)."""
        return True

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.submits_once():
            form.fields["submission_token"] = forms.UUIDField(
                widget=forms.HiddenInput, initial=uuid.uuid4, required=False
            )
        return form

    def post(self, request, *args, **kwargs):
        # A resend of a form already saved goes to what it saved, before any validation
        # (which would now complain that the record exists).
        earlier = self._earlier_submission()
        if earlier is not None:
            return self._already_saved(earlier)
        return super().post(request, *args, **kwargs)

    def _earlier_submission(self):
        if not self.submits_once():
            return None
        try:
            token = uuid.UUID(self.request.POST.get("submission_token", ""))
        except ValueError:
            return None
        return (
            FormSubmission.objects.filter(token=token, user=self.request.user)
            .exclude(result_url="")
            .first()
        )

    def form_invalid(self, form):
        # Two submits at once: the slower one may fail validation ("already registered")
        # because the faster one has just saved; send it to that record instead.
        earlier = self._earlier_submission()
        if earlier is not None:
            return self._already_saved(earlier)
        return super().form_invalid(form)

    def form_valid(self, form):
        token = form.cleaned_data.get("submission_token") if self.submits_once() else None
        if token is None:
            return super().form_valid(form)
        try:
            with transaction.atomic():
                submission = FormSubmission.objects.create(token=token, user=self.request.user)
                response = super().form_valid(form)
                if isinstance(response, HttpResponseRedirect):
                    submission.result_url = response.url
                    submission.save(update_fields=["result_url"])
                else:  # the save was refused: the token stays unused for the corrected form
                    transaction.set_rollback(True)
        except IntegrityError:
            earlier = self._earlier_submission()
            if earlier is None:
                raise
            return self._already_saved(earlier)
        return response

    def _already_saved(self, submission):
        messages.info(self.request, _("This form was already submitted; it was saved once."))
        return HttpResponseRedirect(submission.result_url)


def add_service_error(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: next to the field it names where the form
    has that field, above the form otherwise."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class HoldsFilesMixin:
    """A form refused for another field keeps the files already chosen (held_files)."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if "files" in kwargs:
            kwargs["files"] = held_files.with_held(
                kwargs["files"], kwargs["data"], self.request.user
            )
        return kwargs

    def form_invalid(self, form):
        held_files.hold_chosen_files(form, self.request.user)
        return super().form_invalid(form)


class ServiceFormMixin(HoldsFilesMixin):
    """Save through a service; its ValidationError lands next to the fields it names."""

    success_message = ""

    def save(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            with transaction.atomic():
                self.object = self.save(form)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        except IntegrityError:
            # A rule the database enforces (a unique name, say) was broken by someone else's
            # save between our checks and our write.
            form.add_error(
                None,
                _(
                    "Someone saved a conflicting record at the same moment. "
                    "Check the form and save again."
                ),
            )
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message % {"object": self.object})
        return HttpResponseRedirect(self.get_success_url())

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs


class VersionedFormMixin:
    """An edit form that will not save over a change someone else saved after it was opened
    (cohesion_portal.versioning): the refused form comes back with the person's input, a
    message naming who changed the record, when, and what, and the version moved on, so that
    saving again is a choice made knowingly.

    Its `form_valid` hands the version to a ModelForm's instance, whose save checks it. A view
    with a `form_valid` of its own (a service that takes ids, or a record other than the form's
    instance) passes `versioning.loaded_version(form)` to its service itself and answers a
    `StaleRecord` with `refuse_stale_save`, as the monthly report, scheme and assessment views
    do."""

    record_changed = None  # what the refused person is told (versioning.RecordChanged)

    def versioned_record(self):
        """The record whose version the form carries (None: it is not made yet)."""
        return self.object

    def keeps_versions(self):
        """Whether this request edits a record that has versions (an add page has none yet)."""
        return True

    def reload_versioned_record(self):
        """The record as it is now, for the form shown again after a refused save."""
        self.object = self.get_object()
        return self.object

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.keeps_versions():
            versioning.add_version_fields(form, self.versioned_record())
        return form

    def form_valid(self, form):
        if not self.keeps_versions():
            return super().form_valid(form)
        version = versioning.loaded_version(form)
        try:
            if version is None:  # a form from before versions, or made by hand
                raise versioning.StaleRecord(self.versioned_record(), None)
            if isinstance(form, forms.ModelForm) and form.instance.pk is not None:
                form.instance.version = version  # the version its save expects to replace
            return super().form_valid(form)
        except versioning.StaleRecord:
            return self.refuse_stale_save(form, version)

    def refuse_stale_save(self, form, version):
        record = self.reload_versioned_record()
        fresh_form = self.fresh_form()
        self.record_changed = versioning.refuse_and_merge(
            record=record, loaded_version=version, fresh_form=fresh_form, bound_form=form
        )
        return self.render_to_response(self.get_context_data(form=form))

    def fresh_form(self):
        """An unbound form of the record as it is now."""
        kwargs = self.get_form_kwargs()
        kwargs.pop("data", None)
        kwargs.pop("files", None)
        return self.get_form_class()(**kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record_changed"] = self.record_changed
        return context


class RequiresChangeMixin:
    """A page that adds records: refused (403) to roles without the right anywhere (by default
    "change": roles that only read). Its form's choices come from that scope."""

    required_action = CHANGE  # (the view walk reads this)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and scope_for(request.user, self.required_action).is_empty:
            raise PermissionDenied(_("Your role can view records but not add them."))
        return super().dispatch(request, *args, **kwargs)


class ScopedCreateView(
    RequiresChangeMixin, SubmitOnceMixin, ServiceFormMixin, PortalViewMixin, CreateView
):
    template_name = "portal/form.html"


class ScopedObjectFormView(HoldsFilesMixin, ScopedViewMixin, SingleObjectMixin, FormView):
    """A form that acts on one record in the user's change scope (leave, decide, approve...)."""

    scope_action = CHANGE
    template_name = "portal/form.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)


class ScopedUpdateView(VersionedFormMixin, ServiceFormMixin, ScopedViewMixin, UpdateView):
    scope_action = CHANGE
    template_name = "portal/form.html"


class ScopedEditView(
    VersionedFormMixin, SubmitOnceMixin, ServiceFormMixin, ScopedViewMixin, UpdateView
):
    """Adds a record (its URL has no pk) or edits one in the user's change scope (it has one):
    one page and one `save()` for both, as NetBox's ObjectEditView.

    Adding needs the right somewhere (`required_action`, as RequiresChangeMixin says); an add
    form sent twice adds once (SubmitOnceMixin); an edit will not save over a newer change, its
    own second sending included (VersionedFormMixin: refused, showing what changed). The
    list's crumb is `list_crumb`; the add page's title `add_title`."""

    scope_action = CHANGE
    required_action = CHANGE  # to add (the view walk reads this)
    template_name = "portal/form.html"
    list_crumb = None  # (label, url)
    add_title = ""
    added_message = gettext_lazy("%(object)s was added.")
    saved_message = gettext_lazy("%(object)s was saved.")

    @property
    def adding(self):
        return self.pk_url_kwarg not in self.kwargs

    def dispatch(self, request, *args, **kwargs):
        if (
            self.adding
            and request.user.is_authenticated
            and scope_for(request.user, self.required_action).is_empty
        ):
            raise PermissionDenied(_("Your role can view records but not add them."))
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return self.model() if self.adding else super().get_object(queryset)

    def keeps_versions(self):
        return not self.adding

    def submits_once(self):
        return self.adding

    @property
    def success_message(self):
        return self.added_message if self.adding else self.saved_message

    def get_title(self):
        if self.adding:
            return self.add_title
        return _("Edit %(name)s") % {"name": self.object}

    def get_breadcrumbs(self):
        crumbs = [self.list_crumb] if self.list_crumb else []
        if self.adding:
            return crumbs
        return [*crumbs, (str(self.object), self.object.get_absolute_url())]


class PickView(ScopedViewMixin, ListView):
    """What a RecordPicker (cohesion_portal.widgets) shows under its search box: the records
    it has ticked, named again from the user's scope (an id outside it is dropped), and the
    first records the search finds among the rest. A view sets `model`, `scope_action` and
    `search()`; `describe()` names the records."""

    template_name = "portal/widgets/picker_choices.html"
    http_method_names = ["get"]

    def search(self, queryset, text: str):
        raise NotImplementedError

    def describe(self, records) -> list[tuple[int, str]]:
        return [(record.pk, str(record)) for record in records]

    def get(self, request, *args, **kwargs):
        name = request.GET.get("name", "")
        name = name if name.isidentifier() else "choice"
        multiple = request.GET.get("multiple") == "1"
        chosen_ids = [pk for pk in map(parse_id, request.GET.getlist(name)) if pk]
        if not multiple:
            chosen_ids = chosen_ids[:1]
        scoped = self.get_queryset()
        # (A NUL, which PostgreSQL refuses in a query, is no letter of any name.)
        text = request.GET.get(f"{name}-search", "").replace("\x00", "").strip()
        found = list(self.search(scoped.exclude(pk__in=chosen_ids), text)[: PICK_LIMIT + 1])
        choices = PickerChoices(
            name=name,
            html_id=f"id_{name}",
            multiple=multiple,
            empty_label=(
                EMPTY_LABELS[request.GET["empty"]]()
                if request.GET.get("empty") in EMPTY_LABELS
                else None
            ),
            chosen=self.describe(scoped.filter(pk__in=chosen_ids)),
            found=self.describe(found[:PICK_LIMIT]),
            more=len(found) > PICK_LIMIT,
        )
        return render(request, self.template_name, {"picker": choices})
