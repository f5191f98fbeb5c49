"""A small counter in the cache, for pages open to the public (the join page)."""

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The visitor's address; behind PROXY_COUNT reverse proxies, the one the nearest proxy saw."""
    proxies = settings.PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def allow(key: str, *, limit: int, seconds: int) -> bool:
    """Count one more use of `key`; False once it is used more than `limit` times in the window."""
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) <= limit
    except ValueError:  # the entry expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return True
