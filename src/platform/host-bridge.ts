import type { KeyValueStorage } from "../core";

/**
 * The parts of Office the add-in uses, as the preview host page (src/host) provides them outside Excel. The
 * office loader (src/host/office-loader.ts) turns them into the Office globals in the taskpane frame and in the
 * dialog pop-up; inside Excel the lookup fails (cross-origin or no such window) and office.js is loaded instead.
 */
export interface BrowserHostBridge {
  displayDialogAsync(
    url: string,
    options: Office.DialogOptions,
    callback: (result: Office.AsyncResult<Office.Dialog>) => void,
  ): void;
  /** What Office.context.ui.messageParent reaches from the dialog pop-up. */
  messageParent(message: string, options?: { targetOrigin?: string }): void;
  storage: KeyValueStorage;
  /** Per-workbook settings (Office.context.document.settings). */
  settings: WorkbookSettings;
  /** CustomFunctions.Error and CustomFunctions.ErrorCode, made by the host so it recognises what functions report. */
  customFunctionTypes: { Error: new (code: string, message?: string) => Error; ErrorCode: Readonly<Record<string, string>> };
  /** The `Excel` namespace of the preview's sheet (Excel.run and the part of the Excel JavaScript API the commands use). */
  excel: unknown;
  /** Office.addin.showAsTaskpane: the preview always shows its taskpane; it notes the call. */
  showTaskpane(): Promise<void>;
  /** Receives the runtime's associations when the stand-in is installed, and again after each associate call. */
  registerRuntime(runtime: RuntimeAssociations): void;
}

export type AssociatedFunction = (...args: unknown[]) => unknown;

/** CustomFunctions.associate and Office.actions.associate as the runtime called them (ids in capitals). */
export interface RuntimeAssociations {
  functions: ReadonlyMap<string, AssociatedFunction>;
  actions: ReadonlyMap<string, AssociatedFunction>;
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
