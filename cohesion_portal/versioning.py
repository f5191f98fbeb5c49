"""Optimistic locking: a stale form never overwrites a newer row.

Every record that people edit in a form is `Versioned`: it carries a `version`, 1 when it is
made, and every save of it is a conditional write,

    UPDATE … SET version = version + 1 WHERE pk = … AND version = <the version it was read at>

followed by the save itself, in one transaction. A save from a copy read before someone
else's save finds no row to claim and raises `StaleRecord`; two saves at the same moment
cannot both win (on PostgreSQL the second UPDATE waits for the first to commit, then finds the
version moved on).

The version a save expects is the one the record object carries, so whoever calls a service
with a stale object (a form, an API) is refused where the write happens, not in the view. A
service that reads the record again under a lock compares the caller's version with
`expect_version`; one that is not handed the record (the monthly report's texts, a part of the
scheme) takes the version as an argument.

An edit form carries the version it was loaded with, and what it showed, in two hidden fields
(`add_version_fields`). `VersionedFormMixin` (cohesion_portal.views) turns a `StaleRecord` into
the form shown again with the person's own input, a message saying who changed the record,
when, and which of the form's fields now read differently, the other person's changes put into
the fields the person had left alone, and the hidden version moved on, so that a deliberate
second save goes through (`refuse_and_merge`). Nothing either person typed is lost: the first
save stays in the row and its history, the second in the form.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.core import signing
from django.db import models, router, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

VERSION_FIELD = "record_version"
SHOWN_FIELD = "record_shown"
_SALT = "cohesion_portal.versioning"


class StaleRecord(Exception):
    """A save from a copy of `record` read at `loaded_version` (None: the caller did not say),
    after someone else saved it."""

    def __init__(self, record, loaded_version):
        self.record = record
        self.loaded_version = loaded_version
        super().__init__(
            f"{type(record).__name__} {getattr(record, 'pk', None)} is not at version "
            f"{loaded_version} any more"
        )


class Versioned(models.Model):
    """A record people edit in forms: each save claims the next version or is refused."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        with transaction.atomic(using=using):
            _claim_next_version(self, using)
            return super().save(*args, **kwargs)


def _claim_next_version(record, using) -> None:
    loaded = record.version
    claimed = (
        type(record)
        ._base_manager.using(using)
        .filter(pk=record.pk, version=loaded)
        .update(version=loaded + 1)
    )
    if not claimed:
        raise StaleRecord(record, loaded)
    record.version = loaded + 1


def expect_version(record, version: int | None) -> None:
    """For a service that reads the record again under a lock: refuse the caller's copy when it
    was read at another version than the row has now. `version` 0 expects no record yet
    (`record` None)."""
    current = record.version if record is not None else 0
    if version is None or version != current:
        raise StaleRecord(record, version)


# --- What a form showed, and what changed since ---------------------------------------------


def add_version_fields(form, record) -> None:
    """Give `form` the hidden fields that say which version of `record` (None: not made yet) it
    was loaded with and what it showed. A bound form keeps what was posted."""
    form.fields[VERSION_FIELD] = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        min_value=0,
        initial=record.version if record is not None else 0,
    )
    form.fields[SHOWN_FIELD] = forms.CharField(
        widget=forms.HiddenInput, required=False, initial=lambda: sign(shown_values(form))
    )


def loaded_version(form) -> int | None:
    return form.cleaned_data.get(VERSION_FIELD)


def sign(values: dict) -> str:
    return signing.dumps(values, salt=_SALT, compress=True)


def unsign(token: str) -> dict | None:
    try:
        values = signing.loads(token or "", salt=_SALT)
    except signing.BadSignature:
        return None
    return values if isinstance(values, dict) else None


