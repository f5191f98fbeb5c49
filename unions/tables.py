import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Enterprise


class EnterpriseTable(tables.Table):
    name = tables.Column(linkify=True)
    credit_code = tables.Column(attrs={"td": {"class": "font-monospace small"}})
    industry_union = tables.Column(
        accessor="industry_union__short_name",
        order_by="industry_union__short_name",
        verbose_name=_("Industry union"),
    )
    union = tables.Column(linkify=True, default="—", attrs={"td": {"class": "wrap"}})
    unionized_on = tables.DateColumn(format="Y-m-d")
    headcount = tables.Column(attrs={"td": {"class": "text-end"}, "th": {"class": "text-end"}})
    migrant_headcount = tables.Column(
        attrs={"td": {"class": "text-end"}, "th": {"class": "text-end"}}
    )

    class Meta:
        model = Enterprise
        fields = (
            "name",
            "credit_code",
            "industry_union",
            "union",
            "unionized_on",
            "ownership",
            "sector",
            "headcount",
            "migrant_headcount",
        )
        order_by = ("name",)
        empty_text = _("No enterprise matches.")
