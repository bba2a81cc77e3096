"""Who may read and write, and what a page may run.

- A token (``--token``/``STORYLINE_TOKEN``) guards every write and, unless ``public_read``,
  every read; it comes as ``Authorization: Bearer T`` or as the cookie the login form sets.
- CSRF: a form carries the random token of its ``storyline_csrf`` cookie (double submit); a
  request with a JSON body, a bearer token or an ``X-CSRF-Token`` header cannot be forged by
  another site without a CORS preflight, which this app never grants. A cross-site ``Origin`` on
  any write is refused outright.
- Every response carries a Content-Security-Policy without inline script or style, so that even
  a template mistake could not run an article's markup.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'")
CSRF_COOKIE = "storyline_csrf"
TOKEN_COOKIE = "storyline_token"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
OPEN_PATHS = ("/static/", "/login")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Access:
    token: str | None = None
    public_read: bool = False

    def allowed(self, request: Request) -> bool:
        if self.token is None:
            return True
        if request.method not in UNSAFE and self.public_read:
            return True
        given = request.cookies.get(TOKEN_COOKIE, "")
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        return hmac.compare_digest(given.encode(), self.token.encode())


def needs_token(host: str) -> bool:
    """Serving beyond this machine without a token would open the store to the network."""
    return host not in LOOPBACK


def csrf_token(request: Request) -> str:
    """The request's CSRF token: its cookie's, or a fresh one the response will set."""
    token: str | None = getattr(request.state, "csrf", None)
    if token is None:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
        request.state.csrf = token
    return token


def csrf_ok(request: Request, form_value: object = None) -> bool:
    """Whether a write can only have come from this app's own pages or a script with a token."""
    if getattr(request.state, "csrf_safe", False):
        return True
    cookie = request.cookies.get(CSRF_COOKIE, "")
    return bool(cookie) and isinstance(form_value, str) and hmac.compare_digest(cookie, form_value)


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


class Guard(BaseHTTPMiddleware):
    """Access control, CSRF pre-checks and the security headers of every response."""

    def __init__(self, app: Callable[..., Awaitable[None]], access: Access) -> None:
        super().__init__(app)
        self.access = access

    async def dispatch(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        path = request.url.path
        api = path.startswith("/api/") or path == "/openapi.json"
        response: Response
        if not path.startswith(OPEN_PATHS) and not self.access.allowed(request):
            if api:
                response = JSONResponse({"detail": "a token is required (Authorization: Bearer TOKEN)"}, 401)
            else:
                response = RedirectResponse("/login", 303)
        elif request.method in UNSAFE and not _same_origin(request):
            response = JSONResponse({"detail": "cross-site request refused"}, 403)
        else:
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            header = request.headers.get("x-csrf-token", "")
            cookie = request.cookies.get(CSRF_COOKIE, "")
            request.state.csrf_safe = (
                ctype == "application/json"
                or request.headers.get("authorization", "").lower().startswith("bearer ")
                or (bool(cookie) and hmac.compare_digest(cookie, header))
            )
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" would send Origin: null
        response.headers["X-Frame-Options"] = "DENY"
        new = getattr(request.state, "csrf", None)
        if new is not None and new != request.cookies.get(CSRF_COOKIE):
            response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict", path="/")
        return response
