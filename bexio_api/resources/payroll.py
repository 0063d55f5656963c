"""Payroll employees and absences (v4): UUID ids, ``{"data": [...]}`` lists, problem+json errors.

Without the payroll module every call raises ``ModuleNotSubscribed`` (bexio answers 403).
"""

import datetime

from ..errors import InvalidResponse
from ..records import BOOL, DATE, DECIMAL, INT, STR, Record, nested
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
    fields = {name: STR for name in ADDRESS_FIELDS} | {"municipality_id": INT}


class Employee(Record):
    kind = "payroll employee"
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
        "hours_per_week": DECIMAL,
        "employment_level": DECIMAL,
        "annual_vacation_days_total": DECIMAL,
        "annual_vacation_days_used": DECIMAL,
        "annual_vacation_days_left": DECIMAL,
        "effective_working_hours_per_week": DECIMAL,
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
        "continued_pay": DECIMAL,
        "disability": DECIMAL,
        "paid_hours": DECIMAL,
    }


class PayrollEmployees(Resource):
    path = "/4.0/payroll/employees"
    record = Employee
    style = "v4"

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

    def create(self, values):
        return self._wrap_one(
            self.transport.post(self.path, json_body=_writable(values))
        )

    def update(self, employee_id, changes):
        """PATCH only the given fields; bexio answers 204 with no body."""
        changes = _writable(changes)
        if not changes:
            return False
        self.transport.patch(
            self._item(employee_id), json_body=changes, idempotent=True
        )
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


def _writable(values):
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
