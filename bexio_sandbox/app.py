"""The sandbox as a WSGI application: bexio's API and login service on one local address.

Each API request goes through, in order: latency and fault injection, bearer authentication,
the company's rate limit, route matching, the route's OAuth scope, the payroll module switch,
then the handler inside a store transaction. Errors are rendered as bexio renders them:
``{"error_code", "message"}`` on v2/v3, ``application/problem+json`` on v4.
"""

import collections
import functools
import hashlib
import json
import logging
import re
import secrets
import socket
import threading
import time

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from . import admin, oauth, oauth_views
from . import resources as r
from .errors import ApiError
from .faults import AFTER_PROCESSING, FaultRule, Faults
from .ratelimit import RateLimiter
from .resources import invoices
from .store import GLOBAL, Store

_logger = logging.getLogger(__name__)

GENERAL = None  # bexio's implicit "general" scope: any valid token may call the route


def _crud(path, col, read, write, ops, conv="int"):
    """Routes for the CRUD operations ``ops`` (l=list, s=search, g=show, c=create, e=edit by
    POST, p=edit by PATCH, d=delete) of a collection."""
    routes = []
    item = f"{path}/<{conv}:ident>"
    table = {
        "l": ("GET", path, col.h_list, read),
        "s": ("POST", f"{path}/search", col.h_search, read),
        "g": ("GET", item, col.h_show, read),
        "c": ("POST", path, col.h_create, write),
        "e": ("POST", item, col.h_edit, write),
        "p": ("PATCH", item, col.h_patch, write),
        "d": ("DELETE", item, col.h_delete, write),
    }
    for op in ops:
        routes.append(table[op])
    return routes


def _position_routes(kind):
    """The routes of one kind of position of invoices (``/2.0/kb_invoice/{id}/<kind>``)."""
    base = f"{INVOICE}/{kind}"
    item = f"{base}/<int:position_id>"

    def bound(handler):
        call = functools.partial(handler, kind=kind)
        call.writable = invoices.position_writable(kind)
        return call

    return [
        ("GET", base, bound(invoices.INVOICES.h_positions), SHOW),
        ("POST", base, bound(invoices.INVOICES.h_position_create), EDIT),
        ("GET", item, bound(invoices.INVOICES.h_position_show), SHOW),
        # The spec lists edit and delete with the _show scopes, probably a slip (API.md §1.3).
        ("POST", item, bound(invoices.INVOICES.h_position_edit), EDIT),
        ("DELETE", item, bound(invoices.INVOICES.h_position_delete), EDIT),
    ]


