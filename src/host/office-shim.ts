import { bridgeOf, type BrowserHostBridge } from "../platform/host-bridge";

/**
 * Runs first in the browser host's taskpane frame, in place of office.js: defines the parts of Office the add-in
 * uses (Office.onReady, context.ui.displayDialogAsync, context.document.settings, OfficeRuntime.storage,
 * CustomFunctions.associate), backed by the host page's bridge. The add-in's own bundles then run unchanged.
 */
const bridge = bridgeOf(window.parent);
if (!bridge) throw new Error("office-shim.js must run in the browser host's taskpane frame (host.html).");
installOffice(bridge);

function installOffice(host: BrowserHostBridge): void {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const associations = new Map<string, unknown>();
  const office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      displayLanguage: navigator.language,
      ui: { displayDialogAsync: host.displayDialogAsync.bind(host) },
      document: { settings: host.settings },
    },
    actions: { associate: (id: string, action: unknown) => associations.set(`action:${id}`, action) },
  };
  const globals = window as unknown as Record<string, unknown>;
  globals.Office = office;
  globals.OfficeRuntime = { storage: host.storage };
  globals.CustomFunctions = {
    associate: (id: string, fn: unknown) => associations.set(id, fn),
    Error: class extends Error {},
    ErrorCode: {},
  };
  host.registerRuntime?.(associations);
}
