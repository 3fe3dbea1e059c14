import type { JournalEntry } from "../../../src/core/orders/contract";
import { isReferenceId, newReferenceId, REFERENCE_ID_MAX_LENGTH } from "../../../src/core/orders/reference-id";
import { journalStorageKey, StoredJournal } from "../../../src/core/orders/order-journal";
import { workbookJournalKey, WORKBOOK_ID_SETTING } from "../../../src/core/orders/workbook-key";
import { MemoryStorage } from "../../../src/core/session/storage";

function entry(referenceId: string, change: Partial<JournalEntry> = {}): JournalEntry {
  return { time: 1, accountNumber: "111", instrumentName: "ING Groep", instrumentId: "iNg01", side: "buy", quantity: 10, type: "limit", limitPrice: 12.34, referenceId, result: "placing", ...change };
}

describe("The order journal of a workbook", () => {
  it("is stored under the workbook's key, read back by a new runtime, and told to listeners", async () => {
    const storage = new MemoryStorage();
    const journal = new StoredJournal(storage, journalStorageKey("url:https://x/Book1.xlsx"));
    const told: number[] = [];
    journal.onChange((entries) => told.push(entries.length));
    await journal.record(entry("xl-1"));
    await journal.settle("xl-1", { result: "placed", orderNumber: 5 });
    await journal.record(entry("xl-1", { result: "cancelled", orderNumber: 5 }));
    expect(told).toEqual([1, 1, 2]);
    const reopened = new StoredJournal(storage, "binck.orderJournal.url:https://x/Book1.xlsx");
    await reopened.ready;
    expect(reopened.entries()).toEqual([entry("xl-1", { result: "placed", orderNumber: 5 }), entry("xl-1", { result: "cancelled", orderNumber: 5 })]);
    expect(reopened.find("xl-1")).toEqual(entry("xl-1", { result: "placed", orderNumber: 5 }));
    const other = new StoredJournal(storage, journalStorageKey("url:https://x/Book2.xlsx"));
    await other.ready;
    expect(other.entries()).toEqual([]);
  });

  it("keeps only its own fields (nothing else, a token included, is stored), messages cut at 300 characters, and the newest entries", async () => {
    const storage = new MemoryStorage();
    const journal = new StoredJournal(storage, "k", undefined, 3);
    await journal.record({ ...entry("xl-1"), message: "m".repeat(400), accessToken: "secret-token" } as JournalEntry);
    for (const id of ["xl-2", "xl-3", "xl-4"]) await journal.record(entry(id));
    const stored = (await storage.getItem("k"))!;
    expect(stored).not.toContain("secret-token");
    expect((JSON.parse(stored) as JournalEntry[]).map((saved) => saved.referenceId)).toEqual(["xl-2", "xl-3", "xl-4"]);
    const first = new StoredJournal(storage, "k2");
    await first.record({ ...entry("xl-9"), message: "m".repeat(400) });
    expect(first.entries()[0].message).toHaveLength(300);
  });

  it("a stored journal that cannot be read starts empty and says so", async () => {
    const storage = new MemoryStorage();
    await storage.setItem("k", "{not json");
    const logs: string[] = [];
    const journal = new StoredJournal(storage, "k", { log: (_level, message) => logs.push(message) });
    await journal.ready;
    expect(journal.entries()).toEqual([]);
    expect(logs).toEqual([expect.stringContaining("The stored order journal could not be read and starts empty")]);
    await storage.setItem("k", JSON.stringify([entry("xl-1"), { time: "x" }, entry("xl-2", { result: "bogus" as never })]));
    const filtered = new StoredJournal(storage, "k");
    await filtered.ready;
    expect(filtered.entries().map((saved) => saved.referenceId)).toEqual(["xl-1"]);
  });
});

describe("referenceId and the workbook's key", () => {
  it("makes referenceIds of at most 40 safe characters, different each time", () => {
    let byte = 200;
    const ids = [1, 2, 3].map(() => newReferenceId(Date.UTC(2026, 0, 5), (count) => Uint8Array.from({ length: count }, () => byte++ % 256)));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(REFERENCE_ID_MAX_LENGTH);
      expect(isReferenceId(id)).toBe(true);
      expect(id).toMatch(/^xl-[0-9a-z]+-[0-9a-z]{12}$/);
    }
    expect(newReferenceId(Date.now())).not.toBe(newReferenceId(Date.now()));
  });

  it("names a workbook by its address, else by an id kept in its settings (made once), else 'default'", () => {
    const values = new Map<string, unknown>();
    let saves = 0;
    const settings = { get: (name: string) => values.get(name), set: (name: string, value: unknown) => values.set(name, value), save: () => saves++ };
    expect(workbookJournalKey("https://contoso.sharepoint.com/Book1.xlsx", settings)).toBe("url:https://contoso.sharepoint.com/Book1.xlsx");
    expect(workbookJournalKey(undefined, settings, () => "abc123")).toBe("id:abc123");
    expect(workbookJournalKey(undefined, settings, () => "other")).toBe("id:abc123");
    expect([values.get(WORKBOOK_ID_SETTING), saves]).toEqual(["abc123", 1]);
    expect(workbookJournalKey(undefined, undefined)).toBe("default");
    expect(workbookJournalKey(undefined, { get: () => undefined, set: () => undefined, save: () => undefined })).toMatch(/^id:[0-9a-f]{24}$/);
  });
});
