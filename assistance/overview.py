"""Assistance at a glance (帮扶工作概况): the figures of a year in the reader's scope, never
names, so every role reads them (a `Reader` of the user's scope counts the rows that only the
assistance permission may read by name). A fixed number of queries, whatever the data; at scale
L most of the time goes to the four COUNT(DISTINCT …) over the year's aid.

- Hardship files open today, by grade, and those due for review.
- Aid given in the year by programme and month: beneficiaries (a person or an enterprise
  helped twice is one) and yuan (cash and the goods' value).
- Appeals received in the year; answered in it, and of those the share answered by the
  deadline and the mean working days from receipt to answer; overdue today; the share of the
  ratings in the year that were satisfied or basically satisfied (满意率).
- Legal aid cases taken in the year, and yuan recovered by the cases concluded in it.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import ExtractMonth

from cohesion_portal import data_version, metrics, numbers
from cohesion_portal.access import Reader, scope_for
from cohesion_portal.workdays import workday_counter

from .models import Aid, Appeal, HardshipFile, HardshipGrade, LegalCase, Programme
from .monthly_figures import SATISFIED


@dataclass(frozen=True)
class AidCell:
    beneficiaries: int = 0
    value: Decimal = Decimal(0)


@dataclass
class Overview:
    year: int
    files_by_grade: list  # [(grade, open files)], every grade
    files_due: int
    aid_months: list  # [(month 1-12, {programme: AidCell}, the month's AidCell)]
    aid_programmes: dict  # {programme: AidCell over the year}
    aid_year: AidCell
    appeals_received: int
    appeals_answered: int
    appeals_overdue: int
    in_time_rate: float | None
    satisfaction_rate: float | None
    mean_workdays: float | None
    legal_cases: int
    legal_recovered: Decimal
    programmes: list = field(default_factory=lambda: list(Programme))

    @property
    def files_open(self) -> int:
        return sum(n for _grade, n in self.files_by_grade)


def overview(user, year: int, today: datetime.date) -> Overview:
    """Cached until the next write anywhere (data_version), as the dashboard is: the figures
    depend on the scope, the year and the day only."""
    scope = scope_for(user)
    return data_version.cached(
        "assistance overview", (scope, year, today), lambda: _computed(scope, year, today)
    )


def _computed(scope, year: int, today: datetime.date) -> Overview:
    reader = Reader(scope)
    start, end = datetime.date(year, 1, 1), min(datetime.date(year, 12, 31), today)
    files = HardshipFile.objects.for_user(reader)
    open_by_grade = {
        row["grade"]: row["n"] for row in files.open().values("grade").annotate(n=Count("pk"))
    }
    appeals = Appeal.objects.for_user(reader)
    answered = appeals.filter(answered_on__range=(start, end))
    months, programmes, year_total = _aid(Aid.objects.for_user(reader), start, end)
    counts = answered.aggregate(
        n=Count("pk"), in_time=Count("pk", filter=Q(answered_on__lte=F("deadline")))
    )
    rated = appeals.filter(closed_on__range=(start, end)).exclude(satisfaction="")
    ratings = rated.aggregate(
        n=Count("pk"), satisfied=Count("pk", filter=Q(satisfaction__in=SATISFIED))
    )
    cases = LegalCase.objects.for_user(reader)
    return Overview(
        year=year,
        files_by_grade=[
            (grade, open_by_grade.get(grade.pk, 0)) for grade in HardshipGrade.objects.all()
        ],
        files_due=files.due_for_review(today).count(),
        aid_months=months,
        aid_programmes=programmes,
        aid_year=year_total,
        appeals_received=appeals.filter(received_on__range=(start, end)).count(),
        appeals_answered=counts["n"],
        appeals_overdue=appeals.overdue_on(today).count(),
        in_time_rate=metrics.percent(counts["in_time"], counts["n"]),
        satisfaction_rate=metrics.percent(ratings["satisfied"], ratings["n"]),
        mean_workdays=_mean_workdays(answered),
        legal_cases=cases.filter(opened_on__range=(start, end)).count(),
        legal_recovered=cases.filter(closed_on__range=(start, end)).aggregate(
            value=Sum("recovered", default=Decimal(0))
        )["value"],
    )


BENEFICIARIES = {
    "people": Count("id_number", distinct=True, filter=~Q(id_number="")),
    "enterprises": Count("enterprise", distinct=True),
    "cash": Sum("cash", default=Decimal(0)),
    "goods": Sum("goods_value", default=Decimal(0)),
}


def _cell(row) -> AidCell:
    return AidCell(row["people"] + row["enterprises"], row["cash"] + row["goods"])


def _aid(aid, start, end):
    """The months' and the programmes' cells, each counting a beneficiary once: three GROUP BYs
    (a person helped in two months is one beneficiary of the year, not two)."""
    given = aid.filter(given_on__range=(start, end))
    by_month_and_programme = {
        (row["month"], row["programme"]): _cell(row)
        for row in given.annotate(month=ExtractMonth("given_on"))
        .values("month", "programme")
        .annotate(**BENEFICIARIES)
    }
    by_month = {
        row["month"]: _cell(row)
        for row in given.annotate(month=ExtractMonth("given_on"))
        .values("month")
        .annotate(**BENEFICIARIES)
    }
    by_programme = {
        row["programme"]: _cell(row) for row in given.values("programme").annotate(**BENEFICIARIES)
    }
    months = [
        (
            month,
            {p: by_month_and_programme.get((month, p.value), AidCell()) for p in Programme},
            by_month.get(month, AidCell()),
        )
        for month in range(1, end.month + 1)
    ]
    programmes = {p: by_programme.get(p.value, AidCell()) for p in Programme}
    return months, programmes, _cell(given.aggregate(**BENEFICIARIES))


def _mean_workdays(answered) -> float | None:
    """The mean working days from receipt to answer, to one decimal, the calendar read once."""
    pairs = list(answered.values_list("received_on", "answered_on"))
    if not pairs:
        return None
    between = workday_counter(min(r for r, _a in pairs), max(a for _r, a in pairs))
    return float(numbers.half_up(Decimal(sum(between(r, a) for r, a in pairs)) / len(pairs), 1))
