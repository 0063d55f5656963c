"""Typed records that keep every field bexio sends.

A record wraps bexio's JSON object as it came. Declared fields are parsed on access into Python
types (ints, Decimals, dates); fields the SDK does not know stay available through ``raw`` and
item access, so nothing bexio adds later is lost. Parsing is lazy on purpose: one malformed
record in a page of 2000 raises ``InvalidRecord`` when it is used or validated, and the other
1999 are still processed.

Each field's kind says two things: how the SDK reads the value (tolerantly: a decimal may come
as "100", "100.000000" or 100) and which JSON type bexio sends for it (strictly: v2 money is a
string, v3 and v4 amounts are numbers). ``conformance`` compares an answer with the declaration,
key by key and type by type; the contract tests run it on every answer of the sandbox, so the
SDK's records and the sandbox cannot drift apart unnoticed.
"""

from collections.abc import Mapping

from . import formats
from .errors import InvalidRecord


class Kind:
    """How one field is read (``parse``) and which JSON types bexio sends for it."""

    def __init__(self, name, parse, json_types, record=None):
        self.name = name
        self.parse = parse
        self.json_types = json_types
        self.record = record  # for nested objects and lists of objects

    def __call__(self, value):
        return self.parse(value)

    def __repr__(self):
        return f"<{self.name}>"


class Record(Mapping):
    """A bexio object. Subclasses declare ``fields`` (name -> parser) and ``required``."""

    fields = {}
    required = ("id",)
    # Declared keys that some answers leave out (lists omit what only the detail carries).
    optional = ()
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
    """A field holding another bexio object."""

    def parse(value):
        return record_class(value).validate()

    return Kind(f"{record_class.kind} object", parse, (dict,), record_class)


def list_of(record_class):
    """A field holding a list of bexio objects."""

    def parse(value):
        if not isinstance(value, list):
            raise TypeError(f"expected a list, got {value!r:.80}")
        return [_record_for(record_class, item)(item).validate() for item in value]

    return Kind(f"list of {record_class.kind}", parse, (list,), record_class)


def _parse_number(value):
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"expected a number, got {value!r}")
    return formats.parse_decimal(value)


def _parse_object(value):
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {value!r:.80}")
    return dict(value)


INT = Kind("integer", formats.parse_int, (int,))
STR = Kind("string", formats.parse_str, (str,))
BOOL = Kind("boolean", formats.parse_bool, (bool,))
# v2 money and quantities: decimal strings, as sent ("100") or as stored ("100.000000").
DECIMAL = Kind("decimal string", formats.parse_decimal, (str,))
# v3 and v4 amounts and hours: JSON numbers.
NUMBER = Kind("number", _parse_number, (int, float))
DATE = Kind("date", formats.parse_date, (str,))
DATETIME = Kind("timestamp", formats.parse_datetime, (str,))
ID_LIST = Kind("comma-separated ids", formats.parse_id_list, (str,))
DURATION = Kind("duration H:MM", formats.parse_duration, (str,))
OBJECT = Kind("object", _parse_object, (dict,))


def conformance(record_class, data, where=None):
    """Every way ``data`` differs from what ``record_class`` declares: keys bexio sent that
    the record does not declare, declared keys it left out (unless ``optional``), and values
    of another JSON type than declared. An empty list means the answer is as declared."""
    where = where or record_class.kind
    if not isinstance(data, dict):
        return [f"{where}: expected an object, got {type(data).__name__}"]
    record_class = _record_for(record_class, data)
    declared = record_class.fields
    problems = []
    unknown = sorted(set(data) - set(declared))
    if unknown:
        problems.append(f"{where}: undeclared keys {unknown}")
    missing = sorted(set(declared) - set(data) - set(record_class.optional))
    if missing:
        problems.append(f"{where}: missing keys {missing}")
    for name, kind in declared.items():
        value = data.get(name)
        if value is None:
            continue
        if isinstance(value, bool) and bool not in kind.json_types:
            ok = False  # JSON true/false is never an integer or a number in bexio's answers
        else:
            ok = isinstance(value, kind.json_types)
        if not ok:
            problems.append(
                f"{where}.{name}: {type(value).__name__} {value!r:.40}, declared {kind.name}"
            )
            continue
        if kind.record is not None:
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items):
                label = (
                    f"{where}.{name}[{i}]"
                    if isinstance(value, list)
                    else f"{where}.{name}"
                )
                problems += conformance(kind.record, item, label)
    return problems


def _record_for(record_class, item):
    chooser = getattr(record_class, "record_for", None)
    return chooser(item) if chooser else record_class


def percent(value):
    """``value`` as a percentage: payroll sends an employment level as a fraction (1.0) or
    as a percentage (100), and the SDK always gives the percentage."""
    number = _parse_number(value)
    # No one is employed at 1 % or less: a value up to 1 is a fraction.
    return number * 100 if 0 <= number <= 1 else number


PERCENT = Kind("number (fraction or percentage)", percent, (int, float))
