"""Payroll (``/4.0/payroll``): employees and their absences, with v4 problem+json errors."""

import datetime
import re
import uuid

from .. import swiss
from ..errors import ApiError
from .base import (
    Reply,
    json_body,
)


class ProblemError(ApiError):
    """A v4 error: rendered as application/problem+json."""


GENDERS = {"male", "female"}
LANGUAGES_V4 = {"de", "fr", "it", "en"}
MARITAL = {
    "unknown",
    "single",
    "married",
    "separated",
    "registered_partnership",
    "partnership_dissolved_by_law",
    "partnership_dissolved_by_death",
    "partnership_dissolved_by_declaration_of_lost",
    "widowed",
    "divorced",
}
EMPLOYEE_WRITABLE = {
    "email",
    "first_name",
    "last_name",
    "personal_number",
    "nationality",
    "iban",
    "ahv_number",
    "marital_status",
    "gender",
    "date_of_birth",
    "address",
    "language",
    "phone_number",
    "annual_vacation_days",
}
ADDRESS_KEYS = (
    "complementary_line",
    "street",
    "street_name",
    "house_number",
    "postbox",
    "locality",
    "zip_code",
    "city",
    "country",
    "canton",
    "municipality_id",
)
EMPLOYEE_KEYS = (
    "id",
    "first_name",
    "last_name",
    "date_of_birth",
    "ahv_number",
    "gender",
    "nationality",
    "stay_permit_category",
    "language",
    "marital_status",
    "email",
    "phone_number",
    "hours_per_week",
    "employment_level",
    "annual_vacation_days_total",
    "address",
    "personal_number",
    "iban",
)
EMPLOYEE_DETAIL_KEYS = (
    "annual_vacation_days_used",
    "annual_vacation_days_left",
    "effective_working_hours_per_week",
)
MALFORMED = "Malformed content (missing or invalid parameters)"


def _employee_values(values, creating):
    """The writable part of a create or PATCH body; 400 problem+json naming every problem.

    ``ahv_number`` is required on PATCH as on create (the spec's PATCH body marks it required;
    BexioApiNet ``EmployeePatch``). In ``address``, street name and house number require each
    other when not null (nolen-ai payroll.ts, BexioApiNet EmployeeAddress).
    """
    if not isinstance(values, dict):
        raise ProblemError(400, MALFORMED)
    # What the request schema does not name is dropped, not refused: employment level, hours,
    # stay permit and vacation counters (response-only, GIGER employees-and-absences.md) are
    # ignored, the Spring way of the v4 service (its 405 text is Spring's, PP issue #8).
    values = {k: v for k, v in values.items() if k in EMPLOYEE_WRITABLE}
    problems = []
    required = (
        ("first_name", "last_name", "ahv_number") if creating else ("ahv_number",)
    )
    for name in required:
        if not values.get(name):
            problems.append(f"{name} is required")
    checks = {
        "gender": lambda v: v in GENDERS,
        "language": lambda v: v in LANGUAGES_V4,
        "marital_status": lambda v: v in MARITAL,
        "nationality": lambda v: isinstance(v, str)
        and (re.fullmatch(r"[A-Z]{2}", v) or v in ("11", "22")),
        "ahv_number": lambda v: isinstance(v, str) and swiss.ahv_is_valid(v),
        "iban": lambda v: isinstance(v, str) and swiss.iban_is_valid(v),
        "date_of_birth": lambda v: isinstance(v, str)
        and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)),
        "annual_vacation_days": lambda v: isinstance(v, int)
        and not isinstance(v, bool)
        and v >= 0,
        "email": lambda v: isinstance(v, str) and "@" in v,
        "address": lambda v: isinstance(v, dict) and set(v) <= set(ADDRESS_KEYS),
    }
    for name, check in checks.items():
        if values.get(name) not in (None, "") and not check(values[name]):
            problems.append(f"{name} is invalid")
    for name in ("first_name", "last_name", "personal_number", "phone_number"):
        if values.get(name) is not None and not isinstance(values[name], str):
            problems.append(f"{name} must be a string")
    address = values.get("address")
    if isinstance(address, dict):
        street, number = address.get("street_name"), address.get("house_number")
        if (street in (None, "")) != (number in (None, "")):
            problems.append(
                "address.street_name and address.house_number require each other"
            )
        municipality = address.get("municipality_id")
        if isinstance(municipality, int) and not isinstance(municipality, bool):
            address = dict(address, municipality_id=str(municipality))
            values["address"] = address
        elif municipality is not None and not isinstance(municipality, str):
            problems.append("address.municipality_id must be a string")
    if problems:
        raise ProblemError(400, MALFORMED, errors=problems)
    return values


def _employee_find(env, ident):
    doc = env.store.get(env.company, "payroll_employee", ident)
    if doc is None:
        raise ProblemError(404, "Employee not found")
    if doc.get("_deleted"):
        raise ProblemError(410, "Employee has been deleted")
    return doc


def _number(value):
    return None if value is None else float(value)


def render_employee(doc, detail):
    data = {key: doc.get(key) for key in EMPLOYEE_KEYS}
    # The spec's examples (BexioApiNet's fixtures from it): "employment_level": 1.0 and
    # "hours_per_week": 40.0, so a fraction and a float; the sandbox keeps the percentage.
    level = doc.get("employment_level")
    data["employment_level"] = None if level is None else float(level) / 100
    data["hours_per_week"] = _number(doc.get("hours_per_week"))
    data["address"] = {key: (doc.get("address") or {}).get(key) for key in ADDRESS_KEYS}
    if detail:
        for key in EMPLOYEE_DETAIL_KEYS:
            data[key] = doc.get(key)
        data["effective_working_hours_per_week"] = _number(
            doc.get("effective_working_hours_per_week")
        )
    return data


