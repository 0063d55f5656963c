# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the systray says about the current company's connection, and the guard that keeps a
copied or neutralized database away from the production bexio account."""

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..exceptions import BexioCopiedDatabase

# neutralize.sql writes this instead of a database UUID: a neutralized database never matches.
NEUTRALIZED = "neutralized"


def _base_url(env):
    return (env["ir.config_parameter"].sudo().get_param("web.base.url") or "").rstrip(
        "/"
    )


def _database_uuid(env):
    return env["ir.config_parameter"].sudo().get_param("database.uuid") or ""


class BexioConnection(models.Model):
    _inherit = "bexio.connection"

    # Where the connection was made. A restored copy keeps its rows but gets another UUID (or
    # runs at another address): it must not act on the production bexio account unnoticed.
    # The defaults also fill connections made before the guard existed, on upgrade.
    bexio_database_uuid = fields.Char(
        "Made on database",
        readonly=True,
        copy=False,
        default=lambda self: _database_uuid(self.env),
        help="The UUID of the Odoo database in which the connection signed in to bexio.",
    )
    bexio_base_url = fields.Char(
        "Made at address",
        readonly=True,
        copy=False,
        default=lambda self: _base_url(self.env),
        help="The web address (web.base.url) of Odoo when the connection signed in to bexio.",
    )
    bexio_copy_guard = fields.Boolean(
        "Copied database",
        compute="_compute_bexio_copy_guard",
        help="This database is not the one the connection was made in: nothing is sent "
        "to bexio until a settings administrator confirms that it is the production "
        "database.",
    )
    bexio_copy_message = fields.Text(
        "Why nothing is sent", compute="_compute_bexio_copy_guard"
    )

    @api.model
    def _own_fields(self):
        return super()._own_fields() | {"bexio_database_uuid", "bexio_base_url"}

    # ------------------------------------------------------------ copy guard
    def _bexio_copy_reason(self):
        """Why this database looks like a copy of the one the connection was made in, or ""."""
        self.ensure_one()
        if self.bexio_database_uuid == NEUTRALIZED:
            return self.env._("This database was neutralized (a test or staging copy).")
        if self.bexio_database_uuid and self.bexio_database_uuid != _database_uuid(
            self.env
        ):
            return self.env._(
                "This database has another identity (database UUID) than the one "
                "%(company)s was connected to bexio in: it was restored as a copy.",
                company=self.company_id.name,
            )
        url = _base_url(self.env)
        if self.bexio_base_url and self.bexio_base_url != url:
            return self.env._(
                "Odoo now runs at %(url)s, but %(company)s was connected to bexio at "
                "%(original)s: this may be a copy of the database.",
                url=url,
                original=self.bexio_base_url,
                company=self.company_id.name,
            )
        return ""

    @api.depends("bexio_database_uuid", "bexio_base_url")
    def _compute_bexio_copy_guard(self):
        for connection in self:
            reason = (
                connection._bexio_copy_reason()
                if connection.state not in ("draft", "disconnected")
                else ""
            )
            connection.bexio_copy_guard = bool(reason)
            connection.bexio_copy_message = (
                connection._copy_guard_message(reason) if reason else False
            )

    def _copy_guard_message(self, reason):
        return self.env._(
            "%(reason)s Odoo sends nothing to bexio and reads nothing from it until a "
            'settings administrator clicks "This is the production database"; changes '
            'wait in the outbox. If this is a test copy, click "Disconnect": this copy '
            "then forgets its tokens without revoking them, so the production database "
            "stays connected.",
            reason=reason,
        )

    def _check_not_a_copy(self):
        """Every bexio request of a connection asks for a client or a token: refuse both
        in a copy, before anything reaches bexio."""
        reason = self._bexio_copy_reason()
        if reason:
            raise BexioCopiedDatabase(self._copy_guard_message(reason))

    def _bexio_client(self, **options):
        self._check_not_a_copy()
        return super()._bexio_client(**options)

    def _refresh_tokens(self, failed_token=None):
        # A refresh rotates the refresh token: done by a copy, it would cut off production.
        self._check_not_a_copy()
        return super()._refresh_tokens(failed_token=failed_token)

    def _link(self, token, userinfo, oauth):
        # Signing in here is the administrator's choice of this database: what runs right
        # after it (probes, the initial import) must pass the guard.
        self._remember_database()
        return super()._link(token, userinfo, oauth)

    def _remember_database(self):
        self.sudo().write(
            {
                "bexio_database_uuid": _database_uuid(self.env),
                "bexio_base_url": _base_url(self.env),
            }
        )

    @api.model
    def _cron_sync(self, full=False):
        return super(
            BexioConnection, self.with_context(bexio_cron_sync=True)
        )._cron_sync(full=full)

    def _enqueue_sync(self, full=False):
        if self.bexio_copy_guard:
            # The hourly sync skips a copy quietly; "Sync now" says why nothing happens.
            if self.env.context.get("bexio_cron_sync"):
                return False
            self._check_not_a_copy()
        return super()._enqueue_sync(full=full)

    def action_confirm_production_database(self):
        """The banner's "This is the production database": this database may use bexio."""
        if not self.env.su and not self.env.user.has_group("base.group_system"):
            raise AccessError(
                self.env._(
                    "Only a settings administrator can confirm that this is the production "
                    "database: a copy that talks to bexio changes the company's real "
                    "accounting."
                )
            )
        for connection in self.filtered("bexio_copy_guard"):
            reason = connection._bexio_copy_reason()
            connection._remember_database()
            connection.message_post(
                body=self.env._(
                    "%(user)s confirmed that this is the production database (%(reason)s). "
                    "Odoo talks to bexio again; what waited in the outbox is sent now.",
                    user=self.env.user.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
            self.env["bexio.outbox"].sudo().search(
                [("connection_id", "=", connection.id), ("state", "=", "pending")]
            )._enqueue()
        return True

    # --------------------------------------------------------------- systray
    def _sync_failure_text(self):
        return self.sync_failure if "sync_failure" in self._fields else False

    @api.model
    def bexio_systray_status(self):
        """The current company's connection for the systray; {} for users without a bexio
        group (the systray then shows nothing)."""
        user = self.env.user
        if not user.has_group("bexio_connector.group_bexio_user"):
            return {}
        company = self.env.company
        connection = self.sudo().search([("company_id", "=", company.id)], limit=1)
        status = {
            "company": company.name,
            "connection_id": connection.id or False,
            "can_sync": user.has_group("bexio_connector.group_bexio_manager"),
            "last_sync": False,
            "failed_count": 0,
            "pending_count": 0,
            "message": False,
        }
        if not connection or connection.state in ("draft", "disconnected"):
            return dict(status, state="not_connected", can_sync=False)
        last = (
            self.env["bexio.sync.run"]
            .sudo()
            .search(
                [("connection_id", "=", connection.id), ("state", "=", "done")],
                order="ended_at desc, id desc",
                limit=1,
            )
        )
        status.update(
            last_sync=fields.Datetime.to_string(last.ended_at or last.started_at)
            if last
            else False,
            failed_count=connection.outbox_failed_count,
            pending_count=connection.outbox_pending_count,
        )
        message = (
            connection.bexio_copy_message
            or (connection.state != "connected" and connection.state_message)
            or connection._sync_failure_text()
        )
        live = (
            connection.state == "connected"
            and not connection.bexio_copy_guard
            and not connection._sync_failure_text()
            and not status["failed_count"]
        )
        return dict(
            status,
            state="live" if live else "attention",
            message=message or False,
            can_sync=status["can_sync"]
            and connection.state == "connected"
            and not connection.bexio_copy_guard,
        )
