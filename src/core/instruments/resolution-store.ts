import type { Clock, TimerHandle } from "../clock";
import { silentLogger, type Logger } from "../log";
import type { KeyValueStorage } from "../session/storage";
import type { InstrumentResolver, ResolverSnapshot } from "./instrument-resolver";

/** OfficeRuntime.storage is shared by every workbook of the add-in, as instrument ids are. */
export const RESOLUTIONS_STORAGE_KEY = "binck.instrumentResolutions";

/** After a new answer, the snapshot is saved once this much later (the answers of a burst are saved together). */
export interface ResolutionStorePolicy {
  saveDelayMs: number;
}

export const DEFAULT_RESOLUTION_STORE_POLICY: ResolutionStorePolicy = { saveDelayMs: 2_000 };

export interface ResolutionStore {
  /** Saves now what is pending (tests, and before the runtime goes away). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the resolver's answers in the runtime's KeyValueStorage until the next local midnight, so that a workbook
 * reopened the same day resolves its instruments without a request: restored at start (look-ups wait for it), saved
 * after new answers. A snapshot of an earlier day is ignored (DayCache.restore), a malformed one too.
 */
export function persistResolutions(
  resolver: InstrumentResolver, storage: KeyValueStorage, clock: Clock,
  logger: Logger = silentLogger, policy: ResolutionStorePolicy = DEFAULT_RESOLUTION_STORE_POLICY,
): ResolutionStore {
  resolver.restoreFrom(storage.getItem(RESOLUTIONS_STORAGE_KEY).then(parseSnapshot).catch((error: unknown) => {
    logger.log("warn", `Saved instrument look-ups could not be read: ${String(error)}`);
    return undefined;
  }));
  let timer: TimerHandle | undefined;
  const save = async () => {
    if (timer) clock.clearTimeout(timer);
    timer = undefined;
    try {
      await storage.setItem(RESOLUTIONS_STORAGE_KEY, JSON.stringify(resolver.snapshot()));
    } catch (error) {
      logger.log("warn", `Instrument look-ups could not be saved: ${String(error)}`);
    }
  };
  const stopListening = resolver.onResolved(() => {
    timer ??= clock.setTimeout(() => void save(), policy.saveDelayMs);
  });
  return {
    flush: () => (timer ? save() : Promise.resolve()),
    stop: () => {
      stopListening();
      if (timer) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** The stored snapshot, keeping only entries of a known shape (storage is shared with other versions of the add-in). */
function parseSnapshot(text: string | null): ResolverSnapshot | undefined {
  if (text === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const snapshot = parsed as Partial<ResolverSnapshot> | null;
  if (!snapshot || typeof snapshot.expiresAtMs !== "number" || !Array.isArray(snapshot.entries)) return undefined;
  return { expiresAtMs: snapshot.expiresAtMs, entries: snapshot.entries.filter(isEntry) };
}

function isEntry(entry: unknown): entry is ResolverSnapshot["entries"][number] {
  if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== "string") return false;
  const value = entry[1] as { kind?: unknown; instrument?: { id?: unknown }; endUserMessage?: unknown } | null;
  if (value?.kind === "found") return typeof value.instrument?.id === "string";
  return (value?.kind === "unknown" || value?.kind === "ambiguous") && typeof value.endUserMessage === "string";
}
