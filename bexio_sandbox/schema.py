"""Field definitions of sandbox resources: the exact keys bexio answers with, and write rules.

A Schema renders a stored document with exactly bexio's keys in bexio's order (read from the
recordings) and coerces written values the way bexio accepts them, answering 422 with a clear
message otherwise.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from .errors import ApiError


class Field:
    def __init__(
        self,
        name,
        type="str",
        default=None,
        required=False,
        writable=True,
        choices=None,
        maxlen=None,
        hidden=False,
    ):
        self.name = name
        self.type = type
        self.default = default
        self.required = required
        self.writable = writable
        self.choices = choices
        self.maxlen = maxlen
        # Written, but never in an answer (bexio's write-only fields and aliases).
        self.hidden = hidden


def coerce(field, value):
    """Turn a written value into what the sandbox stores, or raise ValueError with the reason."""
    if value is None or (value == "" and field.type not in ("str", "ids")):
        if field.required:
            raise ValueError("This value should not be blank.")
        return None
    result = _CONVERTERS.get(field.type, _as_is)(field, value)
    if field.choices is not None and result not in field.choices:
        raise ValueError(
            f"The value you selected is not a valid choice ({sorted(field.choices)})."
        )
    return result


def _as_is(field, value):
    return value


def _int(field, value):
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value):
        return int(value)
    raise ValueError("This value should be of type integer.")


def _str(field, value):
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("This value should be of type string.")
    result = str(value)
    if field.required and not result.strip():
        raise ValueError("This value should not be blank.")
    if field.maxlen and len(result) > field.maxlen:
        raise ValueError(
            f"This value is too long. It should have {field.maxlen} characters or less."
        )
    return result


def _bool(field, value):
    if isinstance(value, bool):
        return value
    if value in (0, 1, "0", "1", "true", "false"):
        return value in (1, "1", "true")
    raise ValueError("This value should be of type boolean.")


def _number(field, value):
    """JSON number: an int when whole, else a float (v3/v4 amounts, hours)."""
    result = _decimal(value)
    return int(result) if result == result.to_integral() else float(result)


def _ids(field, value):
    if isinstance(value, list):
        parts = value
    elif isinstance(value, int | str) and not isinstance(value, bool):
        parts = [p for p in str(value).split(",") if p.strip()]
    else:
        raise ValueError("This value should be a comma-separated list of ids.")
    try:
        return ",".join(str(int(p)) for p in parts) or None
    except (TypeError, ValueError):
        raise ValueError(
            "This value should be a comma-separated list of ids."
        ) from None


_CONVERTERS = {
    "int": _int,
    "str": _str,
    "bool": _bool,
    "date": lambda field, value: _date(value).isoformat(),
    "datetime": lambda field, value: _datetime(value),
    # v2 money: decimal strings with 6 places (4 for percentages), as live bexio writes them.
    "money": lambda field, value: f"{_decimal(value):.6f}",
    "money4": lambda field, value: f"{_decimal(value):.4f}",
    "number": _number,
    "float": lambda field, value: float(_decimal(value)),
    "ids": _ids,
}


def _date(value):
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise ValueError("This value is not a valid date (YYYY-MM-DD).")


def _datetime(value):
    if isinstance(value, str):
        for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
            try:
                return datetime.datetime.strptime(value, fmt).strftime(
                    "%Y-%m-%d %H:%M:%S"
                )
            except ValueError:
                continue
    raise ValueError("This value is not a valid datetime (YYYY-MM-DD HH:MM:SS).")


def _decimal(value):
    if isinstance(value, bool):
        raise ValueError("This value should be a number.")
    try:
        result = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValueError("This value should be a number.") from None
    if not result.is_finite():
        raise ValueError("This value should be a number.")
    if -result.as_tuple().exponent > 6:
        raise ValueError("This value may have at most 6 decimal places.")
    return result


class Schema:
    def __init__(self, *fields):
        self.fields = fields
        self.by_name = {f.name: f for f in fields}

    def render(self, doc, omit=()):
        return {
            f.name: doc.get(f.name, f.default)
            for f in self.fields
            if f.name not in omit and not f.hidden
        }

    def writable_names(self):
        """What a client may send: the writable fields, write-only ones included."""
        return {name for name, f in self.by_name.items() if f.writable}

    def apply(self, doc, values, *, creating, read_only_rejected=()):
        """Write ``values`` into ``doc``; 422 with every problem found at once."""
        if not isinstance(values, dict):
            raise ApiError(400, "The request body must be a JSON object.")
        problems = []
        for name in read_only_rejected:
            if name in values:
                problems.append(f"{name}: This field is read-only.")
        for name, value in values.items():
            field = self.by_name.get(name)
            if field is None or not field.writable:
                continue  # bexio ignores fields it does not know
            try:
                doc[field.name] = coerce(field, value)
            except ValueError as exc:
                problems.append(f"{name}: {exc}")
        if creating:
            for field in self.fields:
                if field.name not in doc:
                    doc[field.name] = field.default
        for field in self.fields:
            if field.required and doc.get(field.name) in (None, ""):
                message = f"{field.name}: This value should not be blank."
                if message not in problems:
                    problems.append(message)
        if problems:
            raise ApiError(
                422,
                "The form could not be saved due to the following errors: "
                + " ".join(problems),
                errors=problems,
            )
        return doc


def F(name, type="str", **kwargs):  # noqa: N802 - reads as a table
    return Field(name, type, **kwargs)
