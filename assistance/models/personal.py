"""Records seen by name only with the assistance permission (architecture: the most sensitive
records): hardship files, aid and appeals."""

from cohesion_portal.access import VIEW, ScopedQuerySet

# Who may read a worker's file, aid and appeals by name; others in scope see the figures only.
PERSONAL_PERMISSION = "assistance.view_individuals"


class PersonalQuerySet(ScopedQuerySet):
    """A person reads these rows only with PERSONAL_PERMISSION. A `Reader` (figures, jobs) has
    no permissions to ask: figures count rows, they do not name them."""

    personal_permission = PERSONAL_PERMISSION  # (pages refuse a person without it: 403)

    def for_user(self, user, action: str = VIEW):
        if hasattr(user, "has_perm") and not user.has_perm(PERSONAL_PERMISSION):
            return self.none()
        return super().for_user(user, action)
