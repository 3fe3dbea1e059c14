import type { KeyValueStorage } from "../core/session/storage";

/**
 * The parts of Office the add-in uses, as the browser host page (src/host) provides them outside Excel. In the
 * taskpane frame src/host/office-shim.ts turns them into the Office globals; the dialog page finds them on its
 * opener. Inside Excel the lookup fails (cross-origin) and the real Office APIs are used.
 */
export interface BrowserHostBridge {
  displayDialogAsync(
    url: string,
    options: Office.DialogOptions,
    callback: (result: Office.AsyncResult<Office.Dialog>) => void,
  ): void;
  /** Called by the dialog page in the pop-up. */
  messageParent(message: string, options?: { targetOrigin?: string }): void;
  storage: KeyValueStorage;
  /** Per-workbook settings (Office.context.document.settings). */
  settings: WorkbookSettings;
  /** Receives the runtime's custom-function and action associations (the functions host grows from here). */
  registerRuntime?(associations: Map<string, unknown>): void;
}

export interface WorkbookSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

export const BRIDGE_PROPERTY = "binckBrowserHost";

/** The host bridge of a same-origin window, or undefined (cross-origin windows throw on access). */
export function bridgeOf(candidate: Window | null | undefined): BrowserHostBridge | undefined {
  if (!candidate) return undefined;
  try {
    return (candidate as unknown as Record<string, BrowserHostBridge | undefined>)[BRIDGE_PROPERTY];
  } catch {
    return undefined;
  }
}