def _plain(form_field, value):
    """A field's value as JSON compares it: the form's own preparation, then text."""
    value = form_field.prepare_value(value)
    if isinstance(value, list | tuple | set | models.QuerySet):
        return sorted(str(form_field.prepare_value(item)) for item in value)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else str(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _data_fields(form):
    for name, form_field in form.fields.items():
        if not isinstance(form_field.widget, forms.HiddenInput):
            yield name, form_field


def shown_values(form) -> dict:
    """What an unbound form shows (its initial values), field by field, as plain values."""
    return {name: _plain(field_, form[name].initial) for name, field_ in _data_fields(form)}


def entered_values(form) -> dict:
    """What the person entered in a valid bound form, as plain values."""
    return {
        name: _plain(field_, form.cleaned_data.get(name))
        for name, field_ in _data_fields(form)
        if name in form.cleaned_data
    }


def display(form_field, value) -> str:
    """A plain value as the form's field names it: a choice by its label, a record by its
    name, yes or no, and long text cut short."""
    if value == "" or value == []:
        return "—"
    # (Named through the field's own choices: the person's scope, as the form offers them.)
    if isinstance(form_field, forms.ModelMultipleChoiceField):
        rows = form_field.queryset.filter(pk__in=value)
        return "、".join(sorted(str(row) for row in rows)) or "—"
    if isinstance(form_field, forms.ModelChoiceField):
        row = form_field.queryset.filter(pk=value).first()
        return str(row) if row is not None else "—"
    if isinstance(form_field, forms.BooleanField) or isinstance(value, bool):
        return gettext("yes") if value in (True, "True", "on") else gettext("no")
    if isinstance(form_field, forms.ChoiceField):
        labels = {}
        for key, label in form_field.choices:
            if isinstance(label, list | tuple):  # a group
                labels.update((str(k), lab) for k, lab in label)
            else:
                labels[str(key)] = label
        if isinstance(value, list):
            return "、".join(str(labels.get(item, item)) for item in value)
        return str(labels.get(str(value), value))
    if isinstance(value, list):
        return "、".join(value)
    return Truncator(str(value)).chars(80)


@dataclass
class Change:
    label: str
    saved: str  # what the record holds now
    entered: str  # what the person entered
    taken: bool  # the person had left it as it was: the form now shows the saved value


@dataclass
class RecordChanged:
    """What the refused person is told: who saved the record since they opened it, when, and
    the fields of their form that now read differently."""

    people: list[str]
    at: datetime.datetime | None
    changes: list[Change] = field(default_factory=list)
    details_known: bool = True  # False: the form did not say what it showed
    version_known: bool = True  # False: nor which version it was opened on


def saves_since(record, version: int):
    """The history rows of `record` after `version`, newest first."""
    rows = record.history.select_related("history_user").order_by("-history_date", "-history_id")
    return list(rows.filter(version__gt=version)[:20])


def refuse_and_merge(*, record, loaded_version, fresh_form, bound_form) -> RecordChanged:
    """After a refused save: what to tell the person, and their form moved on.

    For each field of the form, three values: what it showed when loaded (its hidden copy),
    what the person entered, and what the record holds now (`fresh_form`, an unbound form of
    the record as it is). A field only the other person changed now shows their value; a field
    both changed keeps the person's entry and is named as such; the hidden version becomes the
    record's current one. Saving the form again then keeps both people's changes, and replaces
    the other's only where the person chose to.
    """
    known = record is not None and loaded_version is not None
    rows = saves_since(record, loaded_version) if known else []
    people = []
    for row in rows:
        name = str(row.history_user) if row.history_user else gettext("system")
        if name not in people:
            people.append(name)
    shown = unsign(bound_form.data.get(bound_form.add_prefix(SHOWN_FIELD), ""))
    now = shown_values(fresh_form)
    entered = entered_values(bound_form)
    data = bound_form.data.copy()
    changes = []
    for name, value in now.items():
        if shown is None or shown.get(name, value) == value:
            continue
        form_field = fresh_form.fields[name]
        # (Entered as it is saved now: a field that keeps what is saved, like a file not sent
        # again, or the same change made by both.)
        taken = entered.get(name) == value or (
            entered.get(name) == shown[name] and _put(data, fresh_form[name], bound_form)
        )
        # (A form whose fields share labels, one row per item, names them itself.)
        if hasattr(fresh_form, "change_label"):
            label = fresh_form.change_label(name)
        else:
            label = form_field.label or name
        changes.append(
            Change(
                label=str(label),
                saved=display(form_field, value),
                entered=display(form_field, entered.get(name, "")),
                taken=taken,
            )
        )
    data[bound_form.add_prefix(VERSION_FIELD)] = record.version if record is not None else 0
    data[bound_form.add_prefix(SHOWN_FIELD)] = sign(now)
    bound_form.data = data
    return RecordChanged(
        people=people,
        at=rows[0].history_date if rows else None,
        changes=changes,
        details_known=shown is not None,
        version_known=loaded_version is not None,
    )


def _put(data, fresh_field, bound_form) -> bool:
    """Write the saved value of `fresh_field` into the posted `data`, as its widget would have
    posted it. False where a widget cannot be refilled (a file, a split widget)."""
    widget = fresh_field.field.widget
    key = bound_form.add_prefix(fresh_field.name)
    if isinstance(widget, forms.FileInput | forms.MultiWidget):
        return False
    value = fresh_field.value()  # an unbound field's value: its initial, prepared
    if isinstance(widget, forms.CheckboxInput):
        if value:
            data[key] = "on"
        else:
            data.pop(key, None)
        return True
    if getattr(widget, "allow_multiple_selected", False):
        data.setlist(key, [str(item) for item in (value or [])])
        return True
    if value is None:
        value = ""
    elif isinstance(value, datetime.date):
        value = value.isoformat()
    elif isinstance(value, Decimal):
        value = format(value.normalize(), "f")
    data[key] = str(value)
    return True
