import uuid

import pytest
from django.utils import timezone

from cohesion_portal.models import FormSubmission
from cohesion_portal.tasks import purge_form_submissions


@pytest.mark.django_db
def test_old_form_tokens_are_purged_and_recent_ones_kept(django_user_model):
    user = django_user_model.objects.create(username="tokens")
    old = FormSubmission.objects.create(token=uuid.uuid4(), user=user)
    three_days_ago = timezone.now() - timezone.timedelta(days=3)
    FormSubmission.objects.filter(pk=old.pk).update(created_at=three_days_ago)
    recent = FormSubmission.objects.create(token=uuid.uuid4(), user=user)
    assert purge_form_submissions() == 1
    assert purge_form_submissions() == 0  # safe to run twice
    assert list(FormSubmission.objects.all()) == [recent]


def test_every_scheduled_task_exists():
    from django.conf import settings

    from cohesion_portal.celery import app

    app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, name
