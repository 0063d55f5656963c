"""bexio's rate limits: per company, per route class, per fixed window of a minute.

Recorded live: 1000 requests a minute for most routes, 250 for the contact, invoice, quote and
item searches and for PDFs, 400 for items. Every answer carries RateLimit-Limit, -Remaining
and -Reset, and the X-RateLimit-*-Minute twins.
"""

import threading
import time

DEFAULT_LIMITS = {"default": 1000, "search": 250, "pdf": 250, "article": 400}
SEARCH_LIMITED = (
    "/2.0/contact/search",
    "/2.0/kb_invoice/search",
    "/2.0/kb_offer/search",
    "/2.0/article/search",
)


def route_class(path):
    if path in SEARCH_LIMITED:
        return "search"
    if path.endswith("/pdf"):
        return "pdf"
    if path.startswith("/2.0/article"):
        return "article"
    return "default"


class RateLimiter:
    def __init__(self, limits=None, window=60.0, clock=time.monotonic):
        self.limits = dict(DEFAULT_LIMITS, **(limits or {}))
        self.window = window
        self.clock = clock
        self._windows = {}
        self._lock = threading.Lock()

    def set_all(self, limit):
        """One limit for every route class (how a benchmark throttles the sandbox)."""
        with self._lock:
            self.limits = {name: limit for name in self.limits}
            self._windows.clear()

    def reset(self, window=60.0):
        """bexio's own limits again, with fresh windows."""
        with self._lock:
            self.limits = dict(DEFAULT_LIMITS)
            self.window = window
            self._windows.clear()

    def hit(self, company, path):
        """Count a request. Returns (allowed, headers)."""
        klass = route_class(path)
        limit = self.limits[klass]
        now = self.clock()
        with self._lock:
            start, used = self._windows.get((company, klass), (now, 0))
            if now - start >= self.window:
                start, used = now, 0
            allowed = used < limit
            if allowed:
                used += 1
            self._windows[(company, klass)] = (start, used)
        remaining = max(0, limit - used)
        reset = max(1, int(round(start + self.window - now)))
        headers = {
            "RateLimit-Limit": str(limit),
            "RateLimit-Remaining": str(remaining),
            "RateLimit-Reset": str(reset),
            "X-RateLimit-Limit-Minute": str(limit),
            "X-RateLimit-Remaining-Minute": str(remaining),
        }
        return allowed, headers
