"""Payroll employees and absences (v4): UUID ids, ``{"data": [...]}`` lists, problem+json errors.

Without the payroll module every call raises ``ModuleNotSubscribed`` (bexio answers 403, or
404 where the company never had payroll).

What the public clients written from bexio's specification say, and the SDK follows:
- ``ahv_number`` is required on PATCH too, not only on create (the spec's PATCH body marks it
  required; BexioApiNet ``EmployeePatch`` makes it mandatory), so ``update`` always sends it;
- ``address.street_name`` and ``address.house_number`` require each other;
- ``address.municipality_id`` is a string (the BFS number, "261");
- ``employment_level`` comes as a fraction (1.0) in the spec's examples and as a percentage
  elsewhere; the SDK always gives the percentage (100);
- employment level, hours, stay permit and the vacation counters are read-only.
"""

import datetime

from ..errors import BexioError, InvalidResponse
from ..records import BOOL, DATE, NUMBER, PERCENT, STR, Record, nested
from ..transport import READ_WORKERS
from ..urls import uuid_id
from .base import Resource

# What bexio lets a client write on create and PATCH (everything else is computed by payroll).
EMPLOYEE_WRITABLE = frozenset(
    {
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
)
# Computed by payroll from the contracts; a client never sends them.
EMPLOYEE_READ_ONLY = frozenset(
    {
        "id",
        "stay_permit_category",
        "hours_per_week",
        "employment_level",
        "annual_vacation_days_total",
        "annual_vacation_days_used",
        "annual_vacation_days_left",
        "effective_working_hours_per_week",
    }
)
ABSENCE_WRITABLE = (
    "reason",
    "start_date",
    "end_date",
    "half_day",
    "continued_pay",
    "disability",
    "paid_hours",
)
STREET_PAIR = ("street_name", "house_number")
ADDRESS_FIELDS = (
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
MARITAL_STATUSES = frozenset(
    {
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
)
ABSENCE_REASONS = frozenset(
    {
        "Injury",
        "Sickness",
        "MaternityLeave",
        "MilitaryLeave",
        "Vacation",
        "InterruptionOfWork",
    }
)


class EmployeeAddress(Record):
    kind = "employee address"
    required = ()
    fields = {name: STR for name in ADDRESS_FIELDS}


class Employee(Record):
    kind = "payroll employee"
    # Only the single employee (GET with a date, create) carries the vacation counters.
    optional = (
        "annual_vacation_days_used",
        "annual_vacation_days_left",
        "effective_working_hours_per_week",
    )
    fields = {
        "id": STR,
        "first_name": STR,
        "last_name": STR,
        "date_of_birth": DATE,
        "ahv_number": STR,
        "gender": STR,
        "nationality": STR,
        "stay_permit_category": STR,
        "language": STR,
        "marital_status": STR,
        "email": STR,
        "phone_number": STR,
        "hours_per_week": NUMBER,
        # Always a percentage here, whether bexio sent 1.0 or 100.
        "employment_level": PERCENT,
        "annual_vacation_days_total": NUMBER,
        "annual_vacation_days_used": NUMBER,
        "annual_vacation_days_left": NUMBER,
        "effective_working_hours_per_week": NUMBER,
        "address": nested(EmployeeAddress),
        "personal_number": STR,
        "iban": STR,
    }


class Absence(Record):
    kind = "absence"
    fields = {
        "id": STR,
        "reason": STR,
        "start_date": DATE,
        "end_date": DATE,
        "half_day": BOOL,
        "continued_pay": NUMBER,
        "disability": NUMBER,
        "paid_hours": NUMBER,
    }


class PayrollEmployees(Resource):
    path = "/4.0/payroll/employees"
    record = Employee
    style = "v4"
    writable_fields = tuple(sorted(EMPLOYEE_WRITABLE))
    absence_fields = ABSENCE_WRITABLE

    def _id(self, object_id):
        return uuid_id(object_id, "payroll id")

    def list(self):
        """All active employees (one request: payroll lists are not paged)."""
        return self._items(self.transport.get(self.path))

    def get(self, employee_id, date=None):
        """The employee as of ``date`` (today by default; bexio requires the parameter)."""
        date = date or datetime.date.today()
        return self._wrap_one(
            self.transport.get(
                self._item(employee_id), params={"date": date.isoformat()}
            )
        )

    def get_many(self, employee_ids, date=None, workers=READ_WORKERS):
        """Each employee as of ``date``, ``workers`` reads at a time (``Transport.get_many``).

        bexio's list has no details, so an import reads every employee; overlapping the round
        trips keeps that from being most of the import. Yields ``(employee_id, Employee or
        BexioError)`` in the order given.
        """
        params = {"date": (date or datetime.date.today()).isoformat()}
        ids = list(employee_ids)
        calls = [(self._item(employee_id), params) for employee_id in ids]
        answers = self.transport.get_many(calls, workers=workers)
        for employee_id, answer in zip(ids, answers, strict=True):
            if not isinstance(answer, BexioError):
                try:
                    answer = self._wrap_one(answer)
                except BexioError as exc:
                    answer = exc
            yield employee_id, answer

    def create(self, values):
        body = _writable(values)
        if not body.get("ahv_number"):
            raise ValueError("bexio payroll needs the AHV number to create an employee")
        _check_street(body)
        return self._wrap_one(self.transport.post(self.path, json_body=body))

    def update(self, employee_id, changes, current=None):
        """PATCH the given fields; bexio answers 204 with no body.

        The payload always carries ``ahv_number`` (bexio requires it on PATCH) and, when it
        touches the street, both ``street_name`` and ``house_number``. What ``changes`` lacks
        of them is taken from ``current`` (the employee as last read), or read from bexio.
        """
        body = _writable(changes)
        if not body:
            return False
        address = dict(body["address"]) if body.get("address") is not None else None
        half_street = address is not None and len(set(STREET_PAIR) & set(address)) == 1
        if current is None and (not body.get("ahv_number") or half_street):
            current = self.get(employee_id)
        if not body.get("ahv_number"):
            if not (current is not None and current.ahv_number):
                raise ValueError(
                    "bexio payroll needs the AHV number in every change of an employee, "
                    "and this employee has none: enter it, then save again"
                )
            body["ahv_number"] = current.ahv_number
        if half_street:
            known = current.address if current is not None else None
            for name in STREET_PAIR:
                if name not in address:
                    address[name] = getattr(known, name, None) if known else None
        if address is not None:
            body["address"] = address
        _check_street(body)
        self.transport.patch(self._item(employee_id), json_body=body, idempotent=True)
        return True

    # Absences ---------------------------------------------------------------
    def absences(self, employee_id, business_year):
        response = self.transport.get(
            self._item(employee_id, "absences"),
            params={"businessYear": int(business_year)},
        )
        data = response.data.get("data") if isinstance(response.data, dict) else None
        return self._absences(data, response)

    def create_absence(self, employee_id, values):
        if values.get("reason") not in ABSENCE_REASONS:
            raise ValueError(f"absence reason must be one of {sorted(ABSENCE_REASONS)}")
        response = self.transport.post(
            self._item(employee_id, "absences"), json_body=values
        )
        return Absence(response.data)

    def get_absence(self, employee_id, absence_id):
        response = self.transport.get(
            self._item(employee_id, "absences", self._id(absence_id))
        )
        return Absence(response.data)

    def update_absence(self, employee_id, absence_id, values):
        self.transport.put(
            self._item(employee_id, "absences", self._id(absence_id)),
            json_body=values,
        )
        return True

    def delete_absence(self, employee_id, absence_id):
        self.transport.delete(self._item(employee_id, "absences", self._id(absence_id)))
        return True

    def _absences(self, data, response):
        if not isinstance(data, list):
            raise InvalidResponse(
                "bexio answered the absences request without a data list",
                status=response.status,
            )
        return [Absence(item) for item in data]


def _check_street(body):
    address = body.get("address") or {}
    street, number = (address.get(name) for name in STREET_PAIR)
    if bool(street) != bool(number):
        missing = "house number" if street else "street name"
        raise ValueError(
            "bexio payroll takes the street name and the house number together, or "
            f"neither: the {missing} is missing"
        )


def _writable(values):
    read_only = set(values) & EMPLOYEE_READ_ONLY
    if read_only:
        raise ValueError(
            f"bexio payroll computes {', '.join(sorted(read_only))} itself: "
            "a client cannot write it"
        )
    unknown = set(values) - EMPLOYEE_WRITABLE
    if unknown:
        raise ValueError(f"bexio payroll cannot write {', '.join(sorted(unknown))}")
    status = values.get("marital_status")
    if status is not None and status not in MARITAL_STATUSES:
        raise ValueError(f"unknown marital status {status!r}")
    address = values.get("address")
    if address is not None:
        extra = set(address) - set(ADDRESS_FIELDS)
        if extra:
            raise ValueError(f"unknown address fields {', '.join(sorted(extra))}")
    return dict(values)
