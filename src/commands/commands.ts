import { getAddinRuntime } from "../platform/runtime";
import { REFRESH_ACTION_ID, refreshBinckData } from "./refresh-command";

/**
 * The ribbon commands (manifest.xml, ExecuteFunction), run in the shared runtime. Excel waits for
 * event.completed() before it runs the next command.
 */
Office.onReady(() => undefined);
Office.actions.associate(REFRESH_ACTION_ID, (event: Office.AddinCommands.Event) => {
  void refreshBinckData(getAddinRuntime()).finally(() => event.completed());
});
