import { getAddinRuntime, type AddinRuntime } from "../platform/runtime";
import { cancelSelectedOrders, createOrdersTableCommand, orderFromSelection, placeOrdersFromTable, type OrderCommandServices } from "./order-commands";
import { REFRESH_ACTION_ID, refreshBinckData } from "./refresh-command";

/**
 * The ribbon commands (manifest.xml, ExecuteFunction), run in the shared runtime. Excel waits for
 * event.completed() before it runs the next command, so the order commands complete once the taskpane has the run;
 * the run goes on in the runtime.
 */
Office.onReady(() => undefined);
Office.actions.associate(REFRESH_ACTION_ID, (event: Office.AddinCommands.Event) => {
  void refreshBinckData(getAddinRuntime()).finally(() => event.completed());
});

function orderServices(runtime: AddinRuntime): OrderCommandServices {
  return {
    excel: (batch) => Excel.run(batch),
    desk: () => runtime.orders(),
    orderEvents: () => runtime.streaming().then((services) => services.feed),
    budget: runtime.budget,
    signedIn: () => runtime.session.current().status === "signedIn",
    account: () => runtime.account.current(),
    orderRequests: runtime.orderRequests,
    orderBatch: runtime.orderBatch,
    notice: runtime.refreshNotice,
    showTaskpane: async () => {
      // Office.addin (SharedRuntime 1.1) is missing on hosts without a shared runtime; the taskpane is then opened by hand.
      await Office.addin?.showAsTaskpane?.();
    },
    logger: runtime.logger,
  };
}

const ORDER_COMMANDS: Record<string, (services: OrderCommandServices) => Promise<string>> = {
  createOrdersTable: createOrdersTableCommand,
  placeOrdersFromTable,
  orderFromSelection,
  cancelSelectedOrders,
};
for (const [id, command] of Object.entries(ORDER_COMMANDS)) {
  Office.actions.associate(id, (event: Office.AddinCommands.Event) => {
    void command(orderServices(getAddinRuntime())).finally(() => event.completed());
  });
}
