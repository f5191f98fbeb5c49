"""Satisfaction surveys: the union opens one; members answer on their phones (public page)."""

import segno
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views import View

from cohesion_portal import metrics
from cohesion_portal.ratelimit import allow, client_address
from cohesion_portal.views import RecordDetailView, ScopedCreateView, ScopedListView

from ..filters import SurveyFilter
from ..forms import AnswerForm, SurveyForm
from ..models import SATISFIED_ANSWERS, Survey
from ..selectors import answer_count
from ..surveys import survey_answer, survey_open
from ..tables import SurveyTable

SURVEY_ANSWERS_PER_ADDRESS = 300  # an hour
TRIES_PER_NAME = 5  # an hour, on one survey
SURVEYS_CRUMB = (_("Satisfaction surveys"), reverse_lazy("standards:survey_list"))


class SurveyListView(ScopedListView):
    model = Survey
    create_url_name = "standards:survey_create"
    create_label = _("Open a survey")
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
        context["rate"] = metrics.percent(counts["satisfied"], counts["answers"])
        return context


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
