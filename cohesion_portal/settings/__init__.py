"""The embedded default: SQLite, Celery eager, nothing to configure (see base.py)."""

from .base import *  # noqa: F403
