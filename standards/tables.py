import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Scheme


class SchemeTable(tables.Table):
    name = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})

    class Meta:
        model = Scheme
        fields = ("name", "total_points", "trusted_min_grade", "trusted_min_satisfaction")
        empty_text = _("No scheme yet.")