def create_employee(env, values):
    values = _employee_values(values, creating=True)
    doc = {key: None for key in EMPLOYEE_KEYS + EMPLOYEE_DETAIL_KEYS}
    doc.update(
        language="de",
        marital_status="unknown",
        hours_per_week=42,
        employment_level=100,
        effective_working_hours_per_week=42,
        annual_vacation_days_total=25,
        annual_vacation_days_used=0,
        annual_vacation_days_left=25,
        stay_permit_category=None,
    )
    _apply_employee(doc, values)
    doc["id"] = str(uuid.uuid4())
    env.store.put(env.company, "payroll_employee", doc["id"], doc)
    return doc


def _apply_employee(doc, values):
    for key, value in values.items():
        if key == "address":
            address = dict(doc.get("address") or {})
            address.update(value)
            doc["address"] = address
        elif key == "annual_vacation_days":
            doc["annual_vacation_days_total"] = value
            doc["annual_vacation_days_left"] = value - (
                doc.get("annual_vacation_days_used") or 0
            )
        else:
            doc[key] = value


def _require_date(req):
    raw = req.args.get("date")
    try:
        return datetime.date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise ProblemError(
            400, MALFORMED, errors=["date is required (YYYY-MM-DD)"]
        ) from None


def h_employees(env, req):
    docs = [
        d
        for d in env.store.all(env.company, "payroll_employee")
        if not d.get("_deleted") and not d.get("_inactive")
    ]
    return Reply({"data": [render_employee(d, detail=False) for d in docs]})


def h_employee_show(env, req, ident):
    _require_date(req)
    return Reply(render_employee(_employee_find(env, ident), detail=True))


def h_employee_create(env, req):
    return Reply(
        render_employee(create_employee(env, json_body(req)), detail=True), status=201
    )


def h_employee_patch(env, req, ident):
    doc = dict(_employee_find(env, ident))
    values = _employee_values(json_body(req) or {}, creating=False)
    _apply_employee(doc, values)
    env.store.put(env.company, "payroll_employee", ident, doc)
    return Reply(None, status=204)


h_employee_create.writable = h_employee_patch.writable = tuple(
    sorted(EMPLOYEE_WRITABLE)
)

ABSENCE_REASONS = {
    "Injury",
    "Sickness",
    "MaternityLeave",
    "MilitaryLeave",
    "Vacation",
    "InterruptionOfWork",
}
ABSENCE_KEYS = (
    "id",
    "reason",
    "start_date",
    "end_date",
    "half_day",
    "continued_pay",
    "disability",
    "paid_hours",
)


def _absence_values(values, full):
    if not isinstance(values, dict):
        raise ProblemError(400, MALFORMED)
    required = ABSENCE_KEYS[1:] if full else ("reason", "start_date")
    missing = [k for k in required if values.get(k) is None]
    problems = [f"{k} is required" for k in missing]
    if values.get("reason") is not None and values["reason"] not in ABSENCE_REASONS:
        problems.append("reason is invalid")
    for key in ("start_date", "end_date"):
        if values.get(key) is not None:
            try:
                datetime.date.fromisoformat(values[key])
            except (TypeError, ValueError):
                problems.append(f"{key} is invalid")
    if problems:
        raise ProblemError(400, MALFORMED, errors=problems)
    return {k: values.get(k) for k in ABSENCE_KEYS[1:]}


def h_absences(env, req, ident):
    _employee_find(env, ident)
    year = req.args.get("businessYear")
    if not (year and year.isdigit()):
        raise ProblemError(400, MALFORMED, errors=["businessYear is required"])
    docs = [
        d
        for d in env.store.all(env.company, "payroll_absence")
        if d["_employee"] == ident and d["start_date"][:4] == year
    ]
    return Reply({"data": [{k: d.get(k) for k in ABSENCE_KEYS} for d in docs]})


def h_absence_create(env, req, ident):
    _employee_find(env, ident)
    values = _absence_values(json_body(req), full=False)
    doc = {"half_day": False, "continued_pay": 100, "disability": 100, "paid_hours": 0}
    doc.update({k: v for k, v in values.items() if v is not None})
    doc.update(id=str(uuid.uuid4()), _employee=ident)
    env.store.put(env.company, "payroll_absence", doc["id"], doc)
    return Reply({k: doc.get(k) for k in ABSENCE_KEYS}, status=201)


def _absence_find(env, ident, absence_id):
    _employee_find(env, ident)
    doc = env.store.get(env.company, "payroll_absence", absence_id)
    if doc is None or doc["_employee"] != ident:
        raise ProblemError(404, "Absence not found")
    return doc


def h_absence_show(env, req, ident, absence_id):
    doc = _absence_find(env, ident, absence_id)
    return Reply({k: doc.get(k) for k in ABSENCE_KEYS})


def h_absence_put(env, req, ident, absence_id):
    doc = dict(_absence_find(env, ident, absence_id))
    doc.update(_absence_values(json_body(req), full=True))
    env.store.put(env.company, "payroll_absence", absence_id, doc)
    return Reply(None, status=204)


def h_absence_delete(env, req, ident, absence_id):
    _absence_find(env, ident, absence_id)
    env.store.delete(env.company, "payroll_absence", absence_id)
    return Reply(None, status=204)


h_absence_create.writable = h_absence_put.writable = ABSENCE_KEYS[1:]
