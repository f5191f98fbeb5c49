"""A form refused for another field keeps the file already chosen (a contract's scan, a piece
of evidence): the file is held in storage under a signed token that the form carries back, and
the person need not choose it again. A held file is the user's alone and lives a day.
"""

import datetime
import uuid
from pathlib import PurePath

from django import forms
from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

HELD = "__held"  # the suffix of the hidden field that carries a held file's token
FOLDER = "held"
LIFETIME = datetime.timedelta(days=1)
_SALT = "cohesion_portal.held_files"


def hold(upload: UploadedFile, user) -> str:
    """Store `upload` for `user`; the token that brings it back."""
    if getattr(upload, "held_token", None):
        return upload.held_token  # brought back already, and still held
    _forget_old()
    path = default_storage.save(
        f"{FOLDER}/{uuid.uuid4().hex}{PurePath(upload.name).suffix.lower()}", upload
    )
    value = {"path": path, "name": upload.name, "type": upload.content_type, "user": user.pk}
    return signing.dumps(value, salt=_SALT)


def take(token: str, user) -> SimpleUploadedFile | None:
    """The file held under `token` for `user`, as a fresh upload (its checks run again)."""
    try:
        value = signing.loads(token, salt=_SALT, max_age=LIFETIME)
    except signing.BadSignature:
        return None
    if value.get("user") != user.pk or not default_storage.exists(value["path"]):
        return None
    with default_storage.open(value["path"], "rb") as stored:
        upload = SimpleUploadedFile(value["name"], stored.read(), value.get("type") or "")
    upload.held_token = token
    return upload


def with_held(files, data, user):
    """The request's files, with each held file the form carries back where no new one came."""
    files = files.copy()
    for key in list(data.keys()) if data is not None else []:
        name = key.removesuffix(HELD)
        if key.endswith(HELD) and name not in files and data.get(key):
            upload = take(data[key], user)
            if upload is not None:
                files[name] = upload
    return files


def hold_chosen_files(form, user) -> None:
    """On a refused form: hold every file it took without complaint, and say so by the field."""
    data = form.data.copy()
    for name, field in list(form.fields.items()):
        key = form.add_prefix(name)
        upload = form.files.get(key)
        if not isinstance(field, forms.FileField) or name in form.errors:
            continue
        if not isinstance(upload, UploadedFile):
            continue
        data[key + HELD] = hold(upload, user)
        form.fields[name + HELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        field.help_text = _("Chosen: %(name)s. It is kept: choose another only to replace it.") % {
            "name": upload.name
        }
        form[name].help_text = field.help_text  # (the bound field copied the old one)
    form.data = data


def _forget_old() -> None:
    """Held files past their day are removed (nobody can bring them back any more)."""
    try:
        _dirs, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    limit = timezone.now() - LIFETIME
    for name in names:
        path = f"{FOLDER}/{name}"
        try:
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
        except (FileNotFoundError, NotImplementedError):
            continue
