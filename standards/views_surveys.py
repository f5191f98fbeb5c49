"""Satisfaction surveys: the union opens one; members answer on their phones (public page)."""

import django_tables2 as tables
import segno
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views import View

from cohesion_portal.access import CHANGE
from cohesion_portal.ratelimit import allow, client_address
from cohesion_portal.views import RecordDetailView, ScopedCreateView, ScopedListView
from unions.fields import UnionChoiceField
from unions.models import Union

from .filters import SurveyFilter
from .models import SATISFIED_ANSWERS, Answer, Period, Survey, SurveyResponse
from .surveys import survey_answer, survey_open

SURVEY_ANSWERS_PER_ADDRESS = 300  # an hour
TRIES_PER_NAME = 5  # an hour, on one survey
SURVEYS_CRUMB = (_("Satisfaction surveys"), reverse_lazy("standards:survey_list"))
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ("period", "union", "opens_on", "closes_on")
        field_classes = {"union": UnionChoiceField}
        widgets = {"opens_on": DATE, "closes_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = Period.objects.for_user(user).order_by("-starts_on")
        self.fields["union"].queryset = (
            Union.objects.for_user(user, CHANGE).filter(parent__isnull=True).order_by("name")
        )


def answer_count():
    """The answers of each survey, as a subquery (0 for none)."""
    answers = (
        SurveyResponse.objects.filter(survey=OuterRef("pk"))
        .order_by()
        .values("survey")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(answers), 0)


class SurveyTable(tables.Table):
    union = tables.Column(
        linkify=lambda record: record.get_absolute_url(), attrs={"td": {"class": "wrap"}}
    )
    answers = tables.Column(verbose_name=_("Answers"), attrs={"td": {"class": "text-end"}})

    class Meta:
        model = Survey
        fields = ("union", "period", "opens_on", "closes_on", "answers")
        order_by = ("-opens_on",)
        empty_text = _("No survey yet.")


class SurveyListView(ScopedListView):
    model = Survey
    table_class = SurveyTable
    filterset_class = SurveyFilter
    title = _("Satisfaction surveys")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("union", "period")
            # A subquery per row shown: the count of the list then needs no join with answers.
            .annotate(answers=answer_count())
        )

    def get_context_data(self, **kwargs):
        from cohesion_portal.access import can_change_anything

        context = super().get_context_data(**kwargs)
        if can_change_anything(self.request.user):
            context["add_url"] = reverse("standards:survey_create")
            context["add_label"] = _("Open a survey")
        return context


class SurveyCreateView(ScopedCreateView):
    model = Survey
    form_class = SurveyForm
    title = _("Open a survey")
    success_message = _("The survey of %(object)s is open.")

    def get_breadcrumbs(self):
        return [SURVEYS_CRUMB]

    def save(self, form):
        return survey_open(actor=self.request.user, survey=form.instance)


class SurveyDetailView(RecordDetailView):
    """The survey's link and QR code for the notice board, and how many have answered."""

    model = Survey
    template_name = "standards/survey_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "period")

    def get_title(self):
        return _("Satisfaction survey of %(union)s") % {"union": self.object.union.name}

    def get_breadcrumbs(self):
        return [SURVEYS_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        url = self.request.build_absolute_uri(reverse("survey", args=[self.object.code]))
        context["survey_url"] = url
        context["today"] = timezone.localdate()
        context["qr_svg"] = mark_safe(segno.make(url, error="m").svg_inline(scale=6, border=2))
        counts = self.object.responses.aggregate(
            answers=Count("pk"), satisfied=Count("pk", filter=Q(answer__in=SATISFIED_ANSWERS))
        )
        context["counts"] = counts
        context["rate"] = (
            round(100 * counts["satisfied"] / counts["answers"], 1) if counts["answers"] else None
        )
        return context


class AnswerForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=50)
    id_last6 = forms.RegexField(
        label=_("Last 6 characters of your ID number"),
        regex=r"^\s*[0-9]{5}[0-9Xx]\s*$",
        error_messages={"invalid": _("Enter the last 6 characters of your ID number.")},
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "text", "autocomplete": "off", "maxlength": 6}),
    )
    answer = forms.ChoiceField(
        label=_("Overall, are you satisfied with your union's work?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What should the union do better? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SurveyAnswerView(View):
    """Public: a member answers from the link or QR code. Rate-limited per address."""

    template_name = "standards/survey_answer.html"

    def dispatch(self, request, code):
        self.survey = get_object_or_404(Survey.objects.select_related("union"), code=code)
        return super().dispatch(request, code)

    def get(self, request, code):
        return self.page(AnswerForm())

    def post(self, request, code):
        # Members of one workplace may share an address: the limit per address is generous;
        # guessing one person's ID ending is what the limit per name on a survey stops.
        address = f"survey:{client_address(request)}"
        if not allow(address, limit=SURVEY_ANSWERS_PER_ADDRESS, seconds=3600):
            return self.page(None, status=429, too_many=True)
        form = AnswerForm(request.POST)
        if not form.is_valid():
            return self.page(form)
        name = f"survey:{code}:{form.cleaned_data['name'].strip()}"
        if not allow(name, limit=TRIES_PER_NAME, seconds=3600):
            return self.page(None, status=429, too_many=True)
        try:
            survey_answer(survey=self.survey, today=timezone.localdate(), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.page(form)
        return self.page(None, sent=True)

    def page(self, form, status=200, **flags):
        context = {
            "survey": self.survey,
            "form": form,
            "is_open": self.survey.is_open_on(timezone.localdate()),
            "today": timezone.localdate(),
            **flags,
        }
        return render(self.request, self.template_name, context, status=status)
