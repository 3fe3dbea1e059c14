import type { Clock, TimerHandle } from "../clock";
import { silentLogger, type Logger } from "../log";
import type { KeyValueStorage } from "../session/storage";
import type { RequestBudget } from "./request-budget";

/**
 * OfficeRuntime.storage is shared by the add-in's runtimes, as the person's session is: a workbook closed and
 * reopened within a minute resumes the same session (the broker's refresh), and Binck still counts what the first
 * runtime sent (API.md 4.3: above 50 a minute it ends the session, `sessionMaxActivityExceeded`).
 */
export const REQUEST_WINDOW_STORAGE_KEY = "binck.requestWindow";
const VERSION = 1;

/** While requests run, the window is saved at most once per `saveIntervalMs` (and when the page goes away: flush). */
export interface RequestWindowStorePolicy {
  saveIntervalMs: number;
}

export const DEFAULT_REQUEST_WINDOW_STORE_POLICY: RequestWindowStorePolicy = { saveIntervalMs: 1_000 };

export interface RequestWindowStore {
  /** Saves the window now (before the runtime goes away). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the request budget's window in the runtime's KeyValueStorage: each counted request's end time (epoch ms, one
 * in flight as the time of saving), restored at start — the budget's requests wait for it — and saved while
 * requests run. A malformed or foreign value is ignored (with a warning); the budget drops ends older than a window.
 */
export function persistRequestWindow(
  budget: RequestBudget, storage: KeyValueStorage, clock: Clock,
  logger: Logger = silentLogger, policy: RequestWindowStorePolicy = DEFAULT_REQUEST_WINDOW_STORE_POLICY,
): RequestWindowStore {
  let restored = false;
  budget.restoreWindowFrom(storage.getItem(REQUEST_WINDOW_STORAGE_KEY).then((text) => parseSavedWindow(text, logger), (error: unknown) => {
    logger.log("warn", `The requests of the last minute could not be read from storage: ${String(error)}`);
    return [];
  }).finally(() => {
    restored = true;
  }));
  let timer: TimerHandle | undefined;
  let lastSaved: string | undefined;
  let lastSavedAtMs = -Infinity;
  const save = async () => {
    if (timer) clock.clearTimeout(timer);
    timer = undefined;
    // Before the restore, storage still holds the earlier runtime's window, and this one has sent nothing.
    if (!restored) return;
    const text = JSON.stringify({ version: VERSION, endsAtMs: budget.windowEnds() });
    if (text === lastSaved) return;
    lastSaved = text;
    lastSavedAtMs = clock.now();
    try {
      await storage.setItem(REQUEST_WINDOW_STORAGE_KEY, text);
    } catch (error) {
      lastSaved = undefined;
      logger.log("warn", `The requests of the last minute could not be saved: ${String(error)}`);
    }
  };
  // The first change after a quiet second is saved at once (the changes of the same moment together), later ones a
  // second after the last save: another runtime started meanwhile reads a window at most that old.
  const stopListening = budget.onChange(() => {
    timer ??= clock.setTimeout(() => void save(), Math.max(0, lastSavedAtMs + policy.saveIntervalMs - clock.now()));
  });
  return {
    flush: save,
    stop: () => {
      stopListening();
      if (timer) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** The saved end times, or none (with a warning naming what is wrong) when the value is not this version's. */
function parseSavedWindow(text: string | null, logger: Logger): number[] {
  if (text === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const saved = parsed as { version?: unknown; endsAtMs?: unknown } | null | undefined;
  if (typeof saved === "object" && saved !== null && saved.version === VERSION && Array.isArray(saved.endsAtMs) && saved.endsAtMs.every(Number.isFinite)) {
    return saved.endsAtMs as number[];
  }
  logger.log("warn", `The saved requests of the last minute (${REQUEST_WINDOW_STORAGE_KEY}) are ignored: ` +
    `expected {"version":${VERSION},"endsAtMs":[epoch ms, ...]}, not ${text.slice(0, 200)}.`);
  return [];
}
