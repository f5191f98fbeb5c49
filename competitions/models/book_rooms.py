"""Worker book rooms (职工书屋): a union's reading room for its workers, with its books, room,
hours and borrowings, and the recognition it won (industry, municipal or national
demonstration book room). T5 counts the book rooms open across the system."""

import datetime

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import ScopedQuerySet
from cohesion_portal.versioning import Versioned
from unions.models import Enterprise, Union


class Recognition(models.TextChoices):
    NONE = "", _("not recognised")
    INDUSTRY = "industry", _("industry demonstration book room")
    MUNICIPAL = "municipal", _("municipal demonstration book room")
    NATIONAL = "national", _("national demonstration book room")


class BookRoomQuerySet(ScopedQuerySet):
    def open_on(self, day: datetime.date):
        """Open at the end of `day`: opened by then, not closed by then."""
        return self.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=day), opened_on__lte=day)


class BookRoom(Versioned):
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="book_rooms", verbose_name=_("union")
    )
    enterprise = models.ForeignKey(
        Enterprise,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="book_rooms",
        verbose_name=_("enterprise"),
        help_text=_("Where the room is, when it is in one of the union's enterprises."),
    )
    name = models.CharField(_("name"), max_length=100)
    opened_on = models.DateField(_("set up on"))
    closed_on = models.DateField(_("closed down on"), null=True, blank=True)
    books = models.PositiveIntegerField(_("books held"))
    area = models.DecimalField(
        _("area (m²)"), max_digits=7, decimal_places=1, validators=[MinValueValidator(1)]
    )
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=100,
        help_text=_("For example: 周一至周五 12:00–13:00, 17:00–19:00"),
    )
    yearly_borrowings = models.PositiveIntegerField(_("borrowings in the last year"), default=0)
    recognition = models.CharField(
        _("recognition"), max_length=10, choices=Recognition.choices, blank=True
    )
    recognised_in = models.PositiveSmallIntegerField(
        _("recognised in (year)"), null=True, blank=True
    )
    history = HistoricalRecords()

    objects = BookRoomQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "pk"]
        verbose_name = _("worker book room")
        verbose_name_plural = _("worker book rooms")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("competitions:book_room_detail", args=[self.pk])
