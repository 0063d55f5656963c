"""Typed records that keep every field bexio sends.

A record wraps bexio's JSON object as it came. Declared fields are parsed on access into Python
types (ints, Decimals, dates); fields the SDK does not know stay available through ``raw`` and
item access, so nothing bexio adds later is lost. Parsing is lazy on purpose: one malformed
record in a page of 2000 raises ``InvalidRecord`` when it is used or validated, and the other
1999 are still processed.
"""

from collections.abc import Mapping

from . import formats
from .errors import InvalidRecord


class Record(Mapping):
    """A bexio object. Subclasses declare ``fields`` (name -> parser) and ``required``."""

    fields = {}
    required = ("id",)
    kind = "record"

    def __init__(self, data):
        if isinstance(data, dict):
            self._data = data
            self._problem = None
        else:
            self._data = {}
            self._problem = (
                f"expected a JSON object, got {type(data).__name__}: {data!r:.80}"
            )

    # Mapping protocol: the raw JSON, unknown fields included.
    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return f"<{type(self).__name__} id={self._data.get('id')!r}>"

    @property
    def raw(self):
        return dict(self._data)

    def __getattr__(self, name):
        parser = type(self).fields.get(name)
        if parser is None:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}")
        return self._parse(name, parser)

    def _parse(self, name, parser):
        if self._problem:
            raise InvalidRecord(f"{self.kind}: {self._problem}")
        value = self._data.get(name)
        if value is None:
            if name in self.required:
                raise InvalidRecord(f"{self._label()}: the field {name!r} is missing")
            return None
        try:
            return parser(value)
        except (TypeError, ValueError) as exc:
            raise InvalidRecord(f"{self._label()}: field {name!r}: {exc}") from exc

    def _label(self):
        ident = self._data.get("id")
        return f"{self.kind} {ident}" if ident is not None else self.kind

    def validate(self):
        """Parse every declared field; raise one InvalidRecord naming all problems."""
        if self._problem:
            raise InvalidRecord(f"{self.kind}: {self._problem}")
        problems = []
        for name, parser in type(self).fields.items():
            try:
                self._parse(name, parser)
            except InvalidRecord as exc:
                problems.append(exc.message)
        if problems:
            raise InvalidRecord("; ".join(problems))
        return self


def nested(record_class):
    """A parser for a field holding another bexio object."""

    def parse(value):
        return record_class(value).validate()

    return parse


def list_of(record_class):
    """A parser for a field holding a list of bexio objects."""

    def parse(value):
        if not isinstance(value, list):
            raise TypeError(f"expected a list, got {value!r:.80}")
        return [record_class(item).validate() for item in value]

    return parse


INT = formats.parse_int
STR = formats.parse_str
BOOL = formats.parse_bool
DECIMAL = formats.parse_decimal
DATE = formats.parse_date
DATETIME = formats.parse_datetime
ID_LIST = formats.parse_id_list
DURATION = formats.parse_duration
