"""Two-factor sign-in, enforced: a signed-in person who has not given their second factor
reaches only the pages that take it (or set it up), the logout and the language switch.

Who must set it up, and who has it, is worked out once per sign-in and kept in the session
(three queries saved on every later request); setting it up or turning it off forgets it.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_htmx.http import HttpResponseClientRedirect

from . import two_factor

STATE_KEY = "two_factor_state"
ENROLLED, REQUIRED, FREE = "enrolled", "required", "free"


def forget_two_factor_state(request):
    request.session.pop(STATE_KEY, None)


def remember_two_factor_state(request, user) -> str:
    """Worked out at sign-in (accounts.apps.start_session), and again after it is forgotten."""
    if two_factor.enabled_for(user):
        state = ENROLLED
    else:
        state = REQUIRED if two_factor.required_for(user) else FREE
    request.session[STATE_KEY] = state
    return state


def _state(request) -> str:
    return request.session.get(STATE_KEY) or remember_two_factor_state(request, request.user)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return self.get_response(request)
        state = _state(request)
        if state == FREE:
            return self.get_response(request)
        page = "two_factor_verify" if state == ENROLLED else "two_factor_setup"
        open_paths = {reverse(page), reverse("logout"), reverse("set_language")}
        if request.path in open_paths:
            return self.get_response(request)
        target = f"{reverse(page)}?{urlencode({'next': request.get_full_path()})}"
        if getattr(request, "htmx", False):
            return HttpResponseClientRedirect(target)
        return redirect(target)
