"""Run the sandbox on a local address, in the foreground (CLI) or in a thread (tests)."""

import logging
import threading
from urllib.parse import quote

import requests
from werkzeug.serving import WSGIRequestHandler, make_server

from .admin import HEADER
from .app import Sandbox
from .seed import seed_demo
from .store import Store

_logger = logging.getLogger(__name__)


class QuietHandler(WSGIRequestHandler):
    """Request lines go to the debug log, not to stderr."""

    def log_request(self, code="-", size="-"):
        _logger.debug('"%s" %s %s', self.requestline, code, size)

    def log_error(self, format, *args):  # noqa: A002 - signature of the base class
        _logger.debug(format, *args)


class SandboxServer:
    """A sandbox serving HTTP on 127.0.0.1 from a background thread.

    >>> with SandboxServer() as sandbox:
    ...     sandbox.url   # "http://127.0.0.1:<port>"
    ...     sandbox.admin("POST", "faults", json={...})   # the admin API, with its token

    The admin token is the app's (a random one unless given); ``admin_headers`` carries it for
    callers that send their own requests.
    """

    def __init__(
        self,
        app=None,
        host="127.0.0.1",
        port=0,
        *,
        seed=True,
        db=":memory:",
        admin_token=None,
    ):
        if app is None:
            store = Store(db)
            if seed and store.empty:
                seed_demo(store)
            app = Sandbox(store, admin_token=admin_token)
        elif admin_token:
            app.admin_token = admin_token
        self.app = app
        self.httpd = make_server(
            host, port, app, threaded=True, request_handler=QuietHandler
        )
        self.host, self.port = self.httpd.server_address[:2]
        self.url = f"http://{self.host}:{self.port}"
        self.issuer = f"{self.url}/realms/bexio"
        self._thread = None

    @property
    def admin_token(self):
        return self.app.admin_token

    @property
    def admin_headers(self):
        """The header that every ``/_sandbox`` request needs."""
        return {HEADER: self.app.admin_token}

    @property
    def admin_link(self):
        """The admin page's address for a browser: opening it once sets the token cookie."""
        return f"{self.url}/_sandbox/?token={quote(self.app.admin_token, safe='')}"

    def admin(self, method, path, *, timeout=10, **kwargs):
        """Call ``/_sandbox/api/<path>`` with the admin token; returns the requests answer."""
        headers = {**kwargs.pop("headers", {}), **self.admin_headers}
        return requests.request(
            method,
            f"{self.url}/_sandbox/api/{path.lstrip('/')}",
            headers=headers,
            timeout=timeout,
            **kwargs,
        )

    def start(self):
        self._thread = threading.Thread(
            target=self.httpd.serve_forever,
            args=(0.05,),
            name="bexio-sandbox",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
