"""The production smoke test's visitor (scripts/production_smoke.sh): logs in through the login
form, sets up two-factor sign-in as a superuser must, and opens the workbench, the dashboard and
a static file the page names, as a browser behind nginx would. Exits non-zero with the reason
when an answer is not what it should be.

    python scripts/production_smoke_client.py http://127.0.0.1:8001 USERNAME PASSWORD
"""

import base64
import hashlib
import hmac
import http.cookiejar
import re
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class BehindTheProxy(http.cookiejar.DefaultCookiePolicy):
    """Production's cookies are Secure: the browser sends them over the HTTPS that nginx ends.
    Here the visitor stands where nginx does, on plain HTTP, and sends them all the same."""

    def return_ok_secure(self, cookie, request):
        return True


class Visitor:
    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.origin = "https://" + urllib.parse.urlsplit(self.base).netloc
        self.cookies = http.cookiejar.CookieJar(BehindTheProxy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def open(self, path: str, data: dict | None = None, referer: str | None = None):
        """The answer to a GET (or a POST of `data`), redirects followed, as nginx would pass
        the request on: the scheme in X-Forwarded-Proto, the client in X-Forwarded-For."""
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "127.0.0.1",
            "Accept-Language": "zh-CN",
        }
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + (referer or path)
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            fail(f"{path}: HTTP {error.code}")
        return response, response.read().decode("utf-8", "replace")


def fail(reason: str):
    print(f"production smoke test: {reason}", file=sys.stderr)
    sys.exit(1)


def expect(condition: bool, reason: str):
    if not condition:
        fail(reason)


def wait_until_serving(visitor: Visitor, seconds: int = 60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            request = urllib.request.Request(
                visitor.base + "/accounts/login/", headers={"X-Forwarded-Proto": "https"}
            )
            urllib.request.urlopen(request, timeout=5)
            return
        except urllib.error.HTTPError:
            return  # (it answers: that is all this waits for)
        except OSError:
            if time.monotonic() > deadline:
                fail(f"nothing answers at {visitor.base} after {seconds} s")
            time.sleep(0.5)


def totp(secret: str, at: float) -> str:
    """The six digits an authenticator app shows for `secret` (base32) at `at` (RFC 6238)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def set_up_two_factor(visitor: Visitor, page: str):
    """As a person with an authenticator app: type in the key the page shows, send its code."""
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    expect(secret is not None and token is not None, "the 2FA setup page shows no key or form")
    code = totp(secret.group(1).replace(" ", ""), time.time())
    _response, page = visitor.open(
        "/accounts/two-factor/setup/", {"csrfmiddlewaretoken": token.group(1), "code": code}
    )
    expect('id="recovery-codes"' in page, "the 2FA setup did not show the recovery codes")


def main(base: str, username: str, password: str):
    visitor = Visitor(base)
    wait_until_serving(visitor)

    response, page = visitor.open("/accounts/login/")
    expect(response.status == 200, f"the login page answered {response.status}")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    expect(token is not None, "the login page has no CSRF token")
    response, page = visitor.open(
        "/accounts/login/",
        {"csrfmiddlewaretoken": token.group(1), "username": username, "password": password},
    )
    path = urllib.parse.urlsplit(response.url).path
    # A superuser signs in with two factors in production: the first time, they set it up.
    expect(path == "/accounts/two-factor/setup/", f"logging in led to {path}, not to 2FA setup")
    set_up_two_factor(visitor, page)
    response, page = visitor.open("/")
    path = urllib.parse.urlsplit(response.url).path
    expect(response.status == 200 and path == "/", f"after 2FA setup / led to {path}")
    expect('action="/accounts/logout/"' in page, "the workbench shows no log-out button")
    expect(
        "script-src 'self'" in (response.headers.get("Content-Security-Policy") or ""),
        "the page came without its Content-Security-Policy",
    )

    response, page = visitor.open("/reports/dashboard/")
    expect(response.status == 200, f"the dashboard answered {response.status}")
    expect('id="dashboard-data"' in page, "the dashboard has no chart data")

    # A static file under its name from collectstatic's manifest (a hash in the name).
    stylesheet = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', page)
    expect(stylesheet is not None, "the page names no hashed portal.css: no manifest entry?")
    response, css = visitor.open(stylesheet.group(1))
    expect(response.status == 200, f"{stylesheet.group(1)} answered {response.status}")
    expect("--portal-red" in css, f"{stylesheet.group(1)} is not the portal's style sheet")
    print(f"logged in, opened /, /reports/dashboard/ and {stylesheet.group(1)}: all 200")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        fail("usage: production_smoke_client.py BASE_URL USERNAME PASSWORD")
    main(*sys.argv[1:])