PAYROLL_EMP = "/4.0/payroll/employees"
INVOICE = "/2.0/kb_invoice/<int:ident>"
REMINDER = f"{INVOICE}/kb_reminder"
SHOW, EDIT = "kb_invoice_show", "kb_invoice_edit"
ROUTES = [
    *_crud("/2.0/contact", r.CONTACTS, "contact_show", "contact_edit", "lsgced"),
    ("POST", "/2.0/contact/_bulk_create", r.CONTACTS.h_bulk_create, "contact_edit"),
    ("PATCH", "/2.0/contact/<int:ident>/restore", r.CONTACTS.h_restore, "contact_edit"),
    *_crud(
        "/2.0/contact_relation",
        r.CONTACT_RELATIONS,
        "contact_show",
        "contact_edit",
        "lsgced",
    ),
    *_crud("/2.0/contact_group", r.CONTACT_GROUPS, GENERAL, GENERAL, "lsgced"),
    *_crud("/2.0/contact_branch", r.CONTACT_SECTORS, GENERAL, GENERAL, "ls"),
    *_crud("/2.0/country", r.COUNTRIES, GENERAL, GENERAL, "lsgced"),
    *_crud("/2.0/salutation", r.SALUTATIONS, GENERAL, GENERAL, "lsgced"),
    *_crud("/2.0/title", r.TITLES, GENERAL, GENERAL, "lsgced"),
    *_crud("/2.0/language", r.LANGUAGES, GENERAL, GENERAL, "ls"),
    *_crud("/2.0/unit", r.UNITS, GENERAL, GENERAL, "lsgced"),
    *_crud("/2.0/payment_type", r.PAYMENT_TYPES, GENERAL, GENERAL, "ls"),
    *_crud("/2.0/company_profile", r.COMPANY_PROFILE, GENERAL, GENERAL, "lg"),
    *_crud("/3.0/users", r.USERS, GENERAL, GENERAL, "lg"),
    ("GET", "/3.0/users/me", r.h_users_me, GENERAL),
    ("GET", "/3.0/permissions", r.h_permissions, GENERAL),
    *_crud("/2.0/pr_project", r.PROJECTS, "project_show", "project_edit", "lsgced"),
    (
        "POST",
        "/2.0/pr_project/<int:ident>/archive",
        r.PROJECTS.h_archive,
        "project_edit",
    ),
    (
        "POST",
        "/2.0/pr_project/<int:ident>/reactivate",
        r.PROJECTS.h_reactivate,
        "project_edit",
    ),
    ("GET", "/2.0/pr_project_state", r.PROJECT_STATES.h_list, GENERAL),
    ("GET", "/2.0/pr_project_type", r.PROJECT_TYPES.h_list, GENERAL),
    ("GET", "/3.0/projects/<int:project>/packages", r.PACKAGES.h_list, "project_show"),
    (
        "POST",
        "/3.0/projects/<int:project>/packages",
        r.PACKAGES.h_create,
        "project_edit",
    ),
    (
        "GET",
        "/3.0/projects/<int:project>/packages/<int:ident>",
        r.PACKAGES.h_show,
        "project_show",
    ),
    (
        "PATCH",
        "/3.0/projects/<int:project>/packages/<int:ident>",
        r.PACKAGES.h_patch,
        "project_edit",
    ),
    (
        "DELETE",
        "/3.0/projects/<int:project>/packages/<int:ident>",
        r.PACKAGES.h_delete,
        "project_edit",
    ),
    (
        "GET",
        "/3.0/projects/<int:project>/milestones",
        r.MILESTONES.h_list,
        "project_show",
    ),
    (
        "POST",
        "/3.0/projects/<int:project>/milestones",
        r.MILESTONES.h_create,
        "project_edit",
    ),
    (
        "GET",
        "/3.0/projects/<int:project>/milestones/<int:ident>",
        r.MILESTONES.h_show,
        "project_show",
    ),
    (
        "POST",
        "/3.0/projects/<int:project>/milestones/<int:ident>",
        r.MILESTONES.h_edit,
        "project_edit",
    ),
    (
        "DELETE",
        "/3.0/projects/<int:project>/milestones/<int:ident>",
        r.MILESTONES.h_delete,
        "project_edit",
    ),
    *_crud(
        "/2.0/timesheet", r.TIMESHEETS, "monitoring_show", "monitoring_edit", "lsgced"
    ),
    ("GET", "/2.0/timesheet_status", r.TIMESHEET_STATUSES.h_list, GENERAL),
    *_crud("/2.0/client_service", r.BUSINESS_ACTIVITIES, GENERAL, GENERAL, "lsc"),
    *_crud(
        "/2.0/kb_invoice",
        invoices.INVOICES,
        "kb_invoice_show",
        "kb_invoice_edit",
        "lsgced",
    ),
    *[
        ("POST", f"{INVOICE}/{action}", getattr(invoices.INVOICES, f"h_{action}"), EDIT)
        for action in ("issue", "revert_issue", "cancel", "mark_as_sent", "copy")
    ],
    ("GET", f"{INVOICE}/pdf", invoices.INVOICES.h_pdf, SHOW),
    ("GET", f"{INVOICE}/payment", invoices.INVOICES.h_payments, SHOW),
    ("POST", f"{INVOICE}/payment", invoices.INVOICES.h_payment_create, EDIT),
    (
        "GET",
        f"{INVOICE}/payment/<int:payment_id>",
        invoices.INVOICES.h_payment_show,
        SHOW,
    ),
    (
        "DELETE",
        f"{INVOICE}/payment/<int:payment_id>",
        invoices.INVOICES.h_payment_delete,
        EDIT,
    ),
    *[route for kind in invoices.POSITION_ROUTES for route in _position_routes(kind)],
    ("GET", REMINDER, invoices.REMINDERS.h_list, SHOW),
    ("POST", REMINDER, invoices.REMINDERS.h_create, EDIT),
    ("POST", f"{REMINDER}/search", invoices.REMINDERS.h_search, SHOW),
    ("GET", f"{REMINDER}/<int:reminder_id>", invoices.REMINDERS.h_show, SHOW),
    ("DELETE", f"{REMINDER}/<int:reminder_id>", invoices.REMINDERS.h_delete, EDIT),
    ("GET", f"{REMINDER}/<int:reminder_id>/pdf", invoices.REMINDERS.h_pdf, SHOW),
    (
        "POST",
        f"{REMINDER}/<int:reminder_id>/mark_as_sent",
        invoices.REMINDERS.h_mark_as_sent,
        EDIT,
    ),
    (
        "POST",
        f"{REMINDER}/<int:reminder_id>/mark_as_unsent",
        invoices.REMINDERS.h_mark_as_unsent,
        EDIT,
    ),
    ("GET", "/2.0/kb_item_setting", r.ITEM_SETTINGS.h_list, GENERAL),
    *_crud("/2.0/accounts", r.ACCOUNTS, GENERAL, GENERAL, "ls"),
    ("GET", "/2.0/account_groups", r.ACCOUNT_GROUPS.h_list, GENERAL),
    ("GET", "/3.0/taxes", r.h_taxes, GENERAL),
    ("GET", "/3.0/taxes/<int:ident>", r.TAXES.h_show, GENERAL),
    ("DELETE", "/3.0/taxes/<int:ident>", r.h_tax_delete, "accounting"),
    ("GET", "/3.0/currencies/codes", r.h_currency_codes, GENERAL),
    *_crud("/3.0/currencies", r.CURRENCIES, GENERAL, "accounting", "lgcpd"),
    *_crud("/3.0/banking/accounts", r.BANK_ACCOUNTS, "bank_account_show", None, "lg"),
    ("GET", PAYROLL_EMP, r.h_employees, "payroll_employee_show"),
    ("POST", PAYROLL_EMP, r.h_employee_create, "payroll_employee_edit"),
    ("GET", f"{PAYROLL_EMP}/<ident>", r.h_employee_show, "payroll_employee_show"),
    ("PATCH", f"{PAYROLL_EMP}/<ident>", r.h_employee_patch, "payroll_employee_edit"),
    ("GET", f"{PAYROLL_EMP}/<ident>/absences", r.h_absences, "payroll_absence_show"),
    (
        "POST",
        f"{PAYROLL_EMP}/<ident>/absences",
        r.h_absence_create,
        "payroll_absence_edit",
    ),
    (
        "GET",
        f"{PAYROLL_EMP}/<ident>/absences/<absence_id>",
        r.h_absence_show,
        "payroll_absence_show",
    ),
    (
        "PUT",
        f"{PAYROLL_EMP}/<ident>/absences/<absence_id>",
        r.h_absence_put,
        "payroll_absence_edit",
    ),
    (
        "DELETE",
        f"{PAYROLL_EMP}/<ident>/absences/<absence_id>",
        r.h_absence_delete,
        "payroll_absence_edit",
    ),
]


