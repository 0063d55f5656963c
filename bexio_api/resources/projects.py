"""Projects (v2), their work packages and milestones (v3), timesheets and business activities."""

from ..formats import format_duration
from ..records import (
    BOOL,
    DATE,
    DATETIME,
    DECIMAL,
    DURATION,
    INT,
    NUMBER,
    OBJECT,
    STR,
    Record,
)
from ..urls import api_path, int_id
from .base import (
    Creatable,
    Deletable,
    EditableByPatch,
    EditableByPost,
    Listable,
    Resource,
    Searchable,
    Showable,
)


class Project(Record):
    kind = "project"
    fields = {
        "id": INT,
        "uuid": STR,
        "nr": STR,
        "name": STR,
        "start_date": DATETIME,
        "end_date": DATETIME,
        "comment": STR,
        "pr_state_id": INT,
        "pr_project_type_id": INT,
        "contact_id": INT,
        "contact_sub_id": INT,
        "pr_invoice_type_id": INT,
        "pr_invoice_type_amount": DECIMAL,
        "pr_budget_type_id": INT,
        "pr_budget_type_amount": DECIMAL,
        "user_id": INT,
    }


class ProjectState(Record):
    kind = "project state"
    fields = {"id": INT, "name": STR}


class ProjectType(ProjectState):
    kind = "project type"


class TimesheetStatus(ProjectState):
    kind = "timesheet status"


class WorkPackage(Record):
    kind = "work package"
    fields = {
        "id": INT,
        "name": STR,
        "spent_time_in_hours": NUMBER,
        "estimated_time_in_hours": NUMBER,
        "comment": STR,
        "pr_milestone_id": INT,
    }


class Milestone(Record):
    kind = "milestone"
    fields = {
        "id": INT,
        "name": STR,
        "end_date": DATE,
        "comment": STR,
        "pr_parent_milestone_id": INT,
    }


class Timesheet(Record):
    kind = "timesheet"
    fields = {
        "id": INT,
        "user_id": INT,
        "status_id": INT,
        "client_service_id": INT,
        "text": STR,
        "allowable_bill": BOOL,
        "charge": DECIMAL,
        "contact_id": INT,
        "sub_contact_id": INT,
        "pr_project_id": INT,
        "pr_package_id": INT,
        "pr_milestone_id": INT,
        "estimated_time": DURATION,
        "date": DATE,
        "duration": DURATION,
        "running": BOOL,
        "travel_time": DURATION,
        "travel_charge": DECIMAL,
        "travel_distance": DECIMAL,
        # {"type": "duration", "date": ..., "duration": "1:15"}, or "range" / "stopwatch".
        "tracking": OBJECT,
    }

    @property
    def minutes(self):
        """Worked minutes ("1:15" -> 75)."""
        return self.duration or 0


class BusinessActivity(Record):
    kind = "business activity"
    fields = {
        "id": INT,
        "name": STR,
        "default_is_billable": BOOL,
        "default_price_per_hour": NUMBER,
        "account_id": INT,
    }


class Projects(Listable, Searchable, Showable, Creatable, EditableByPost, Deletable):
    path = "/2.0/pr_project"
    record = Project
    writable_fields = (
        "name",
        "start_date",
        "end_date",
        "comment",
        "pr_state_id",
        "pr_project_type_id",
        "contact_id",
        "contact_sub_id",
        "pr_invoice_type_id",
        "pr_invoice_type_amount",
        "pr_budget_type_id",
        "pr_budget_type_amount",
        "user_id",
    )
    order_fields = ("id", "name")
    search_fields = ("name", "contact_id", "pr_state_id")

    def archive(self, project_id):
        self.transport.post(self._item(project_id, "archive"), idempotent=True)
        return True

    def reactivate(self, project_id):
        self.transport.post(self._item(project_id, "reactivate"), idempotent=True)
        return True

    def packages(self, project_id):
        return WorkPackages(self.transport, project_id)

    def milestones(self, project_id):
        return Milestones(self.transport, project_id)


class ProjectStates(Listable):
    path = "/2.0/pr_project_state"
    record = ProjectState


class ProjectTypes(Listable):
    path = "/2.0/pr_project_type"
    record = ProjectType


class _ProjectChild(Resource):
    style = "v3"

    def __init__(self, transport, project_id):
        super().__init__(transport)
        self.path = api_path(
            "/3.0/projects", int_id(project_id, "project id"), self.child
        )


class WorkPackages(
    _ProjectChild, Listable, Showable, Creatable, EditableByPatch, Deletable
):
    child = "packages"
    record = WorkPackage
    writable_fields = (
        "name",
        "spent_time_in_hours",
        "estimated_time_in_hours",
        "comment",
        "pr_milestone_id",
    )


class Milestones(
    _ProjectChild, Listable, Showable, Creatable, EditableByPost, Deletable
):
    child = "milestones"
    record = Milestone
    writable_fields = ("name", "end_date", "comment", "pr_parent_milestone_id")


class Timesheets(Listable, Searchable, Showable, Creatable, EditableByPost, Deletable):
    path = "/2.0/timesheet"
    record = Timesheet
    writable_fields = (
        "user_id",
        "status_id",
        "client_service_id",
        "text",
        "allowable_bill",
        "charge",
        "contact_id",
        "sub_contact_id",
        "pr_project_id",
        "pr_package_id",
        "pr_milestone_id",
        "estimated_time",
        "tracking",
    )
    order_fields = ("id", "date")
    search_fields = (
        "id",
        "client_service_id",
        "contact_id",
        "user_id",
        "pr_project_id",
        "status_id",
    )

    @staticmethod
    def duration_values(
        user_id,
        client_service_id,
        date,
        minutes,
        *,
        text="",
        allowable_bill=False,
        **extra,
    ):
        """Create values for a duration entry ("non-billable" unless told otherwise)."""
        values = {
            "user_id": user_id,
            "client_service_id": client_service_id,
            "text": text,
            "allowable_bill": bool(allowable_bill),
            "tracking": {
                "type": "duration",
                "date": date.isoformat(),
                "duration": format_duration(minutes),
            },
        }
        values.update(extra)
        return values


class TimesheetStatuses(Listable):
    path = "/2.0/timesheet_status"
    record = TimesheetStatus


class BusinessActivities(Listable, Searchable, Creatable):
    path = "/2.0/client_service"
    record = BusinessActivity
    writable_fields = (
        "name",
        "default_is_billable",
        "default_price_per_hour",
        "account_id",
    )
    order_fields = ("id", "name")
    search_fields = ("name",)
