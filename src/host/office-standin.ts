import type { AssociatedFunction, BrowserHostBridge } from "../platform/host-bridge";

/**
 * Office as office.js presents it to an add-in page, backed by the preview host: Office.onReady calls back
 * asynchronously once the page has loaded, and Office.context exists only from then on (as with office.js, which
 * must first hear from Excel). The taskpane gets what the add-in uses; the dialog gets only messageParent.
 */
type Info = { host: string; platform: string };
const INFO: Info = { host: "Excel", platform: "OfficeOnline" };

function officeCore(context: Record<string, unknown>, target: Window) {
  const office: Record<string, unknown> = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  };
  const ready = new Promise<Info>((resolve) => {
    const start = () =>
      target.setTimeout(() => {
        office.context = context;
        resolve(INFO);
      }, 0);
    if (target.document.readyState === "loading") target.document.addEventListener("DOMContentLoaded", start, { once: true });
    else start();
  });
  office.onReady = (callback?: (info: Info) => void) =>
    ready.then((info) => {
      callback?.(info);
      return info;
    });
  return office;
}

/** Ids are case-insensitive; associate(id, fn) and associate({ id: fn, … }) both register. */
function associator(into: Map<string, AssociatedFunction>, what: string, changed: () => void) {
  return (idOrMap: string | Record<string, AssociatedFunction>, fn?: AssociatedFunction) => {
    const pairs = typeof idOrMap === "string" ? [[idOrMap, fn] as const] : Object.entries(idOrMap ?? {});
    for (const [id, candidate] of pairs) {
      if (typeof candidate !== "function") throw new TypeError(`${what}.associate("${id}"): the second argument must be a function.`);
      into.set(id.toUpperCase(), candidate);
    }
    changed();
  };
}

export function installTaskpaneOffice(host: BrowserHostBridge, target: Window): void {
  const functions = new Map<string, AssociatedFunction>();
  const actions = new Map<string, AssociatedFunction>();
  const runtime = { functions, actions };
  const announce = () => host.registerRuntime(runtime);
  const office = officeCore({
    host: "Excel",
    platform: "OfficeOnline",
    displayLanguage: target.navigator.language,
    ui: { displayDialogAsync: host.displayDialogAsync.bind(host) },
    document: { settings: host.settings },
    requirements: { isSetSupported: () => true },
  }, target);
  office.actions = { associate: associator(actions, "Office.actions", announce) };
  office.addin = { showAsTaskpane: () => host.showTaskpane() };
  const globals = target as unknown as Record<string, unknown>;
  globals.Excel = host.excel;
  globals.Office = office;
  globals.OfficeRuntime = { storage: host.storage };
  globals.CustomFunctions = { ...host.customFunctionTypes, associate: associator(functions, "CustomFunctions", announce) };
  announce();
}

export function installDialogOffice(host: BrowserHostBridge, target: Window): void {
  (target as unknown as Record<string, unknown>).Office = officeCore({
    ui: { messageParent: (message: string, options?: { targetOrigin?: string }) => host.messageParent(message, options) },
    requirements: { isSetSupported: () => true },
  }, target);
}
