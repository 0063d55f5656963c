"""What every resource of the sandbox shares: the handler's ``Env`` and ``Reply``, form errors,
paging, ordering, search criteria and the generic ``Collection``.

Handlers receive an ``Env`` (store, company, calling user, clock) and the werkzeug request,
and return a ``Reply``. They run inside a store transaction, so a failing handler writes nothing.
"""

import datetime
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import ApiError
from ..schema import F, Schema

MAX_LIMIT = 2000
DEFAULT_LIMIT = 500
ZURICH_OFFSET = datetime.timezone(
    datetime.timedelta(hours=1)
)  # CET; DST is not modelled


@dataclass
class Env:
    store: object
    company: str
    user_id: int = 1
    now: datetime.datetime = field(
        default_factory=lambda: datetime.datetime.now(ZURICH_OFFSET)
    )

    @property
    def stamp(self):
        return self.now.strftime("%Y-%m-%d %H:%M:%S")

    @property
    def settings(self):
        return self.store.get("global", "company", self.company) or {}


@dataclass
class Reply:
    data: object = None
    status: int = 200
    headers: dict = field(default_factory=dict)
    content_type: str = "application/json"


SUCCESS = {"success": True}


def form_error(field, message):
    """bexio's 422 for a form it cannot save, naming the field."""
    return ApiError(
        422,
        f"The form could not be saved due to the following errors: {field}: {message}",
        errors=[field],
    )


def require_existing(env, doc, references):
    """422 for the first (field, kind) reference in ``doc`` that points at nothing."""
    for name, kind in references:
        value = doc.get(name)
        if value is not None and env.store.get(env.company, kind, value) is None:
            raise form_error(name, f"The value {value} does not exist.")


# ----------------------------------------------------------------- the body
def json_body(req):
    raw = req.get_data(cache=True)
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        raise ApiError(400, "The request body is not valid JSON.") from None


# ----------------------------------------------------------- lists, search
def _order(docs, order_by, allowed):
    if not order_by:
        return docs
    keys = []
    for part in order_by.split(","):
        part = part.strip()
        name, desc = part, False
        if part.endswith("_desc") and part[:-5] in allowed:
            name, desc = part[:-5], True
        elif part.endswith("_asc") and part[:-4] in allowed:
            name = part[:-4]
        if name not in allowed:
            raise ApiError(
                400, f"order_by: '{part}' is not allowed; use {', '.join(allowed)}."
            )
        keys.append((name, desc))
    for name, desc in reversed(keys):
        docs = sorted(docs, key=lambda d: _sort_key(d.get(name)), reverse=desc)
    return docs


def _sort_key(value):
    if value is None:
        return (0, 0, "")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (1, value, "")
    try:
        return (1, float(value), "")
    except (TypeError, ValueError):
        return (2, 0, str(value).lower())


def _paging(req):
    try:
        limit = int(req.args.get("limit", DEFAULT_LIMIT))
        offset = int(req.args.get("offset", 0))
    except ValueError:
        raise ApiError(400, "limit and offset must be integers.") from None
    if limit < 0 or offset < 0:
        raise ApiError(400, "limit and offset must not be negative.")
    return min(limit, MAX_LIMIT), offset


def page(req, docs, render, *, order_fields=(), style="v2", default_order=None):
    docs = _order(docs, req.args.get("order_by") or default_order, order_fields)
    limit, offset = _paging(req)
    rows = [render(d) for d in docs[offset : offset + limit]]
    headers = {}
    if style == "v3":
        headers = {
            "X-Total-Count": str(len(docs)),
            "X-Limit": str(limit),
            "X-Offset": str(offset),
        }
    return Reply(rows, headers=headers)


_CRITERIA = {
    "=": "eq",
    "equal": "eq",
    "!=": "ne",
    "not_equal": "ne",
    ">": "gt",
    "greater_than": "gt",
    ">=": "ge",
    "greater_equal": "ge",
    "<": "lt",
    "less_than": "lt",
    "<=": "le",
    "less_equal": "le",
    "like": "like",
    "not_like": "not_like",
    "is_null": "is_null",
    "not_null": "not_null",
    "in": "in",
    "not_in": "not_in",
}


def search(req, docs, search_fields):
    criteria = json_body(req)
    if not isinstance(criteria, list) or not criteria:
        raise ApiError(400, "The search body must be a non-empty array of criteria.")
    for item in criteria:
        if not isinstance(item, dict) or "field" not in item or "value" not in item:
            raise ApiError(400, "Each search criterion needs 'field' and 'value'.")
        name = item["field"]
        if name not in search_fields:
            raise ApiError(400, f"The field '{name}' cannot be searched.")
        op = _CRITERIA.get(item.get("criteria") or "like")
        if op is None:
            raise ApiError(400, f"Unknown search criteria '{item.get('criteria')}'.")
        value = item["value"]
        if isinstance(value, str) and len(value) > 255:
            raise ApiError(400, "Search values are limited to 255 characters.")
        docs = [d for d in docs if _matches(d.get(name), op, value, name)]
    return docs


