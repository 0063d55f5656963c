/** @odoo-module **/
// Copyright 2026 bexio-odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {Component, onWillStart, useState} from "@odoo/owl";
import {Dropdown} from "@web/core/dropdown/dropdown";
import {deserializeDateTime, formatDateTime} from "@web/core/l10n/dates";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";

/**
 * The current company's bexio connection at a glance. One request when the web client
 * loads (bexio.connection.bexio_systray_status) and none after, until the user acts:
 * no polling. Users without a bexio group get an empty answer and see nothing.
 */
export class BexioSystray extends Component {
    static components = {Dropdown};
    static props = {};
    static template = "bexio_connector.BexioSystray";

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({status: {}, syncing: false});
        onWillStart(async () => {
            // The web client must not wait for bexio's state, nor fail with it.
            this.load().catch(() => {});
        });
    }

    async load() {
        this.state.status = await this.orm.call(
            "bexio.connection",
            "bexio_systray_status",
            []
        );
    }

    get lastSync() {
        const last = this.state.status.last_sync;
        return last ? formatDateTime(deserializeDateTime(last)) : "";
    }

    get iconClass() {
        return {
            live: "text-success",
            attention: "text-warning",
            not_connected: "text-muted",
        }[this.state.status.state];
    }

    async syncNow() {
        this.state.syncing = true;
        try {
            const result = await this.orm.call(
                "bexio.connection",
                "action_sync_now",
                [[this.state.status.connection_id]]
            );
            await this.action.doAction(result);
        } finally {
            this.state.syncing = false;
        }
    }

    openConnection() {
        const id = this.state.status.connection_id;
        if (id) {
            this.action.doAction({
                type: "ir.actions.act_window",
                name: _t("bexio connection"),
                res_model: "bexio.connection",
                res_id: id,
                views: [[false, "form"]],
            });
        } else {
            this.action.doAction("bexio_connector.bexio_connection_action");
        }
    }

    openFailures() {
        this.action.doAction({
            type: "ir.actions.act_window",
            name: _t("Failed bexio outbox items"),
            res_model: "bexio.outbox",
            views: [
                [false, "list"],
                [false, "form"],
            ],
            domain: [
                ["connection_id", "=", this.state.status.connection_id],
                ["state", "=", "failed"],
            ],
        });
    }
}

registry
    .category("systray")
    .add("bexio_connector.BexioSystray", {Component: BexioSystray}, {sequence: 30});
