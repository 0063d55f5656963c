# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo time off as bexio payroll absences: one absence per business year (no Odoo import)."""

import datetime

from bexio_api.resources.payroll import ABSENCE_REASONS

REASONS = tuple(sorted(ABSENCE_REASONS))
# What HR reads for each of bexio's reason keys (the keys are bexio's API values, not words).
REASON_LABELS = {
    "Injury": "Accident",
    "InterruptionOfWork": "Interruption of work",
    "MaternityLeave": "Maternity leave",
    "MilitaryLeave": "Military, civil service or civil protection",
    "Sickness": "Illness",
    "Vacation": "Holidays",
}
# Standard hr_holidays types and the bexio reason payroll books them as.
DEFAULT_REASONS = {
    "hr_holidays.holiday_status_cl": "Vacation",  # Paid Time Off
    "hr_holidays.holiday_status_sl": "Sickness",  # Sick Time Off
}
# PUT replaces the whole absence: bexio requires every field, so full pay is explicit.
FULL_PAY = {"continued_pay": 100, "disability": 100, "paid_hours": 0}


def absences(reason, date_from, date_to, half_day):
    """The bexio absences for a leave: {business year: values}, split at each year's end.

    bexio lists and books absences per business year, so a leave over New Year is two.
    """
    if half_day:
        date_to = date_from
    result = {}
    for year in range(date_from.year, date_to.year + 1):
        start = max(date_from, datetime.date(year, 1, 1))
        end = min(date_to, datetime.date(year, 12, 31))
        result[str(year)] = dict(
            FULL_PAY,
            reason=reason,
            start_date=start.isoformat(),
            end_date=end.isoformat(),
            half_day=bool(half_day),
        )
    return result


def same_absence(existing, values):
    """Whether a bexio absence is the one ``values`` describes (dates and reason)."""
    return (
        existing.get("reason") == values["reason"]
        and str(existing.get("start_date") or "")[:10] == values["start_date"]
        and str(existing.get("end_date") or "")[:10] == values["end_date"]
    )
