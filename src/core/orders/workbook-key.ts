import type { SettingsStore } from "../session/account-choice";

/** The workbook setting that holds the id of a workbook without an address (never saved, or Excel gives none). */
export const WORKBOOK_ID_SETTING = "binck.workbookId";

/**
 * What names a workbook's order journal in the runtime's storage: its address (Office.context.document.url) when
 * it has one; else an id made once and kept in the workbook's own settings, so that it travels with the file and
 * survives a rename; else (no settings, outside Office) "default".
 */
export function workbookJournalKey(documentUrl: string | undefined, settings: SettingsStore | undefined, random: () => string = randomId): string {
  if (documentUrl) return `url:${documentUrl}`;
  if (!settings) return "default";
  const stored = settings.get(WORKBOOK_ID_SETTING);
  if (typeof stored === "string" && stored !== "") return `id:${stored}`;
  const id = random();
  settings.set(WORKBOOK_ID_SETTING, id);
  settings.save();
  return `id:${id}`;
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
