# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import time
from datetime import timedelta

import psycopg2

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError

from bexio_api import BexioClient, OAuthClient, errors, scopes_for
from bexio_api.oauth import scope_grants
from bexio_api.transport import READ_WORKERS

from ..exceptions import BexioNotConnected
from ..services import company_master_data, connection_probe, jobs, oauth_state
from ..services.token_provider import ConnectionTokenProvider

_logger = logging.getLogger(__name__)

PARAM_PREFIX = "bexio_connector."
DEFAULT_API_URL = "https://api.bexio.com"
DEFAULT_AUTH_URL = "https://auth.bexio.com/realms/bexio"
REFRESH_MARGIN = 300  # seconds before expiry when a token counts as expiring
OAUTH_REQUEST_LIFETIME = timedelta(minutes=15)


class BexioConnection(models.Model):
    """The link between one Odoo company and one bexio company.

    It owns the OAuth tokens (readable by system administrators only) and knows what the bexio
    account can do. Sync addons ask it for a client (``_bexio_client``) and hook into
    ``_bexio_sync_features`` and ``_bexio_initial_import``.
    """

    _name = "bexio.connection"
    _description = "bexio Connection"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _check_company_auto = True
    _order = "company_id"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        ondelete="cascade",
    )
    state = fields.Selection(
        [
            ("draft", "Not connected"),
            ("connected", "Connected"),
            ("reconnect", "Reconnect needed"),
            ("error", "Error"),
            ("disconnected", "Disconnected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    state_message = fields.Text(
        readonly=True, copy=False, help="What happened, and what to do about it."
    )
    bexio_company_ref = fields.Char(
        "bexio company ID",
        readonly=True,
        copy=False,
        index=True,
        help="bexio's identifier of the linked company. Reconnecting must sign in to "
        "the same bexio company.",
    )
    bexio_company_name = fields.Char("bexio company", readonly=True, copy=False)
    bexio_user_email = fields.Char("Connected by", readonly=True, copy=False)
    bexio_user_ref = fields.Integer("bexio user ID", readonly=True, copy=False)
    granted_scopes = fields.Char(readonly=True, copy=False)
    granted_access = fields.Text(
        "Access granted", compute="_compute_granted_access", help="The scopes in words."
    )
    payroll_state = fields.Selection(
        [
            ("unknown", "Not checked yet"),
            ("available", "Available"),
            ("not_subscribed", "Not in the bexio subscription"),
            ("not_authorized", "Reconnect to use it"),
            ("not_requested", "Not used (no payroll sync installed)"),
        ],
        string="bexio payroll",
        default="unknown",
        readonly=True,
        copy=False,
        tracking=True,
    )
    payroll_checked_at = fields.Datetime(
        "Payroll checked on", readonly=True, copy=False
    )
    connected_at = fields.Datetime("Connected on", readonly=True, copy=False)
    master_data_differences = fields.Text(
        readonly=True,
        copy=False,
        help="Company master data that differs between Odoo and bexio; Odoo kept its values.",
    )
    outbox_pending_count = fields.Integer(compute="_compute_outbox_counts")
    outbox_failed_count = fields.Integer(compute="_compute_outbox_counts")
    progress_ids = fields.One2many(
        "bexio.sync.progress", "connection_id", string="Imports in progress"
    )
    sync_failed_run_ids = fields.Many2many(
        "bexio.sync.run",
        compute="_compute_sync_failure",
        string="Failed sync runs",
        help="Steps of the sync whose latest run failed.",
    )
    sync_failure = fields.Text("Last sync failure", compute="_compute_sync_failure")

    # Secrets: system administrators only, never copied, cleared by neutralize.sql. The OAuth
    # tokens live in bexio.token, so that a refresh never waits for this row.
    oauth_state_nonce = fields.Char(
        "Sign-in nonce", groups="base.group_system", copy=False
    )
    oauth_code_verifier = fields.Char(
        "Sign-in verifier (PKCE)", groups="base.group_system", copy=False
    )
    oauth_requested_at = fields.Datetime(
        "Sign-in started at", groups="base.group_system", copy=False
    )

    _sql_constraints = [
        (
            "company_uniq",
            "unique(company_id)",
            "Each Odoo company can be linked to one bexio company only.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_own_fields(vals)
        connections = super().create(vals_list)
        self.env.registry.clear_cache()  # _save_settings_of
        return connections

    def write(self, vals):
        if "company_id" in vals and any(
            connection.company_id.id != vals["company_id"] for connection in self
        ):
            # Its tokens, links and outbox are that company's: moving them would sync one
            # company's records with another company's bexio.
            raise UserError(
                self.env._(
                    "A bexio connection stays with the company it was made for: it holds that "
                    "company's bexio sign-in and links. Create a connection for the other "
                    "company instead."
                )
            )
        self._check_own_fields(vals)
        cached = [name for name in self._save_setting_fields() if name in vals]
        before = self.read(cached, load=None) if cached else None
        result = super().write(vals)
        # The payroll probe writes its finding every hour: only a change clears the cache.
        if cached and self.read(cached, load=None) != before:
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    @api.model
    def _own_fields(self):
        """Fields the connection writes itself (signing in, probes, imports), in sudo.

        A user's save never sets them, whatever the user's group: the state, what bexio said
        about the account, and the tokens change only through the connection's methods, which
        check the group. Sync addons add theirs.
        """
        return {
            "name",
            "state",
            "state_message",
            "bexio_company_ref",
            "bexio_company_name",
            "bexio_user_email",
            "bexio_user_ref",
            "granted_scopes",
            "payroll_state",
            "payroll_checked_at",
            "connected_at",
            "master_data_differences",
            "oauth_state_nonce",
            "oauth_code_verifier",
            "oauth_requested_at",
        }

    def _check_own_fields(self, vals):
        if self.env.su:
            return
        own = sorted(set(vals) & self._own_fields())
        if own:
            raise AccessError(
                self.env._(
                    "These fields of a bexio connection are set by Odoo itself when it signs "
                    "in, tests or syncs, not by editing the connection: %(fields)s. Use the "
                    "buttons on the connection.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env) for name in own
                    ),
                )
            )

    # ------------------------------------------------------------------ rights
    @api.model
    def _check_manager(self):
        """What changes a connection or its outbox is for bexio administrators: syncs,
        imports, tests, disconnecting, Retry and Cancel.

        Called first by every such action: their work then runs in sudo, as the crons' does.
        """
        if not self.env.su and not self.env.user.has_group(
            "bexio_connector.group_bexio_manager"
        ):
            raise AccessError(
                self.env._(
                    'This needs the "Administrator" right in the bexio section of your user: '
                    "only bexio administrators sync, import, test, connect and disconnect, "
                    "and retry or cancel outbox items. Ask a settings administrator for it."
                )
            )

    @api.depends("company_id.name", "bexio_company_name")
    def _compute_name(self):
        for connection in self:
            bexio = connection.bexio_company_name
            company = connection.company_id.name
            connection.name = f"{company} ↔ {bexio}" if bexio else company

    def _compute_outbox_counts(self):
        groups = self.env["bexio.outbox"]._read_group(
            [("connection_id", "in", self.ids), ("state", "in", ("pending", "failed"))],
            ["connection_id", "state"],
            ["__count"],
        )
        counts = {(c.id, state): n for c, state, n in groups}
        for connection in self:
            connection.outbox_pending_count = counts.get((connection.id, "pending"), 0)
            connection.outbox_failed_count = counts.get((connection.id, "failed"), 0)

    # ------------------------------------------------------------ configuration
    @api.model
    def _param(self, key, default=None):
        value = self.env["ir.config_parameter"].sudo().get_param(PARAM_PREFIX + key)
        return value or default

    @api.model
    def _read_workers(self):
        """Reads an import may have in flight at once (``bexio_connector.read_workers``).

        An integrator lowers it if bexio's limits tighten; 1 reads one after another.
        """
        try:
            workers = int(self._param("read_workers", READ_WORKERS))
        except ValueError:
            workers = READ_WORKERS
        return min(max(workers, 1), 8)

    @api.model
    def _api_url(self):
        return self._param("api_url", DEFAULT_API_URL).rstrip("/")

    @api.model
    def _oauth_client(self):
        client_id = self._param("client_id")
        client_secret = self._param("client_secret")
        if not client_id or not client_secret:
            raise UserError(
                self.env._(
                    "bexio sign-in is not configured: enter the client ID and secret of your "
                    "bexio app in Settings > bexio."
                )
            )
        redirect_uri = f"{self.get_base_url()}/bexio/oauth/callback"
        return OAuthClient(
            client_id,
            client_secret,
            redirect_uri,
            issuer=self._param("auth_url", DEFAULT_AUTH_URL),
        )

    @api.model
    def _for_company(self, company):
        """The connection of ``company`` (empty if it has none)."""
        settings = self._save_settings(company)
        return self.browse(settings["id"] if settings else ())

    @api.model
    def _save_settings(self, company):
        """What saving a synced record of ``company`` reads from its connection.

        A frozendict of the connection's ``id`` and ``_save_setting_fields``, or None when
        ``company`` has no connection.
        """
        return self._save_settings_of(company.id)

    @api.model
    def _save_setting_fields(self):
        """Connection fields that decide whether a save is sent; sync addons add theirs."""
        return ["company_id"]

    @tools.ormcache("company_id")
    def _save_settings_of(self, company_id):
        # Read by every save of a synced record, while connections and their settings change
        # rarely: a database read here would cost a save more than recording the change.
        connection = self.sudo().search([("company_id", "=", company_id)], limit=1)
        if not connection:
            return None
        [values] = connection.read(self._save_setting_fields(), load=None)
        return tools.frozendict(values)

    @api.model
    def _bexio_sync_features(self):
        """Features whose scopes a connection asks for; sync addons add theirs."""
        return ["contacts", "accounting"]

    # --------------------------------------------------------------- sign-in
    @api.model
    def _check_may_connect(self):
        """Signing in to bexio handles the tokens: it takes a bexio administrator who also
        has the Settings right."""
        if not self.env.su and not self.env.user.has_group("base.group_system"):
            raise AccessError(
                self.env._("Only a settings administrator can connect Odoo to bexio.")
            )
        self._check_manager()

    def action_connect(self):
        """Send the administrator to bexio's sign-in (through our authorize route)."""
        self.ensure_one()
        self._check_may_connect()
        return {
            "type": "ir.actions.act_url",
            "url": f"/bexio/oauth/authorize/{self.id}",
            "target": "self",
        }

    def _start_authorization(self):
        """Build bexio's authorization URL; keep the PKCE verifier and nonce server-side."""
        self.ensure_one()
        self._check_may_connect()
        oauth = self._oauth_client()
        nonce = oauth_state.new_nonce()
        request = oauth.authorization_request(
            scopes_for(self._bexio_sync_features()),
            state=oauth_state.sign(self.env, self.id, nonce),
        )
        self.sudo().write(
            {
                "oauth_state_nonce": nonce,
                "oauth_code_verifier": request.code_verifier,
                "oauth_requested_at": fields.Datetime.now(),
            }
        )
        return request.url

    @api.model
    def _finish_authorization(self, state, code):
        """Check the state, exchange the code, and link the company. Returns the connection.

        Raises UserError with a message for the person who tried to connect.
        """
        self._check_may_connect()
        parsed = oauth_state.verify(self.env, state or "")
        connection = self.browse(parsed[0]).exists() if parsed else self.browse()
        secrets = connection.sudo()
        if (
            not connection
            or not secrets.oauth_state_nonce
            or secrets.oauth_state_nonce != parsed[1]
        ):
            raise UserError(
                self.env._(
                    "This sign-in link is invalid or was already used. Start again with "
                    '"Connect to bexio" on the connection.'
                )
            )
        verifier = secrets.oauth_code_verifier
        expired = (
            not secrets.oauth_requested_at
            or fields.Datetime.now() - secrets.oauth_requested_at
            > OAUTH_REQUEST_LIFETIME
        )
        # One use only: a replayed state finds no nonce.
        secrets.write({"oauth_state_nonce": False, "oauth_code_verifier": False})
        if expired:
            raise UserError(
                self.env._(
                    'The sign-in took too long. Start again with "Connect to bexio".'
                )
            )
        oauth = self._oauth_client()
        try:
            token = oauth.exchange_code(code, verifier)
            userinfo = oauth.userinfo(token.access_token)
        except errors.InvalidGrant as exc:
            raise UserError(
                self.env._(
                    "bexio did not accept the sign-in (%(reason)s). The code may have "
                    'expired; start again with "Connect to bexio".',
                    reason=exc.message,
                )
            ) from exc
        except errors.BexioError as exc:
            raise UserError(
                self.env._(
                    "bexio's sign-in service could not be reached: %(error)s. Try again "
                    "in a few minutes.",
                    error=str(exc),
                )
            ) from exc
        connection._link(token, userinfo, oauth)
        return connection

    def _link(self, token, userinfo, oauth):
        self.ensure_one()
        company_ref = userinfo.get("company_id")
        if not company_ref:
            raise UserError(
                self.env._(
                    "bexio did not say which company you signed in to. Sign in again and "
                    "allow access to the company profile."
                )
            )
        if self.bexio_company_ref and self.bexio_company_ref != company_ref:
            # Revoke what we just got: it belongs to the wrong company.
            try:
                oauth.revoke(token.refresh_token or token.access_token)
            except errors.BexioError:
                _logger.info("bexio: could not revoke a token of the wrong company")
            raise UserError(
                self.env._(
                    'You signed in to the bexio company "%(other)s", but %(company)s is '
                    'linked to "%(linked)s". Sign in to "%(linked)s" instead; Odoo keeps '
                    "its data and links so that nothing is synced to the wrong company.",
                    other=userinfo.get("company_name") or company_ref,
                    company=self.company_id.name,
                    linked=self.bexio_company_name or self.bexio_company_ref,
                )
            )
        self._store_token(token)
        self.sudo().write(
            {
                "state": "connected",
                "state_message": False,
                "bexio_company_ref": company_ref,
                "bexio_company_name": userinfo.get("company_name"),
                "bexio_user_email": userinfo.get("email"),
                "bexio_user_ref": userinfo.get("company_user_id") or 0,
                "granted_scopes": " ".join(token.scope),
                "connected_at": fields.Datetime.now(),
            }
        )
        self.message_post(
            body=self.env._(
                "Connected to bexio company %(name)s by %(user)s.",
                name=self.bexio_company_name,
                user=self.bexio_user_email or self.env.user.name,
            )
        )
        self._after_connect()

    def _after_connect(self):
        """Probe payroll, fill empty company master data, enqueue the initial import."""
        self._check_payroll()
        self._sync_company_master_data()
        self._close_reconnect_activities()
        # What waited for the reconnect goes out now.
        self.env["bexio.outbox"].sudo().search(
            [("connection_id", "=", self.id), ("state", "=", "pending")]
        )._enqueue()
        # The import runs as the hourly sync does, whatever else the administrator may do.
        self.sudo()._bexio_delay(
            self.env._("bexio: initial import for %s", self.company_id.name),
            "initial-import",
        )._bexio_initial_import()

    def _bexio_delay(self, description, key):
        """This connection, delayed as a job of the bexio channel; one pending job per key.

        The job function (data/queue_job_data.xml) decides its retries and lets it commit
        each step of its import (``bexio.sync.run._run_step``).
        """
        self.ensure_one()
        return self.with_delay(
            channel=self._bexio_channel(),
            description=description,
            identity_key=f"bexio-{key}-{self.id}",
            max_retries=jobs.SYNC_MAX_RETRIES,
        )

    def _bexio_channel(self):
        """The job channel of this connection's company, created by the job runner.

        With ``root:<workers>:capacity_default=1`` each company's backlog holds one worker
        at most and the others' jobs use the rest (queue_job starts the oldest job first,
        whichever company it belongs to). A channel under root, not root.bexio: for a
        channel under a configured one, queue_job 18.0 creates root.bexio.bexio.<name>,
        and capacity_default would limit all the companies together to one worker.
        """
        return f"root.bexio_company_{self.company_id.id}"

    def _bexio_initial_import(self):
        """Job run after connecting: by default the same as a sync; addons may import more."""
        self.ensure_one()
        _logger.info("bexio: initial import for connection %s", self.id)
        return self._bexio_sync()

    def _bexio_sync(self):
        """Job that pulls changes from bexio; each sync addon extends it with its imports."""
        self.ensure_one()
        return True

    @api.model
    def _cron_sync(self, full=False):
        """Enqueue a sync per connected company (one job each, never two at once).

        ``full``: the nightly full re-read instead of the hourly changes.
        """
        for connection in self.sudo().search([("state", "=", "connected")]):
            connection._enqueue_sync(full=full)

    def _enqueue_sync(self, full=False):
        if full:
            return self._bexio_delay(
                self.env._("bexio: full re-read %s", self.company_id.name), "full-sync"
            )._bexio_full_sync()
        return self._bexio_delay(
            self.env._("bexio: sync %s", self.company_id.name), "sync"
        )._bexio_sync()

    def _bexio_full_sync(self):
        """Job: the sync, reading everything again instead of asking for changes only.

        A search on what changed cannot show what was deleted in bexio; the sync addons
        read ``bexio_full_read`` from the context.
        """
        self.ensure_one()
        return self.with_context(bexio_full_read=True)._bexio_sync()

    # ------------------------------------------------------------ failed syncs
    @api.model
    def _latest_runs(self, connection):
        """The latest finished run of each step (or kind) of ``connection``'s syncs."""
        runs = (
            self.env["bexio.sync.run"]
            .sudo()
            .search(
                [("connection_id", "=", connection.id), ("state", "!=", "running")],
                order="started_at desc, id desc",
                limit=200,
            )
        )
        latest = {}
        for run in runs:
            latest.setdefault(run.step or run.kind, run)
        return self.env["bexio.sync.run"].sudo().union(*latest.values())

    def _compute_sync_failure(self):
        for connection in self:
            failed = (
                self._latest_runs(connection).filtered(lambda r: r.state == "failed")
                if connection.id
                else self.env["bexio.sync.run"]
            )
            connection.sync_failed_run_ids = failed
            connection.sync_failure = (
                (failed[:1].message or self.env._("The sync failed."))
                if failed
                else False
            )

    def _sync_failure_activities(self):
        activity_type = self.env.ref(
            "bexio_connector.mail_activity_bexio_sync_failed", raise_if_not_found=False
        )
        if not activity_type:
            return self.env["mail.activity"]
        return self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    def _bexio_report_sync_failure(self, message):
        """Tell the bexio administrators of the company: an activity each (one while the
        failure lasts), and a note on the connection."""
        self.ensure_one()
        connection = self.sudo()
        activity_type = self.env.ref("bexio_connector.mail_activity_bexio_sync_failed")
        managers = self.env.ref("bexio_connector.group_bexio_manager").users.filtered(
            lambda user: connection.company_id in user.company_ids and not user.share
        )
        told = connection._sync_failure_activities().user_id
        summary = self.env._(
            "bexio sync of %(company)s failed", company=connection.company_id.name
        )
        for manager in managers - told:
            connection.activity_schedule(
                activity_type_id=activity_type.id,
                summary=summary,
                note=message,
                user_id=manager.id,
            )
        connection.message_post(body=message, subtype_xmlid="mail.mt_note")

    def _bexio_close_sync_failure(self):
        """Close the failure activities once no step's latest run is failed any more."""
        self.ensure_one()
        activities = self.sudo()._sync_failure_activities()
        if activities and not self._latest_runs(self).filtered(
            lambda r: r.state == "failed"
        ):
            activities.action_feedback(feedback=self.env._("The sync ran again."))

    def action_bexio_retry_sync(self):
        """The "Retry" of the banner: run the failed steps again."""
        self.ensure_one()
        self._check_manager()
        self.sudo()._bexio_retry_sync(self.sync_failed_run_ids.sudo())
        return self._bexio_notify(
            self.env._("The sync runs again in the background; see Sync runs.")
        )

    def _bexio_retry_sync(self, runs):
        """Requeue the failed jobs of ``runs`` (their retry skips the steps they did); a
        run without its job any more gets a new sync."""
        self.ensure_one()
        if self.state != "connected":
            raise BexioNotConnected(self._not_connected_message())
        failed_jobs = (
            self.env["queue.job"]
            .sudo()
            .search([("uuid", "in", runs.mapped("job_uuid")), ("state", "=", "failed")])
        )
        failed_jobs.requeue()
        if set(runs.mapped("job_uuid")) - set(failed_jobs.mapped("uuid")) or any(
            not run.job_uuid for run in runs
        ):
            self._enqueue_sync()

    # ---------------------------------------------------------------- tokens
    def _token_record(self):
        """This connection's bexio.token row (empty when it never signed in), in sudo."""
        self.ensure_one()
        return self.env["bexio.token"].sudo().search([("connection_id", "=", self.id)])

    @staticmethod
    def _token_values(token):
        """The bexio.token values of an OAuth answer."""
        return {
            "access_token": token.access_token,
            "refresh_token": token.refresh_token,
            "expires_at": int(token.expires_at or 0),
        }

    def _store_token(self, token):
        values = self._token_values(token)
        record = self._token_record()
        if record:
            record.write(values)
        else:
            record.create({"connection_id": self.id, **values})

    def _get_access_token(self):
        self.ensure_one()
        token = self._token_record()
        if self.state not in ("connected", "error") or not token.access_token:
            raise BexioNotConnected(self._not_connected_message())
        if token.expires_at and token.expires_at - time.time() < REFRESH_MARGIN:
            return self._refresh_tokens()
        return token.access_token

    def _not_connected_message(self):
        if self.state == "reconnect":
            return self.env._(
                "The bexio connection of %(company)s needs to be renewed: an administrator "
                'must click "Reconnect" on the connection.',
                company=self.company_id.name,
            )
        return self.env._(
            "%(company)s is not connected to bexio. An administrator can connect it in "
            "Settings > bexio.",
            company=self.company_id.name,
        )

    def _refresh_tokens(self, failed_token=None):
        """Refresh once however many workers ask; keep the rotated token whatever happens.

        The refresh runs in its own short transaction under a lock of the bexio.token row
        only: the caller's transaction may hold the connection row (an import wrote its
        marker), and waiting for it here would wait for ourselves. A second worker waits for
        the token row, then finds a token newer than the one that failed and uses it. The
        rotated refresh token is committed before it is used, so a rollback of the caller's
        transaction cannot lose it. ``invalid_grant`` marks the connection "reconnect needed"
        and tells the admins.
        """
        self.ensure_one()
        oauth = self._oauth_client()
        # Only the token row: pending writes of the connection would lock it for this
        # transaction, and the short one below would wait for it.
        self.env["bexio.token"].flush_model()
        with self.env.registry.cursor() as cr:
            for attempt in range(3):
                cr.execute("SET LOCAL lock_timeout = '15s'")
                try:
                    cr.execute(
                        "SELECT id, access_token, refresh_token, expires_at "
                        "FROM bexio_token WHERE connection_id = %s FOR UPDATE",
                        [self.id],
                    )
                    break
                except psycopg2.errors.SerializationFailure:
                    # Another worker rotated the token while we waited for its lock; a new
                    # snapshot reads what it committed.
                    cr.rollback()
                    if attempt == 2:
                        raise
                except psycopg2.errors.LockNotAvailable as exc:
                    raise errors.TransportError(
                        "another worker is refreshing the bexio token; try again"
                    ) from exc
            row = cr.fetchone()
            if not row or not row[2]:
                raise BexioNotConnected(self._not_connected_message())
            token_id, access, refresh, expires_at = row
            fresh = expires_at and expires_at - time.time() >= REFRESH_MARGIN
            if access and (
                failed_token and access != failed_token or not failed_token and fresh
            ):
                result = access  # somebody refreshed while we waited for the lock
            else:
                record = self.env(cr=cr, su=True)["bexio.token"].browse(token_id)

                def save(token):
                    record.write(self._token_values(token))
                    record.env.flush_all()
                    # The rotated refresh token must outlive whatever the caller does next.
                    cr.commit()  # pylint: disable=invalid-commit

                try:
                    result = oauth.refresh(refresh, save).access_token
                except errors.InvalidGrant as exc:
                    record.access_token = False
                    record.env.flush_all()
                    # Nothing is sent with the dead grant any more, whatever the caller does.
                    cr.commit()  # pylint: disable=invalid-commit
                    reason = exc.description
                    result = None
        self.env["bexio.token"].invalidate_model()
        if result is None:
            self._mark_reconnect_needed_durably(reason)
            raise BexioNotConnected(self._not_connected_message())
        return result

    def _mark_reconnect_needed_durably(self, reason):
        """Mark "reconnect needed" so that it outlives the caller's failure.

        A job that meets the dead grant fails and rolls back; the mark and the admins'
        activity must not go with it. They are committed in a transaction of their own, or,
        when the caller's transaction holds the connection row (waiting for it would wait for
        ourselves), written in the caller's transaction and again after its rollback.
        """
        # A write of the connection still in the cache would reach the row after the mark
        # and undo it; flushed, it locks the row, and the caller's transaction marks.
        self.flush_recordset()
        with self.env.registry.cursor() as cr:
            try:
                with cr.savepoint(flush=False):
                    cr.execute(
                        "SELECT id FROM bexio_connection WHERE id = %s FOR UPDATE NOWAIT",
                        [self.id],
                    )
            except psycopg2.errors.LockNotAvailable:
                locked_by_caller = True
            else:
                locked_by_caller = False
                self.with_env(self.env(cr=cr))._mark_reconnect_needed(reason)
        if not locked_by_caller:
            self.invalidate_recordset(["state", "state_message"])
            return
        self._mark_reconnect_needed(reason)
        registry, uid, connection_id = self.env.registry, self.env.uid, self.id

        def mark_after_rollback():
            try:
                with registry.cursor() as cr:
                    env = api.Environment(cr, uid, {})
                    env["bexio.connection"].browse(
                        connection_id
                    )._mark_reconnect_needed(reason)
            except Exception:  # a rollback must not fail because of a note
                _logger.exception("could not mark bexio connection %s", connection_id)

        self.env.cr.postrollback.add(mark_after_rollback)

    def _mark_reconnect_needed(self, reason):
        self.ensure_one()
        self.sudo().write(
            {
                "state": "reconnect",
                "state_message": self.env._(
                    "bexio no longer accepts Odoo's authorization (%(reason)s). Nothing is "
                    'sent to or read from bexio until an administrator clicks "Reconnect". '
                    "Changes made meanwhile wait in the outbox.",
                    reason=reason,
                ),
            }
        )
        self._token_record().access_token = False
        self._notify_admins(
            self.env._("Reconnect %(company)s to bexio", company=self.company_id.name),
            self.state_message,
        )

    def _notify_admins(self, summary, note):
        admins = self.env.ref("base.group_system").users.filtered(
            lambda user: self.company_id in user.company_ids and not user.share
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for admin in admins:
            self.activity_schedule(
                activity_type_id=activity_type.id,
                summary=summary,
                note=note,
                user_id=admin.id,
            )
        self.message_post(body=note, subtype_xmlid="mail.mt_note")

    def _close_reconnect_activities(self):
        self.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
        ).action_feedback(feedback=self.env._("Reconnected."))

    @api.model
    def _cron_refresh_tokens(self):
        """Refresh tokens that expire soon, so that no sync has to wait for a refresh."""
        soon = int(time.time()) + 2 * REFRESH_MARGIN
        connections = (
            self.env["bexio.token"]
            .sudo()
            .search(
                [
                    ("connection_id.state", "=", "connected"),
                    ("expires_at", "<", soon),
                ]
            )
            .connection_id
        )
        for connection in connections:
            try:
                connection._refresh_tokens()
            except (UserError, errors.BexioError) as exc:
                _logger.warning(
                    "bexio: refreshing the token of %s failed: %s", connection.id, exc
                )

    # --------------------------------------------------------------- client
    def _bexio_client(self, **options):
        """An SDK client for this connection (tokens refreshed as needed)."""
        self.ensure_one()
        return BexioClient(
            ConnectionTokenProvider(self.sudo()), api_url=self._api_url(), **options
        )

    @api.depends("granted_scopes")
    def _compute_granted_access(self):
        # What bexio's scopes let Odoo do, one line each; a scope without words here is
        # listed by its key rather than hidden.
        words = {
            "offline_access": self.env._(
                "Stay signed in (refresh without a new sign-in)"
            ),
            "company_profile": self.env._("Read the company profile"),
            "contact_edit": self.env._("Contacts: read and write"),
            "contact_show": self.env._("Contacts: read"),
            "payroll_employee_edit": self.env._("Payroll employees: read and write"),
            "payroll_employee_show": self.env._("Payroll employees: read"),
            "payroll_absence_edit": self.env._("Payroll absences: read and write"),
            "project_show": self.env._("Projects: read"),
            "monitoring_edit": self.env._("Timesheets: read and write"),
            "kb_invoice_edit": self.env._("Invoices: read and write"),
            "accounting": self.env._("Accounts, taxes and currencies: read"),
            "bank_account_show": self.env._("Bank accounts: read"),
        }
        identity = {"openid", "profile", "email"}
        for connection in self:
            scopes = (connection.granted_scopes or "").split()
            lines = (
                [self.env._("Sign-in: your name and e-mail")]
                if identity & set(scopes)
                else []
            )
            lines += [words.get(s, s) for s in scopes if s not in identity]
            connection.granted_access = "\n".join(lines) or False

    def _has_scope(self, scope):
        return scope_grants((self.granted_scopes or "").split(), scope)

    # ---------------------------------------------------------------- probes
    def _check_payroll(self):
        """bexio answers 403 on payroll routes when the subscription lacks the module."""
        for connection in self:
            connection_probe.check_payroll(connection)

    @api.model
    def _cron_check_payroll(self):
        for connection in self.sudo().search([("state", "=", "connected")]):
            try:
                connection._check_payroll()
            except UserError as exc:
                _logger.info(
                    "bexio: payroll probe skipped for %s: %s", connection.id, exc
                )

    def _probe_areas(self):
        """Run every area's probe quickly; returns connection_probe.ProbeResult objects."""
        self.ensure_one()
        return connection_probe.probe_areas(self)

    def action_test_connection(self):
        self.ensure_one()
        self._check_manager()
        return self.env["bexio.connection.check"]._run_for(self)

    # ------------------------------------------------------- company master data
    def _sync_company_master_data(self):
        """Fill the Odoo company's empty fields from bexio; list what differs."""
        self.ensure_one()
        company_master_data.sync(self)

    # ------------------------------------------------------------ disconnect
    def action_disconnect(self):
        """Revoke at bexio and forget the tokens; keep every link and all Odoo data."""
        self._check_manager()
        for connection in self:
            record = connection._token_record()
            token = record.refresh_token or record.access_token
            revoked = connection._revoke_at_bexio(token) if token else ""
            record.unlink()
            connection.sudo().write(
                {
                    "state": "disconnected",
                    "state_message": connection._disconnect_text(),
                }
            )
            connection.message_post(
                body=self.env._(
                    "Disconnected from bexio by %(user)s. %(revoked)s %(what)s",
                    user=self.env.user.name,
                    revoked=revoked,
                    what=connection._disconnect_text(),
                )
            )
        return True

    def _revoke_at_bexio(self, token):
        """Revoke ``token`` at bexio; returns what happened, for the chatter."""
        if self.bexio_copy_guard:
            # The copy holds production's tokens: revoking them would disconnect production.
            return self.env._(
                "This database is a copy: its tokens were forgotten here, not revoked at "
                "bexio, so the production database stays connected."
            )
        try:
            self._oauth_client().revoke(token)
        except errors.BexioError as exc:
            _logger.info("bexio: revoke failed for %s: %s", self.id, exc)
            return self.env._(
                "bexio could not be reached to revoke Odoo's access (%(error)s); Odoo "
                "forgot its tokens, and an administrator can remove the app in bexio.",
                error=str(exc),
            )
        return self.env._("bexio revoked Odoo's access (its tokens).")

    def _disconnect_text(self):
        return self.env._(
            "The hourly sync and the outbox stopped for this company. Nothing was deleted, "
            "neither in Odoo nor in bexio: Odoo keeps its data and its links to bexio, and "
            "changes made meanwhile wait in the outbox. Reconnecting to the same bexio "
            "company picks up where it stopped."
        )

    def action_forget_bexio_company(self):
        """Allow linking another bexio company (only while disconnected)."""
        self._check_may_connect()
        for connection in self:
            if connection.state not in ("draft", "disconnected"):
                raise UserError(
                    self.env._("Disconnect first, then forget the bexio company.")
                )
            connection.message_post(
                body=self.env._(
                    "The link to bexio company %s was removed by %s.",
                    connection.bexio_company_name or connection.bexio_company_ref,
                    self.env.user.name,
                )
            )
            connection.sudo().write(
                {
                    "bexio_company_ref": False,
                    "bexio_company_name": False,
                    "state": "draft",
                }
            )
        return True

    # ------------------------------------------------------------- navigation
    def action_open_outbox(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "bexio_connector.bexio_outbox_action"
        )
        action["domain"] = [("connection_id", "=", self.id)]
        action["context"] = {"search_default_filter_open": 1}
        return action

    def action_sync_now(self):
        """Run the imports of every installed sync addon in the background now."""
        self._check_manager()
        for connection in self:
            if connection.state != "connected":
                raise BexioNotConnected(connection._not_connected_message())
            # As the hourly sync: the import writes what the administrator may not.
            connection.sudo()._enqueue_sync()
        return self._bexio_notify(
            self.env._("The sync runs in the background; see Sync runs.")
        )

    def action_full_sync(self):
        """ "Full re-read": everything from bexio again, in the background."""
        self._check_manager()
        for connection in self:
            if connection.state != "connected":
                raise BexioNotConnected(connection._not_connected_message())
            connection.sudo()._enqueue_sync(full=True)
        return self._bexio_notify(
            self.env._("The full re-read runs in the background; see Sync runs.")
        )

    @api.model
    def _bexio_notify(self, message, kind="info"):
        """A client action that shows ``message`` as a notification."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"type": kind, "message": message},
        }
