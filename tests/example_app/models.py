from django.db import models
from simple_history.models import HistoricalRecords

from cohesion_portal.access import ScopedQuerySet
from unions.models import Union


class VisitQuerySet(ScopedQuerySet):
    def needing_follow_up(self):
        return self.filter(follow_up=True)


class Visit(models.Model):
    """A union officer's visit to a worker at home (走访): the smallest record of a union."""

    union = models.ForeignKey(Union, models.PROTECT, related_name="+")
    worker = models.CharField(max_length=100)
    visited_on = models.DateField()
    follow_up = models.BooleanField(default=False)
    history = HistoricalRecords()

    objects = VisitQuerySet.as_manager()

    def __str__(self):
        return self.worker