def has_scope(granted, needed):
    if needed is None:
        return True
    if needed in granted:
        return True
    # A write scope implies the matching read scope (contact_edit covers contact_show).
    return needed.endswith("_show") and needed[:-5] + "_edit" in granted


class DropConnection(Exception):
    """Close the client's connection without an answer."""


class Sandbox:
    """The sandbox application. ``store`` persists data; the rest is runtime configuration.

    ``admin_token`` guards ``/_sandbox`` (see ``admin``); without one, the sandbox makes up a
    random token, so its admin API is never open.
    """

    def __init__(
        self,
        store=None,
        *,
        faults=None,
        rate_limiter=None,
        access_token_lifetime=3600,
        log_size=20000,
        admin_token=None,
    ):
        self.store = store or Store()
        self.admin_token = admin_token or secrets.token_urlsafe(24)
        self.faults = faults or Faults()
        self.rate_limiter = rate_limiter or RateLimiter()
        self.oauth = oauth.OAuthServer(self.store, access_token_lifetime)
        self.url_map = Map(
            [
                Rule(path, methods=[method], endpoint=(handler, scope))
                for method, path, handler, scope in ROUTES
            ],
            strict_slashes=False,
        )
        self.requests = collections.deque(maxlen=log_size)
        self._request_seq = 0
        self._log_lock = threading.Lock()

    # --------------------------------------------------------------- WSGI
    def __call__(self, environ, start_response):
        req = Request(environ)
        try:
            response = self.dispatch(req)
        except DropConnection:
            _close(environ)
            response = Response(b"", status=500)
        return response(environ, start_response)

    def dispatch(self, req):
        path = req.path
        if path == "/_sandbox" or path.startswith("/_sandbox/"):
            return admin.handle(self, req)
        if path == "/":
            return Response(status=302, headers={"Location": "/_sandbox/"})
        if self.faults.latency:
            time.sleep(self.faults.latency)
        company = self._company_of(req)
        rule = self.faults.pick(req.method, path, company)
        if rule is not None and rule.action not in AFTER_PROCESSING:
            injected = self._apply_fault(rule, req, company)
            if injected is not None:
                return injected
        if path.startswith(oauth.REALM):
            response = oauth_views.handle(self, req)
        else:
            response = self.api(req)
        if rule is not None and rule.action == "drop":
            entry = req.environ.get("bexio_sandbox.log_entry")
            if entry is not None:
                entry["status"] = (
                    "dropped"  # processed, but the client never hears of it
                )
            else:
                self._log(req, company, "dropped")
            raise DropConnection()
        if rule is not None and rule.action == "truncate":
            body = response.get_data()
            response.set_data(body[: len(body) // 2])
        return response

    def _apply_fault(self, rule, req, company):
        """Apply a fault that fires before processing; return the answer to send, if any."""
        if rule.action == "delay":
            time.sleep(rule.delay)
            return None
        if rule.action == "timeout":
            time.sleep(rule.delay)
            raise DropConnection()
        if rule.action == "reset":
            raise DropConnection()
        headers = {}
        if rule.status == 429:
            headers = {
                "RateLimit-Reset": "1",
                "RateLimit-Remaining": "0",
                "Retry-After": "1",
            }
            self._log(req, company, 429)
            return _json({"message": "API rate limit exceeded"}, 429, headers)
        message = {
            500: "Internal Server Error",
            502: "Bad Gateway",
            503: "Service Unavailable: maintenance",
            504: "Gateway Timeout",
        }
        error = ApiError(
            rule.status, message.get(rule.status, f"Injected error {rule.status}")
        )
        return self._log_error(
            req, company, error, req.path.startswith("/4.0/"), headers
        )

    def _company_of(self, req):
        record = self.oauth.access(_bearer(req))
        return record["company"] if record else None

    # ----------------------------------------------------------------- API
    def api(self, req):
        path = req.path
        v4 = path.startswith("/4.0/")
        token = self.oauth.access(_bearer(req))
        if token is None:
            return self._log_error(
                req, None, ApiError(401, "Invalid or expired access token."), v4
            )
        company = token["company"]
        allowed, rate_headers = self.rate_limiter.hit(company, path)
        if not allowed:
            response = _json({"message": "API rate limit exceeded"}, 429, rate_headers)
            self._log(req, company, 429)
            return response
        try:
            (handler, scope), args = self.url_map.bind("sandbox").match(
                path, method=req.method
            )
        except MethodNotAllowed:
            return self._log_error(
                req,
                company,
                ApiError(405, f"Request method '{req.method}' is not supported"),
                v4,
                rate_headers,
            )
        except NotFound:
            return self._log_error(
                req, company, ApiError(404, "Page not found"), v4, rate_headers
            )
        settings = self.store.get(GLOBAL, "company", company) or {}
        payroll = path.startswith("/4.0/payroll")
        if payroll and not settings.get("payroll_enabled"):
            if settings.get("payroll_answer") == 404:
                # A company that never had payroll has no payroll routes: the gateway's
                # "Page not found", as for any unknown path (PP treats 403 and 404 alike).
                return self._log_error(
                    req, company, ApiError(404, "Page not found"), False, rate_headers
                )
        if not has_scope(token["scope"].split(), scope):
            return self._log_error(
                req,
                company,
                ApiError(403, f"The access token lacks the scope {scope}."),
                v4,
                rate_headers,
            )
        if payroll and not settings.get("payroll_enabled"):
            # bexio answers 403 when the subscription has no payroll module (body: a guess,
            # as API.md §4.4 advises: v2's error shape, not payroll's problem+json).
            return self._log_error(
                req,
                company,
                ApiError(403, "The payroll module is not activated for this company."),
                False,
                rate_headers,
            )
        login = self.store.get(GLOBAL, "login", token["login"]) or {}
        user_id = login.get("companies", {}).get(company, 1)
        area = r.rights_area(scope)
        if area and not r.may(settings, user_id, area, write=scope.endswith("_edit")):
            # bexio checks the user's rights besides the token's scopes (DOCS §Scopes and
            # user access rights); the body is the sandbox's own wording.
            return self._log_error(
                req,
                company,
                ApiError(403, f"The user has no rights for {area} ({scope})."),
                v4,
                rate_headers,
            )
        env = r.Env(self.store, company, user_id=user_id)
        try:
            with self.store.transaction():
                reply = handler(env, req, **args)
        except ApiError as exc:
            return self._log_error(
                req, company, exc, v4 or isinstance(exc, r.ProblemError), rate_headers
            )
        self._log(req, company, reply.status)
        if reply.status == 204:
            return Response(status=204, headers=rate_headers)
        headers = {**rate_headers, **reply.headers}
        if not v4 and isinstance(reply.data, dict) and "id" in reply.data:
            headers["ETag"] = _etag(company, path, reply.data)
        return _json(reply.data, reply.status, headers)

    def _log_error(self, req, company, exc, problem, headers=None):
        self._log(req, company, exc.status)
        if problem:
            body = {"status": exc.status, "title": exc.message}
            if exc.errors:
                body["detail"] = "; ".join(map(str, exc.errors))
            return _json(
                body,
                exc.status,
                {**(headers or {}), **exc.headers},
                content_type="application/problem+json",
            )
        body = {"error_code": exc.status, "message": exc.message}
        if exc.errors:
            body["errors"] = exc.errors
        return _json(body, exc.status, {**(headers or {}), **exc.headers})

    def _log(self, req, company, status):
        with self._log_lock:
            self._request_seq += 1
            entry = {
                "seq": self._request_seq,
                "time": time.time(),
                "company": company,
                "method": req.method,
                "path": req.path,
                "query": req.query_string.decode(),
                "status": status,
            }
            if req.method in ("POST", "PATCH", "PUT") and not req.path.startswith(
                oauth.REALM
            ):
                try:
                    entry["body"] = json.loads(req.get_data(cache=True) or b"null")
                except ValueError:
                    entry["body"] = None
            self.requests.append(entry)
            req.environ["bexio_sandbox.log_entry"] = entry

    def log_oauth(self, req, status):
        self._log(req, None, status)

    # ------------------------------------------------------------- admin
    def add_fault(self, **kwargs):
        return self.faults.add(FaultRule(**kwargs))


def _etag(company, path, data):
    """An ETag for one object: live bexio sends one with every single object it answers
    (show, create, edit), the same for the object's create and its reads, and none with lists
    or actions (recordings Contacts/*, Quotes/*). The value is opaque; the sandbox's changes
    with the object's ``updated_at``."""
    collection = re.sub(r"/\d+(?=/|$)", "/*", path)
    collection = collection[:-2] if collection.endswith("/*") else collection
    seed = f"{company}:{collection}:{data.get('id')}:{data.get('updated_at', '')}"
    return hashlib.md5(seed.encode(), usedforsecurity=False).hexdigest()


def _bearer(req):
    header = req.headers.get("Authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else None


def _json(data, status=200, headers=None, content_type="application/json"):
    return Response(
        json.dumps(data, ensure_ascii=False),
        status=status,
        headers={**(headers or {}), "Cache-Control": "no-store", "pragma": "no-cache"},
        content_type=content_type,
    )


def _close(environ):
    sock = environ.get("werkzeug.socket")
    if sock is None:
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
