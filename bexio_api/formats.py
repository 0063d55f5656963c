"""Values as bexio writes them, and back.

v2 sends money and quantities as decimal strings ("17.800000"), timestamps as
"YYYY-MM-DD HH:MM:SS" without a time zone, and dates as "YYYY-MM-DD"; v3 and v4 use ISO 8601
timestamps with an offset and JSON numbers. Durations of timesheets come as "H:MM" live and
as "HH:MM" in the docs.
"""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

V2_DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
MAX_DECIMAL_PLACES = (
    6  # bexio accepts at most six decimal places for prices and quantities
)

_DURATION = re.compile(r"^(\d{1,4}):([0-5]\d)$")


def parse_int(value):
    # bool is an int in Python, but never a valid bexio id or count
    if isinstance(value, bool):
        raise TypeError(f"expected an integer, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    raise TypeError(f"expected an integer, got {value!r}")


def parse_str(value):
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Older answers send numeric-looking fields (postcodes) as numbers.
        return str(value)
    raise TypeError(f"expected a string, got {value!r}")


def parse_bool(value):
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    raise TypeError(f"expected true or false, got {value!r}")


def parse_decimal(value):
    if isinstance(value, bool):
        raise TypeError(f"expected a number, got {value!r}")
    if isinstance(value, int | str):
        try:
            return Decimal(str(value).strip())
        except InvalidOperation:
            pass
    elif isinstance(value, float):
        return Decimal(repr(value))
    raise TypeError(f"expected a number, got {value!r}")


def parse_date(value):
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    raise TypeError(f"expected a date, got {value!r}")


def parse_datetime(value):
    """Parse a v2 timestamp (naive, bexio's local time) or a v3 ISO timestamp (aware)."""
    if not isinstance(value, str):
        raise TypeError(f"expected a timestamp, got {value!r}")
    try:
        return datetime.datetime.strptime(value, V2_DATETIME_FORMAT)
    except ValueError:
        return datetime.datetime.fromisoformat(value)


def parse_id_list(value):
    """Parse "1,2" (how v2 stores contact group and sector ids) into [1, 2]."""
    if value in ("", None):
        return []
    if isinstance(value, list):
        return [parse_int(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, str):
        return [parse_int(part) for part in value.split(",") if part.strip()]
    raise TypeError(f"expected a comma-separated list of ids, got {value!r}")


def parse_duration(value):
    """Parse "1:15" or "01:15" into minutes."""
    if isinstance(value, str):
        match = _DURATION.match(value.strip())
        if match:
            return int(match.group(1)) * 60 + int(match.group(2))
    raise TypeError(f"expected a duration H:MM, got {value!r}")


def format_duration(minutes):
    """Format minutes as bexio's "H:MM"."""
    if minutes < 0:
        raise ValueError("a duration cannot be negative")
    return f"{minutes // 60}:{minutes % 60:02d}"


def format_decimal(value, places=MAX_DECIMAL_PLACES):
    """Format a number as the decimal string bexio accepts (at most six places)."""
    if not 0 <= places <= MAX_DECIMAL_PLACES:
        raise ValueError(f"bexio accepts 0 to {MAX_DECIMAL_PLACES} decimal places")
    quantum = Decimal(1).scaleb(-places)
    return str(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def round_to_factor(amount, factor):
    """Round an amount to a currency's rounding factor, as bexio does (CHF: 0.05)."""
    factor = Decimal(str(factor))
    if factor <= 0:
        raise ValueError("a rounding factor must be positive")
    amount = Decimal(str(amount))
    steps = (amount / factor).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (steps * factor).quantize(factor)


def format_date(value):
    return value.isoformat()


def format_v2_datetime(value):
    return value.strftime(V2_DATETIME_FORMAT)
