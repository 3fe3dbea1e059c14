import type { KeyValueStorage } from "../core";
import type { WorkbookSettings } from "../platform/host-bridge";

/** OfficeRuntime.storage emulated on localStorage (shared by every "workbook" of this origin, as in Office). */
export function runtimeStorage(prefix = "binckHost.storage."): KeyValueStorage {
  return {
    async getItem(key) {
      return localStorage.getItem(prefix + key);
    },
    async setItem(key, value) {
      localStorage.setItem(prefix + key, value);
    },
    async removeItem(key) {
      localStorage.removeItem(prefix + key);
    },
  };
}

/** Office.context.document.settings of one emulated workbook, saved to localStorage on saveAsync. */
export function workbookSettings(workbook: string): WorkbookSettings {
  const key = `binckHost.settings.${workbook}`;
  const values: Record<string, unknown> = JSON.parse(localStorage.getItem(key) ?? "{}");
  return {
    get: (name) => values[name],
    set: (name, value) => {
      values[name] = value;
    },
    saveAsync: (callback) => {
      localStorage.setItem(key, JSON.stringify(values));
      callback?.({ status: "succeeded", value: undefined } as unknown as Office.AsyncResult<void>);
    },
  };
}
