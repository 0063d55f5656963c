import {registry} from "@web/core/registry";

/**
 * A send to bexio runs in the background: when its job is done, the user who asked is told
 * (notification type "bexio_record_sent") and the record's form, if it is on screen, is
 * reloaded, so that bexio's answer shows without a manual reload.
 */
export const bexioRecordSentService = {
    dependencies: ["bus_service", "notification", "action"],
    start(env, {bus_service, notification, action}) {
        bus_service.subscribe("bexio_record_sent", ({model, id, message, type}) => {
            notification.add(message, {type});
            const controller = action.currentController;
            if (
                controller?.view?.type === "form" &&
                controller.props?.resModel === model &&
                controller.getLocalState?.()?.resId === id
            ) {
                action.doAction("soft_reload");
            }
        });
        bus_service.start();
    },
};

registry.category("services").add("bexio_record_sent", bexioRecordSentService);
