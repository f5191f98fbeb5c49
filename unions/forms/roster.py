"""Uploading a roster (花名册) of members to import: the file, its union, the preview."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE

from ..fields import UnionChoiceField
from ..models import Union
from ..roster_files import MAX_BYTES


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Roster (.xlsx)"),
        help_text=_(
            "Up to 10 MB and 50,000 rows. Start from the template to get the columns right."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"] = UnionChoiceField(
            queryset=Union.objects.for_user(user, CHANGE).order_by("path"),
            label=_("Into union"),
            help_text=_(
                "A grassroots union or one of its branches. Rows that name no unit go here; "
                "a row names a branch or group under it by name, or by its path when names "
                "repeat: 一车间分会/第一工会小组."
            ),
        )
        self.order_fields(["union", "file"])

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 10 MB; split the roster into several files.")
            )
        return uploaded
