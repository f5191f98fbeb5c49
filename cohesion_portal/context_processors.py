from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import resolve
from django.urls.exceptions import Resolver404
from django.utils.functional import SimpleLazyObject

from . import navigation
from .access import organisation


def portal(request):
    try:
        current = resolve(request.path_info)
        current_name = (
            f"{current.namespace}:{current.url_name}" if current.namespace else current.url_name
        )
    except Resolver404:
        current_name = ""
    return {
        "portal_name": settings.PORTAL_NAME,
        "user_role": organisation().role_of(request.user) if hasattr(request, "user") else None,
        # Lazy: a fragment that draws no sidebar (htmx, a picker's choices) asks nothing.
        "navigation": SimpleLazyObject(
            lambda: navigation.menu(getattr(request, "user", AnonymousUser()))
        ),
        "current_url_name": current_name,
        "current_app": current_name.split(":")[0] if ":" in current_name else "",
    }
