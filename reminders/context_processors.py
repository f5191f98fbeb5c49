import functools

from .models import Reminder


def open_reminders(request):
    """The count on the bell in the header: open reminders in the user's area. One query, run
    only when a page shows it, once however often the page does."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @functools.cache
    def count():
        return Reminder.objects.for_user(user).open().count()

    return {"open_reminder_count": count}
