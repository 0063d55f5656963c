"""Projects, their states and types, work packages, milestones, business activities and
timesheets."""

import datetime
import re
import uuid

from ..errors import ApiError
from ..schema import F, Schema
from .base import (
    SUCCESS,
    Collection,
    Reply,
    form_error,
    json_body,
    named,
    page,
    require_existing,
)

PROJECT_STATES = named("pr_project_state")
PROJECT_TYPES = named("pr_project_type")
TIMESHEET_STATUSES = named("timesheet_status")


# ------------------------------------------------------ projects and time
class Projects(Collection):
    def complete(self, env, doc, creating):
        super().complete(env, doc, creating)
        if creating:
            doc["uuid"] = str(uuid.uuid4())
        checks = (
            ("contact_id", "contact"),
            ("pr_state_id", "pr_project_state"),
            ("pr_project_type_id", "pr_project_type"),
            ("user_id", "user"),
        )
        require_existing(env, doc, checks)

    def h_archive(self, env, req, ident):
        return self._set_state(env, ident, ARCHIVED_PROJECT_STATE)

    def h_reactivate(self, env, req, ident):
        return self._set_state(env, ident, ACTIVE_PROJECT_STATE)

    def _set_state(self, env, ident, state):
        doc = dict(self.find(env, ident))
        doc["pr_state_id"] = state
        env.store.put(env.company, self.kind, ident, doc)
        return Reply(SUCCESS)


ACTIVE_PROJECT_STATE = 1
ARCHIVED_PROJECT_STATE = 2
PROJECTS = Projects(
    "pr_project",
    Schema(
        F("id", "int", writable=False),
        F("uuid", writable=False),
        F("nr", writable=False),
        F("name", required=True, maxlen=255),
        F("start_date", "datetime"),
        F("end_date", "datetime"),
        F("comment"),
        F("pr_state_id", "int", required=True),
        F("pr_project_type_id", "int", required=True),
        F("contact_id", "int", required=True),
        F("contact_sub_id", "int"),
        F("pr_invoice_type_id", "int", choices={None, 1, 2, 3, 4}),
        F("pr_invoice_type_amount", "money"),
        F("pr_budget_type_id", "int", choices={None, 1, 2, 3, 4}),
        F("pr_budget_type_amount", "money"),
        F("user_id", "int", required=True),
    ),
    order_fields=("id", "name"),
    search_fields=("name", "contact_id", "pr_state_id"),
    numbered=("project_nr", "%06d"),
)


class ProjectChildren(Collection):
    """v3 children of a project (work packages, milestones), stored with their project id."""

    def visible(self, env, archived=False, project=None):
        return [
            d for d in env.store.all(env.company, self.kind) if d["_project"] == project
        ]

    def _project(self, env, project):
        PROJECTS.find(env, project)
        return int(project)

    def find_child(self, env, project, ident):
        doc = env.store.get(env.company, self.kind, ident)
        if doc is None or doc["_project"] != int(project):
            raise ApiError(404, "The requested resource could not be found.")
        return doc

    def h_list(self, env, req, project):
        docs = self.visible(env, project=self._project(env, project))
        return page(req, docs, self.render, order_fields=("id",), style="v3")

    def h_create(self, env, req, project):
        doc = self.create(
            env, json_body(req) or {}, _project=self._project(env, project)
        )
        return Reply(self.render(doc), status=201)

    def h_show(self, env, req, project, ident):
        return Reply(self.render(self.find_child(env, project, ident)))

    def h_edit(self, env, req, project, ident):
        self.find_child(env, project, ident)
        return Reply(self.render(self.edit(env, ident, json_body(req) or {})))

    h_patch = h_edit

    def h_delete(self, env, req, project, ident):
        self.find_child(env, project, ident)
        env.store.delete(env.company, self.kind, ident)
        return Reply(SUCCESS)


