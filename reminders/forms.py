"""Marking a reminder as handled."""

from django import forms


class MarkHandledForm(forms.Form):
    pass
