"""The form of job help (助岗)."""

from django import forms

from cohesion_portal.access import CHANGE
from cohesion_portal.params import parse_id
from unions.fields import UnionChoiceField
from unions.models import Union

from ..models import HardshipFile, JobHelp
from ..services.jobs import job_help_errors
from .files import DATE


class JobHelpForm(forms.ModelForm):
    class Meta:
        model = JobHelp
        fields = (
            "union",
            "file",
            "name",
            "kind",
            "provider",
            "started_on",
            "outcome",
            "outcome_on",
            "note",
        )
        field_classes = {"union": UnionChoiceField}
        widgets = {"file": forms.HiddenInput(), "started_on": DATE, "outcome_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).filter(status="active")
        self.fields["file"].queryset = HardshipFile.objects.for_user(user, CHANGE)
        file_id = parse_id(self.initial.get("file") or self.data.get("file"))
        if self.fields["file"].queryset.filter(pk=file_id or 0).exists():
            del self.fields["name"]  # the worker is the file's

    def clean(self):
        cleaned = super().clean()
        probe = JobHelp(**{k: v for k, v in cleaned.items() if k in self.Meta.fields})
        for field, message in job_help_errors(job=probe).items():
            if field not in self.errors:
                self.add_error(field if field in self.fields else None, message)
        return cleaned
