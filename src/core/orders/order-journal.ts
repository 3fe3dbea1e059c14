import { silentLogger, type Logger } from "../log";
import type { KeyValueStorage } from "../session/storage";
import type { JournalEntry, OrderJournal } from "./contract";

/** The newest entries kept; older ones fall off (the storage of a workbook stays small). */
export const JOURNAL_MAX_ENTRIES = 500;
const MESSAGE_MAX_LENGTH = 300;
const RESULTS: ReadonlySet<JournalEntry["result"]> = new Set(["placing", "placed", "refused", "unknown", "cancelled", "modified"]);

export function journalStorageKey(workbookKey: string): string {
  return `binck.orderJournal.${workbookKey}`;
}

/**
 * The order journal of one workbook, kept in the runtime's KeyValueStorage (OfficeRuntime.storage) under a key
 * naming the workbook. Only the fields of JournalEntry are stored, each copied by name, so nothing else (a token)
 * can slip in. Writes are chained: `record` resolves once its entry is stored.
 */
export class StoredJournal implements OrderJournal {
  private list: JournalEntry[] = [];
  private readonly listeners = new Set<(entries: readonly JournalEntry[]) => void>();
  private writes: Promise<void>;
  readonly ready: Promise<void>;

  constructor(private readonly storage: KeyValueStorage, private readonly key: string, private readonly logger: Logger = silentLogger,
    private readonly maxEntries = JOURNAL_MAX_ENTRIES) {
    this.ready = this.load();
    this.writes = this.ready;
  }

  entries(): readonly JournalEntry[] {
    return this.list;
  }

  onChange(listener: (entries: readonly JournalEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The newest entry of a placement. */
  find(referenceId: string): JournalEntry | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i].referenceId === referenceId && isPlacement(this.list[i])) return this.list[i];
    return undefined;
  }

  /** Adds an entry and stores the journal; resolves once it is stored. */
  record(entry: JournalEntry): Promise<void> {
    return this.change(() => {
      this.list = [...this.list, clean(entry)].slice(-this.maxEntries);
    });
  }

  /** Changes the placement entry of `referenceId` (its result, number, message). */
  settle(referenceId: string, change: Pick<JournalEntry, "result"> & Partial<Pick<JournalEntry, "orderNumber" | "message" | "time">>): Promise<void> {
    return this.change(() => {
      const entry = this.find(referenceId);
      if (!entry) return;
      this.list = this.list.map((candidate) => (candidate === entry ? clean({ ...entry, ...change }) : candidate));
    });
  }

  private change(apply: () => void): Promise<void> {
    const write = this.writes.then(async () => {
      apply();
      this.announce();
      await this.storage.setItem(this.key, JSON.stringify(this.list));
    });
    this.writes = write.catch((error: unknown) => this.logger.log("warn", `The order journal could not be stored: ${String(error)}`));
    return write;
  }

  private async load(): Promise<void> {
    try {
      const stored = await this.storage.getItem(this.key);
      if (stored === null) return;
      const parsed: unknown = JSON.parse(stored);
      this.list = Array.isArray(parsed) ? parsed.filter(isEntry).map(clean).slice(-this.maxEntries) : [];
      this.announce();
    } catch (error) {
      this.logger.log("warn", `The stored order journal could not be read and starts empty: ${String(error)}`);
    }
  }

  private announce(): void {
    for (const listener of [...this.listeners]) listener(this.list);
  }
}

function isPlacement(entry: JournalEntry): boolean {
  return entry.result !== "cancelled" && entry.result !== "modified";
}

function isEntry(value: unknown): value is JournalEntry {
  if (!value || typeof value !== "object") return false;
  const entry = value as Partial<JournalEntry>;
  return typeof entry.time === "number" && typeof entry.accountNumber === "string" && typeof entry.referenceId === "string"
    && typeof entry.quantity === "number" && typeof entry.result === "string" && RESULTS.has(entry.result);
}

/** The entry's own fields only, by name. */
function clean(entry: JournalEntry): JournalEntry {
  return {
    time: entry.time, accountNumber: entry.accountNumber, instrumentName: String(entry.instrumentName ?? ""), instrumentId: String(entry.instrumentId ?? ""),
    side: entry.side, quantity: entry.quantity, type: entry.type, referenceId: entry.referenceId, result: entry.result,
    ...(entry.limitPrice !== undefined ? { limitPrice: entry.limitPrice } : {}),
    ...(entry.orderNumber !== undefined ? { orderNumber: entry.orderNumber } : {}),
    ...(entry.message !== undefined ? { message: entry.message.slice(0, MESSAGE_MAX_LENGTH) } : {}),
  };
}
