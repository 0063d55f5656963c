"""Building blocks of the resource classes: paging, search, and the CRUD verbs bexio offers.

Each resource class combines the mixins for exactly the operations bexio documents for it, so
an operation bexio does not have is an AttributeError here rather than a 404 at run time.

Paths with ids are built by ``_item`` only, which checks each id (``urls.int_id``, or
``urls.uuid_id`` on v4): an id can never make a call address another resource.
"""

from dataclasses import dataclass

from ..errors import InvalidResponse
from ..urls import api_path, int_id

MAX_PAGE_SIZE = 2000  # bexio's maximum ``limit``
CRITERIA = frozenset(
    {
        "=",
        "equal",
        "!=",
        "not_equal",
        ">",
        "greater_than",
        ">=",
        "greater_equal",
        "<",
        "less_than",
        "<=",
        "less_equal",
        "like",
        "not_like",
        "is_null",
        "not_null",
        "in",
        "not_in",
    }
)


@dataclass(frozen=True)
class Criterion:
    """One condition of a v2 search; several are combined with AND by bexio."""

    field: str
    value: object
    criteria: str = "="

    def to_json(self):
        value = self.value
        if isinstance(value, list | tuple | set):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "1" if value else "0"
        value = "" if value is None else str(value)
        if len(value) > 255:
            raise ValueError(
                f"bexio search values are limited to 255 characters ({self.field})"
            )
        return {"field": self.field, "value": value, "criteria": self.criteria}


def _criteria(resource, criteria):
    result = []
    for item in criteria:
        if not isinstance(item, Criterion):
            item = Criterion(*item)
        if item.criteria not in CRITERIA:
            raise ValueError(f"unknown search criteria {item.criteria!r}")
        if resource.search_fields and item.field not in resource.search_fields:
            raise ValueError(
                f"bexio cannot search {resource.path} by {item.field!r}; "
                f"it can search by {', '.join(sorted(resource.search_fields))}"
            )
        result.append(item.to_json())
    if not result:
        raise ValueError("a search needs at least one criterion")
    return result


class Resource:
    """A bexio collection at ``path`` whose objects are ``record`` instances."""

    path = ""
    record = None
    order_fields = ()
    search_fields = ()
    # What a client may send on create and edit, as bexio documents it (the contract tests
    # compare it with the sandbox's).
    writable_fields = ()
    style = "v2"  # v2: bare arrays; v3: arrays plus X-Total-Count; v4: {"data": [...]}

    def __init__(self, transport):
        self.transport = transport

    def _id(self, object_id):
        """``object_id`` as a path segment; ValueError if it is not an id of this collection."""
        return int_id(object_id, f"id of {self.path}")

    def _item(self, object_id, *below):
        """The path of one object, or of ``below`` it (literal words, or ids checked by
        ``_id``)."""
        return api_path(self.path, self._id(object_id), *below)

    def _wrap(self, data):
        return self.record(data)

    def _wrap_one(self, response):
        if not isinstance(response.data, dict):
            kind = type(response.data).__name__
            raise InvalidResponse(
                f"bexio answered {self.path} with {kind}, expected an object",
                status=response.status,
            )
        return self._wrap(response.data)

    def _items(self, response, limit=None):
        data = response.data
        if self.style == "v4":
            data = data.get("data") if isinstance(data, dict) else None
        if not isinstance(data, list):
            raise InvalidResponse(
                f"bexio answered {self.path} with {type(response.data).__name__}, expected a list",
                status=response.status,
            )
        if limit is not None and len(data) > limit:
            raise InvalidResponse(
                f"bexio returned {len(data)} rows for a page of at most {limit} from {self.path}",
                status=response.status,
            )
        return [self._wrap(item) for item in data]

    def _order(self, order_by):
        if order_by is None:
            return None
        for part in order_by.split(","):
            name = part.strip()
            for suffix in ("_asc", "_desc"):
                if name.endswith(suffix) and name[: -len(suffix)] in self.order_fields:
                    name = name[: -len(suffix)]
            if self.order_fields and name not in self.order_fields:
                raise ValueError(f"bexio cannot order {self.path} by {part!r}")
        return order_by

    def _pages(
        self, method, path, *, page_size, params=None, json_body=None, max_rows=None
    ):
        """Yield records page by page until a short page (v2) or the total (v3) is reached."""
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
        offset = 0
        while True:
            query = dict(params or {}, limit=page_size, offset=offset)
            response = self.transport.request(
                method, path, params=query, json_body=json_body, idempotent=True
            )
            items = self._items(response, limit=page_size)
            yield from items
            offset += len(items)
            total = response.header_int("X-Total-Count")
            if len(items) < page_size or (total is not None and offset >= total):
                return
            if max_rows is not None and offset >= max_rows:
                return


class Listable(Resource):
    def list(self, *, limit=500, offset=0, order_by=None, **params):
        """One page, as bexio's list endpoint returns it."""
        query = dict(params, limit=limit, offset=offset)
        if order_by:
            query["order_by"] = self._order(order_by)
        return self._items(self.transport.get(self.path, params=query), limit=limit)

    def iter_all(self, *, order_by=None, page_size=MAX_PAGE_SIZE, **params):
        """Every object, fetched in pages of ``page_size`` (2000 = fewest requests).

        Ordered by id where bexio allows it, so that paging is stable while others write.
        """
        if order_by is None and "id" in self.order_fields:
            order_by = "id"
        if order_by:
            params["order_by"] = self._order(order_by)
        return self._pages("GET", self.path, page_size=page_size, params=params)


class Searchable(Resource):
    def search(self, criteria, *, order_by=None, page_size=MAX_PAGE_SIZE, **params):
        """Every object matching all ``criteria`` ((field, value[, criteria]) or Criterion)."""
        body = _criteria(self, criteria)
        if order_by:
            params["order_by"] = self._order(order_by)
        return self._pages(
            "POST",
            api_path(self.path, "search"),
            page_size=page_size,
            params=params,
            json_body=body,
        )

    def find_one(self, criteria, **kwargs):
        """The first match, or None."""
        return next(iter(self.search(criteria, page_size=1, **kwargs)), None)


class Showable(Resource):
    def get(self, object_id, **params):
        return self._wrap_one(
            self.transport.get(self._item(object_id), params=params or None)
        )


class Creatable(Resource):
    def create(self, values):
        # Never retried: a lost answer would otherwise create the object twice.
        return self._wrap_one(self.transport.post(self.path, json_body=values))


class EditableByPost(Resource):
    """v2 edits are ``POST /<resource>/{id}`` and overwrite the given fields (safe to repeat)."""

    def edit(self, object_id, values):
        return self._wrap_one(
            self.transport.post(
                self._item(object_id), json_body=values, idempotent=True
            )
        )


class EditableByPatch(Resource):
    def edit(self, object_id, values):
        response = self.transport.patch(
            self._item(object_id), json_body=values, idempotent=True
        )
        return self._wrap_one(response) if response.data is not None else None


class Deletable(Resource):
    def delete(self, object_id):
        self.transport.delete(self._item(object_id))
        return True
