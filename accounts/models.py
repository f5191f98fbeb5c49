from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class User(AbstractUser):
    """A person who logs in. Chinese names are one string, so `name` replaces first/last name.

    What the user may see is not here: it is the user's role (unions.Role) and, for an area
    cadre, the area assignments; cohesion_portal.access turns them into a scope.
    """

    name = models.CharField(_("name"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.name or self.username

    def get_full_name(self):
        return self.name or self.username

    def get_short_name(self):
        return self.name or self.username
