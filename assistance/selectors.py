"""Reads the assistance pages share, each within the user's scope."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from cohesion_portal import metrics
from unions.metrics import by_grassroots, grassroots_of
from unions.models import Union

from .models import Aid, Campaign, SubsistenceLine


def subsistence_line(year: int):
    """The 低保 line of `year` (yuan a person a month), or None where staff have not set it."""
    return (
        SubsistenceLine.objects.filter(year=year).values_list("monthly_amount", flat=True).first()
    )


@dataclass(frozen=True)
class CampaignSummary:
    records: int
    beneficiaries: int  # people and enterprises, each once however often helped
    used: Decimal  # cash and the goods' value
    budget: Decimal
    not_reporting: list  # the unions taking part with no aid recorded yet

    @property
    def used_share(self) -> float | None:
        return metrics.percent(self.used, self.budget) if self.budget else None


def campaign_summary(campaign: Campaign) -> CampaignSummary:
    """The campaign's figures over all its aid (figures, not names: what anyone who sees the
    campaign may read), in two queries."""
    totals = Aid.objects.filter(campaign=campaign).aggregate(
        records=Count("pk"),
        people=Count("id_number", distinct=True, filter=~Q(id_number="")),
        enterprises=Count("enterprise", distinct=True),
        cash=Sum("cash", default=Decimal(0)),
        goods=Sum("goods_value", default=Decimal(0)),
    )
    reporting = Aid.objects.filter(campaign=campaign).annotate(top=grassroots_of("union__path"))
    not_reporting = campaign.unions.exclude(
        pk__in=[int(top) for top in reporting.values_list("top", flat=True).distinct()]
    )
    return CampaignSummary(
        records=totals["records"],
        beneficiaries=totals["people"] + totals["enterprises"],
        used=totals["cash"] + totals["goods"],
        budget=campaign.budget,
        not_reporting=list(not_reporting.order_by("path")),
    )


def campaign_by_union(campaign: Campaign) -> list[tuple]:
    """[(union, {"records", "beneficiaries", "used"})] of the unions taking part and of any
    other that reported aid under the campaign, in tree order: figures, not names."""
    rows = by_grassroots(
        Aid.objects.filter(campaign=campaign),
        records=Count("pk"),
        people=Count("id_number", distinct=True, filter=~Q(id_number="")),
        enterprises=Count("enterprise", distinct=True),
        cash=Sum("cash", default=Decimal(0)),
        goods=Sum("goods_value", default=Decimal(0)),
    )
    unions = Union.objects.filter(Q(pk__in=list(rows)) | Q(campaigns=campaign)).distinct()
    return [
        (
            union,
            {
                "records": rows.get(union.pk, {}).get("records", 0),
                "beneficiaries": sum(
                    rows.get(union.pk, {}).get(k, 0) for k in ("people", "enterprises")
                ),
                "used": sum(rows.get(union.pk, {}).get(k, 0) for k in ("cash", "goods")),
            },
        )
        for union in unions.order_by("path")
    ]
