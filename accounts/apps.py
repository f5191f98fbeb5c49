from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        # Django's own receiver, replaced by one that keeps logins out of the account's history.
        user_logged_in.disconnect(dispatch_uid="update_last_login")
        user_logged_in.connect(stamp_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(start_session, dispatch_uid="start_session")


def start_session(sender, request, user, **kwargs):
    """What the session keeps from the start: the time (for the idle limit) and whether the
    person must give a second factor, worked out here once rather than on a later page."""
    from cohesion_portal.middleware import IdleSessionMiddleware

    from .middleware import remember_two_factor_state

    if request is None or not hasattr(request, "session"):
        return
    IdleSessionMiddleware.seen(request)
    remember_two_factor_state(request, user)


def stamp_last_login(sender, user, **kwargs):
    """Django's update_last_login, without a row in the account's history: a login changes
    nothing of the account (axes keeps the log of logins). An update(), not save(): no
    signal, so no history row."""
    from django.utils import timezone

    user.last_login = timezone.now()
    type(user)._default_manager.filter(pk=user.pk).update(last_login=user.last_login)