def _matches(actual, op, expected, name):
    if op == "is_null":
        return actual in (None, "")
    if op == "not_null":
        return actual not in (None, "")
    if name.endswith("_ids") and op in ("eq", "like", "in"):
        # Group ids are stored "1,2": searching a group finds contacts that have it.
        have = set(str(actual or "").split(","))
        wanted = {str(v).strip() for v in str(expected).split(",")}
        return bool(have & wanted)
    if op in ("in", "not_in"):
        values = expected if isinstance(expected, list) else str(expected).split(",")
        found = str(actual) in {str(v).strip() for v in values}
        return found if op == "in" else not found
    if op in ("like", "not_like"):
        pattern = re.escape(str(expected).lower()).replace("%", ".*").replace("_", ".")
        found = (
            actual is not None and re.search(pattern, str(actual).lower()) is not None
        )
        return found if op == "like" else not found
    if actual is None:
        return op == "ne"
    a, b = _comparable(actual, expected)
    return {
        "eq": a == b,
        "ne": a != b,
        "gt": a > b,
        "ge": a >= b,
        "lt": a < b,
        "le": a <= b,
    }[op]


def _comparable(actual, expected):
    try:
        return Decimal(str(actual)), Decimal(str(expected))
    except ArithmeticError:
        return str(actual), str(expected)
    except ValueError:
        return str(actual), str(expected)


# ---------------------------------------------------------- generic crud
class Collection:
    """A bexio resource stored under ``kind`` with integer ids."""

    def __init__(
        self,
        kind,
        schema,
        *,
        order_fields=("id",),
        search_fields=(),
        style="v2",
        list_omit=(),
        read_only_rejected=(),
        numbered=None,
    ):
        self.kind = kind
        self.schema = schema
        self.order_fields = order_fields
        self.search_fields = search_fields
        self.style = style
        self.list_omit = list_omit
        self.read_only_rejected = read_only_rejected
        self.numbered = numbered  # (meta key, format) of an auto-assigned "nr"

    def visible(self, env, archived=False):
        return [
            d
            for d in env.store.all(env.company, self.kind)
            if bool(d.get("_archived")) == archived
        ]

    def find(self, env, ident, archived_ok=False):
        doc = env.store.get(env.company, self.kind, ident)
        if doc is None or (doc.get("_archived") and not archived_ok):
            raise ApiError(404, "The requested resource could not be found.")
        return doc

    def render(self, doc, full=True):
        return self.schema.render(doc, omit=() if full else self.list_omit)

    def writable_fields(self):
        """What a client may send on create and edit (the contract tests compare it with the
        SDK's declaration)."""
        return self.schema.writable_names()

    def create(self, env, values, **extra):
        doc = {"id": env.store.next_id(env.company, self.kind)}
        doc.update(extra)
        self.schema.apply(
            doc, values, creating=True, read_only_rejected=self.read_only_rejected
        )
        self.complete(env, doc, creating=True)
        return env.store.put(env.company, self.kind, doc["id"], doc)

    def edit(self, env, ident, values):
        doc = dict(self.find(env, ident))
        self.schema.apply(
            doc, values, creating=False, read_only_rejected=self.read_only_rejected
        )
        self.complete(env, doc, creating=False)
        return env.store.put(env.company, self.kind, doc["id"], doc)

    def complete(self, env, doc, creating):
        """Computed fields; subclasses add their own rules."""
        if "updated_at" in self.schema.by_name:
            doc["updated_at"] = env.stamp
        if self.numbered and (creating or not doc.get("nr")):
            key, fmt = self.numbered
            if doc.get("nr") in (None, ""):
                doc["nr"] = fmt % env.store.next_id(env.company, key)
            elif not str(doc["nr"]).isdigit():
                raise form_error("nr", "This value should be numeric.")

    # Handlers ------------------------------------------------------------
    def h_list(self, env, req):
        archived = req.args.get("show_archived") == "true"
        return page(
            req,
            self.visible(env, archived),
            lambda d: self.render(d, full=False),
            order_fields=self.order_fields,
            style=self.style,
        )

    def h_search(self, env, req):
        archived = req.args.get("show_archived") == "true"
        docs = search(req, self.visible(env, archived), self.search_fields)
        return page(
            req,
            docs,
            lambda d: self.render(d, full=False),
            order_fields=self.order_fields,
            style=self.style,
        )

    def h_show(self, env, req, ident):
        archived_ok = req.args.get("show_archived") == "true"
        return Reply(self.render(self.find(env, ident, archived_ok=archived_ok)))

    def h_create(self, env, req):
        return Reply(self.render(self.create(env, json_body(req) or {})), status=201)

    def h_edit(self, env, req, ident):
        return Reply(self.render(self.edit(env, ident, json_body(req) or {})))

    def h_patch(self, env, req, ident):
        return self.h_edit(env, req, ident)

    def h_delete(self, env, req, ident):
        self.find(env, ident)
        env.store.delete(env.company, self.kind, ident)
        return Reply(SUCCESS)


def named(kind, **kwargs):
    return Collection(
        kind,
        Schema(F("id", "int", writable=False), F("name", required=True, maxlen=255)),
        **kwargs,
    )
