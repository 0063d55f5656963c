# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from ..services import oauth_state

_logger = logging.getLogger(__name__)


class BexioOAuthController(http.Controller):
    """ "Sign in with bexio": send the administrator to bexio, and take the answer back."""

    @http.route(
        "/bexio/oauth/authorize/<int:connection_id>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def authorize(self, connection_id):
        if not request.env.user.has_group("base.group_system"):
            raise Forbidden()
        connection = request.env["bexio.connection"].browse(connection_id).exists()
        if not connection:
            raise Forbidden()
        try:
            url = connection._start_authorization()
        except UserError as exc:
            return self._result(connection, str(exc))
        return request.redirect(url, local=False)

    @http.route("/bexio/oauth/callback", type="http", auth="user", methods=["GET"])
    def callback(
        self, state=None, code=None, error=None, error_description=None, **kwargs
    ):
        if not request.env.user.has_group("base.group_system"):
            _logger.warning("bexio: a non-administrator reached the OAuth callback")
            raise Forbidden()
        connections = request.env["bexio.connection"]
        if error:
            if error == "access_denied":
                message = request.env._(
                    "You declined access in bexio, so Odoo is not connected. Nothing was "
                    'changed. Connect again and click "Allow" to link the companies.'
                )
            else:
                message = request.env._(
                    "bexio refused the sign-in: %(error)s. Start again with "
                    '"Connect to bexio".',
                    error=error_description or error,
                )
            return self._result(self._connection_of_state(state), message)
        if not code:
            return self._result(
                connections, request.env._("bexio sent no sign-in code. Start again.")
            )
        try:
            connection = connections._finish_authorization(state, code)
        except UserError as exc:
            return self._result(self._connection_of_state(state), str(exc))
        return request.redirect(
            f"/odoo/action-bexio_connector.bexio_connection_action/{connection.id}"
        )

    def _connection_of_state(self, state):
        parsed = oauth_state.verify(request.env, state or "")
        return (
            request.env["bexio.connection"].browse(parsed[0]).exists()
            if parsed
            else request.env["bexio.connection"]
        )

    def _result(self, connection, message):
        return request.render(
            "bexio_connector.oauth_result",
            {"connection": connection, "message": message},
            status=400,
        )
