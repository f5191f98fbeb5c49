"""The seed plan and the default scheme, as the data migration loads them.

A database flushed after the migrations ran (by a test that commits, say) has lost them: this
puts back what is missing, from the migration itself, so the data lives in one place.
"""

import importlib

from django.apps import apps

from .models import Plan, Scheme

SEED_MIGRATION = "standards.migrations.0002_seed_plan_and_default_scheme"


def ensure_defaults() -> None:
    migration = importlib.import_module(SEED_MIGRATION)
    if not Plan.objects.filter(document_number=migration.PLAN["document_number"]).exists():
        migration.load_plan(apps)
    if not Scheme.objects.filter(name=migration.SCHEME_NAME).exists():
        migration.load_scheme(apps)