PACKAGES = ProjectChildren(
    "pr_package",
    Schema(
        F("id", "int", writable=False),
        F("name", required=True, maxlen=255),
        F("spent_time_in_hours", "number", default=0),
        F("estimated_time_in_hours", "number"),
        F("comment", maxlen=10000),
        F("pr_milestone_id", "int"),
    ),
    style="v3",
)
MILESTONES = ProjectChildren(
    "pr_milestone",
    Schema(
        F("id", "int", writable=False),
        F("name", required=True, maxlen=255),
        F("end_date", "date"),
        F("comment", maxlen=10000),
        F("pr_parent_milestone_id", "int"),
    ),
    style="v3",
)

BUSINESS_ACTIVITIES = Collection(
    "client_service",
    Schema(
        F("id", "int", writable=False),
        F("name", required=True, maxlen=255),
        F("default_is_billable", "bool"),
        F("default_price_per_hour", "number"),
        F("account_id", "int"),
    ),
    order_fields=("id", "name"),
    search_fields=("name",),
)

_DURATION = re.compile(r"^(\d{1,4}):([0-5]\d)$")


def duration_text(minutes):
    # Live bexio writes hours without a leading zero ("1:15"), unlike its docs.
    return f"{minutes // 60}:{minutes % 60:02d}"


class Timesheets(Collection):
    def complete(self, env, doc, creating):
        super().complete(env, doc, creating)
        tracking = doc.get("tracking")
        if not isinstance(tracking, dict) or tracking.get("type") not in (
            "duration",
            "range",
        ):
            raise form_error("tracking", "type must be duration or range.")
        try:
            if tracking["type"] == "duration":
                day = datetime.date.fromisoformat(str(tracking.get("date")))
                match = _DURATION.match(str(tracking.get("duration", "")))
                if not match:
                    raise ValueError("duration must be HH:MM")
                minutes = int(match.group(1)) * 60 + int(match.group(2))
            else:
                start = datetime.datetime.strptime(
                    tracking["start"], "%Y-%m-%d %H:%M:%S"
                )
                end = datetime.datetime.strptime(tracking["end"], "%Y-%m-%d %H:%M:%S")
                if end < start:
                    raise ValueError("end is before start")
                day, minutes = start.date(), int((end - start).total_seconds() // 60)
        except (KeyError, TypeError, ValueError) as exc:
            raise form_error("tracking", f"{exc}") from None
        doc["tracking"] = (
            dict(tracking, duration=duration_text(minutes))
            if tracking["type"] == "duration"
            else dict(tracking)
        )
        doc["date"] = day.isoformat()
        doc["duration"] = duration_text(minutes)
        doc["running"] = False
        require_existing(
            env,
            doc,
            (
                ("user_id", "user"),
                ("client_service_id", "client_service"),
                ("pr_project_id", "pr_project"),
                ("contact_id", "contact"),
                ("status_id", "timesheet_status"),
            ),
        )


TIMESHEETS = Timesheets(
    "timesheet",
    Schema(
        F("id", "int", writable=False),
        F("user_id", "int", required=True),
        F("status_id", "int"),
        F("client_service_id", "int", required=True),
        F("text"),
        F("allowable_bill", "bool", required=True),
        F("charge", "money"),
        F("contact_id", "int"),
        F("sub_contact_id", "int"),
        F("pr_project_id", "int"),
        F("pr_package_id", "int"),
        F("pr_milestone_id", "int"),
        F("travel_time", writable=False),
        F("travel_charge", writable=False),
        F("travel_distance", "int", writable=False),
        F("estimated_time"),
        F("date", writable=False),
        F("duration", writable=False),
        F("running", "bool", default=False, writable=False),
        F("tracking", "json", required=True),
    ),
    order_fields=("id", "date"),
    search_fields=(
        "id",
        "client_service_id",
        "contact_id",
        "user_id",
        "pr_project_id",
        "status_id",
    ),
)
