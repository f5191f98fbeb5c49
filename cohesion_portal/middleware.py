import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect


class ChineseFirstMiddleware:
    """The portal speaks Chinese unless a person chose English with the switch (a cookie).

    Django would otherwise follow the browser's Accept-Language, and an office computer with an
    English browser would greet a union officer in English.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class IdleSessionMiddleware:
    """Signs out whoever has done nothing for SESSION_IDLE_MINUTES: an office computer left
    signed in would show every union's records to whoever sits down at it.

    The last request's time is kept in the session, written at most once a minute. The next
    request after the limit finds nobody signed in, so the page sends the person to the login
    (htmx requests are told to load it whole rather than swap it into a part of the page).
    """

    KEY = "last_seen"
    WRITE_EVERY = 60  # seconds

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(self.KEY, now)
            if now - last_seen > settings.SESSION_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    _(
                        "You were signed out after %(minutes)d minutes without activity. "
                        "Sign in again to go on."
                    )
                    % {"minutes": settings.SESSION_IDLE_MINUTES},
                )
                if getattr(request, "htmx", False):
                    return HttpResponseClientRedirect(redirect_to_login(request.path).url)
            elif now - last_seen >= self.WRITE_EVERY or self.KEY not in request.session:
                self.seen(request, now)
        return self.get_response(request)

    @classmethod
    def seen(cls, request, now: int | None = None):
        """The person did something now (also called at sign-in)."""
        request.session[cls.KEY] = int(time.time()) if now is None else now
