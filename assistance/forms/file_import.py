"""Uploading a workbook of existing hardship files to import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE
from unions.fields import UnionChoiceField
from unions.models import Union
from unions.roster_files import MAX_BYTES


class FileImportForm(forms.Form):
    file = forms.FileField(
        label=_("Workbook of hardship files (.xlsx)"),
        help_text=_("Up to 10 MB and 5,000 rows. Start from the template."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"] = UnionChoiceField(
            queryset=Union.objects.for_user(user, CHANGE).order_by("path"),
            label=_("Files kept by"),
            help_text=_(
                "A grassroots union or one of its branches; a row may name a branch under it "
                "in 所属分会或小组."
            ),
        )
        # Most officers keep the files of one union: its top unit comes first by path.
        self.fields["union"].initial = self.fields["union"].queryset.first()
        self.order_fields(["union", "file"])

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 10 MB; split it into several files.")
            )
        return uploaded
