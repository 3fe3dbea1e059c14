import { BRIDGE_PROPERTY, type BrowserHostBridge } from "../platform/host-bridge";
import { DialogEmulation } from "./dialog-emulation";
import { runtimeStorage, workbookSettings } from "./local-storage-emulation";

/**
 * The browser host: loads the built taskpane in a frame the way Excel does and provides the parts of Office the
 * add-in uses (dialog API with a real pop-up and messageParent, OfficeRuntime.storage, workbook settings).
 * `?workbook=Name` picks the emulated workbook.
 */
const log = document.getElementById("host-log")!;
const write = (line: string) => {
  log.textContent += `${new Date().toLocaleTimeString()} ${line}\n`;
};
const workbook = new URLSearchParams(location.search).get("workbook") ?? "Book1";
const dialogs = new DialogEmulation(location.origin, write);

const bridge: BrowserHostBridge = {
  displayDialogAsync: (url, options, callback) => dialogs.displayDialogAsync(url, options, callback as never),
  messageParent: (message, options) => dialogs.messageParent(message, options),
  storage: runtimeStorage(),
  settings: workbookSettings(workbook),
};
(window as unknown as Record<string, unknown>)[BRIDGE_PROPERTY] = bridge;

document.getElementById("workbook-name")!.textContent = workbook;
const frame = document.getElementById("taskpane") as HTMLIFrameElement;
frame.src = "host-taskpane.html";
write(`host ready for workbook ${workbook}`);
