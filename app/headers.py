"""Security headers, written in one place: Content-Security-Policy with a per-request nonce, HSTS and friends.

Scripts run only from our own origin, or inline when they carry the request's nonce (``csp_nonce()`` in
Jinja) or when a view vouches for a generated document by hashing its inline scripts
(``allow_inline_scripts``). No 'unsafe-inline' and no 'unsafe-eval' for scripts.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets

from flask import Flask, g, has_request_context, request
from markupsafe import Markup

#: <script ...>body</script> without a src attribute: the inline scripts of a generated document
_INLINE_SCRIPT = re.compile(rb"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.IGNORECASE | re.DOTALL)
_SCRIPT_OPEN = re.compile(r"<script(?![^>]*\bnonce=)", re.IGNORECASE)

HSTS = "max-age=31536000; includeSubDomains"


def csp_nonce() -> str:
    """This request's script nonce (one per request, unguessable)."""
    if not has_request_context():
        return ""
    nonce = g.get("csp_nonce")
    if nonce is None:
        nonce = g.csp_nonce = secrets.token_urlsafe(18)
    return nonce


def with_nonce(html: str) -> Markup:
    """Trusted generated HTML (plotly's chart divs) with this request's nonce on each <script>.

    Only for HTML our own code produced: never for anything that holds user input unescaped.
    """
    return Markup(_SCRIPT_OPEN.sub(f'<script nonce="{csp_nonce()}"', str(html)))


def script_hashes(document: bytes | str) -> list[str]:
    """CSP source expressions ('sha256-…') for each inline script in ``document``."""
    data = document.encode("utf-8") if isinstance(document, str) else document
    hashes = []
    for match in _INLINE_SCRIPT.finditer(data):
        if re.search(rb"\bsrc\s*=", match.group("attrs"), re.IGNORECASE):
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return hashes


def allow_inline_scripts(document: bytes | str) -> None:
    """Let the inline scripts of a document we generated (the letter's HTML) run in this response, by hash."""
    g.csp_script_hashes = [*g.get("csp_script_hashes", []), *script_hashes(document)]


def content_security_policy() -> str:
    script_src = ["'self'", f"'nonce-{csp_nonce()}'", *g.get("csp_script_hashes", [])]
    directives = {
        "default-src": ["'self'"],
        "script-src": script_src,
        # plotly.js sets element styles at run time; scripts stay strict
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def served_over_https(app: Flask) -> bool:
    """HTTPS as the client sees it (behind a trusted proxy, ProxyFix sets the scheme)."""
    return request.is_secure or app.config.get("PREFERRED_URL_SCHEME") == "https"


def init_app(app: Flask) -> None:
    """Install the nonce in Jinja and the one after_request hook that writes every security header."""
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.jinja_env.filters["with_nonce"] = with_nonce
    hops = int(app.config.get("PROXY_HOPS", 0) or 0)
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)

    @app.after_request
    def security_headers(response):
        headers = response.headers
        headers["Content-Security-Policy"] = content_security_policy()
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        if served_over_https(app):
            headers.setdefault("Strict-Transport-Security", HSTS)
        if request.path.startswith("/api/"):
            headers.setdefault("Cache-Control", "no-store")
        elif not request.path.startswith("/static/") and request.endpoint != "letters.plotly_js":
            # pages hold signals and personal data: not in shared or back-button caches
            headers.setdefault("Cache-Control", "no-store")
        return response
