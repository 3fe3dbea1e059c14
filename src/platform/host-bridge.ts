import type { KeyValueStorage } from "../core/session/storage";

/**
 * The parts of Office the add-in uses, as the browser host page (src/host) provides them when the add-in runs
 * outside Excel. The add-in looks for it on a same-origin parent (taskpane) or opener (dialog); inside Excel that
 * lookup fails (cross-origin) and the real Office APIs are used.
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

/** The bridge seen from the taskpane: the parent frame's. */
export function findBrowserHost(): BrowserHostBridge | undefined {
  return window.parent !== window ? bridgeOf(window.parent) : undefined;
}
