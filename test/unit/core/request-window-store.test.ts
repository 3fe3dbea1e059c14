import { ManualClock } from "../../../src/core/clock";
import type { Logger } from "../../../src/core/log";
import { RequestBudget } from "../../../src/core/rest/request-budget";
import { persistRequestWindow, REQUEST_WINDOW_STORAGE_KEY } from "../../../src/core/rest/window-store";
import { MemoryStorage, type KeyValueStorage } from "../../../src/core/session/storage";
import { holdReads } from "../../fakes/held-storage";

const START_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
const WINDOW_MS = 60_000;
const SAVE_INTERVAL_MS = 1_000;

/** Lets every settled promise run its callbacks. */
const settle = async () => {
  for (let tick = 0; tick < 5; tick++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/** A storage that counts its writes. */
function countingStorage(inner: KeyValueStorage = new MemoryStorage()) {
  const writes: string[] = [];
  const storage: KeyValueStorage = {
    getItem: (key) => inner.getItem(key),
    setItem: async (key, value) => {
      writes.push(value);
      await inner.setItem(key, value);
    },
    removeItem: (key) => inner.removeItem(key),
  };
  return { storage, writes };
}

/** One add-in runtime: a budget of 3 a minute restored from and saved to `storage`; its requests answer when told. */
function openRuntime(clock: ManualClock, storage: KeyValueStorage) {
  const warnings: string[] = [];
  const logger: Logger = { log: (level, message) => void (level === "warn" && warnings.push(message)) };
  const budget = new RequestBudget(clock, { maxRequestsPerWindow: 3, windowMs: WINDOW_MS });
  const store = persistRequestWindow(budget, storage, clock, logger, { saveIntervalMs: SAVE_INTERVAL_MS });
  const started: number[] = [];
  const answers: (() => void)[] = [];
  const send = (count: number) => {
    for (let n = 0; n < count; n++) {
      void budget.run(() => new Promise<void>((resolve) => {
        started.push(clock.now());
        answers.push(resolve);
      }));
    }
  };
  const answerAll = async () => {
    for (const answer of answers.splice(0)) answer();
    await settle();
  };
  return { budget, store, started, send, answerAll, warnings };
}

const saved = async (storage: KeyValueStorage) => JSON.parse((await storage.getItem(REQUEST_WINDOW_STORAGE_KEY))!) as unknown;

describe("persistRequestWindow", () => {
  it("holds a reopened runtime's requests back until the earlier runtime's requests leave the window", async () => {
    const clock = new ManualClock(START_MS);
    const storage = new MemoryStorage();
    const first = openRuntime(clock, storage);
    first.send(3);
    await settle();
    expect(first.started).toEqual([START_MS, START_MS, START_MS]);
    clock.advance(200);
    await first.answerAll();
    clock.advance(SAVE_INTERVAL_MS);
    await settle();
    expect(await saved(storage)).toEqual({ version: 1, endsAtMs: [START_MS + 200, START_MS + 200, START_MS + 200] });

    clock.advance(10_000); // the workbook is closed and reopened
    const reopened = openRuntime(clock, storage);
    reopened.send(2);
    await settle();
    expect(reopened.started).toEqual([]);
    expect(reopened.budget.figures()).toMatchObject({ requestsInWindow: 3, queued: 2, nextStartAtMs: START_MS + 200 + WINDOW_MS });
    clock.advance(START_MS + 200 + WINDOW_MS - 1 - clock.now());
    await settle();
    expect(reopened.started).toEqual([]);
    clock.advance(1);
    await settle();
    expect(reopened.started).toEqual([START_MS + 200 + WINDOW_MS, START_MS + 200 + WINDOW_MS]);
    expect(reopened.warnings).toEqual([]);
  });

  it("makes requests wait for the reading of the saved window", async () => {
    const clock = new ManualClock(START_MS);
    const storage = new MemoryStorage();
    await storage.setItem(REQUEST_WINDOW_STORAGE_KEY, JSON.stringify({ version: 1, endsAtMs: [START_MS - 1_000, START_MS - 1_000] }));
    const { storage: slow, release } = holdReads(storage);
    const runtime = openRuntime(clock, slow);
    runtime.send(2);
    await settle();
    expect(runtime.started).toEqual([]);
    release();
    await settle();
    expect(runtime.started).toEqual([START_MS]); // 2 restored + 1 = the cap of 3
    expect(runtime.budget.figures()).toMatchObject({ requestsInWindow: 3, queued: 1, nextStartAtMs: START_MS - 1_000 + WINDOW_MS });
  });

  it("drops saved requests older than one window and counts a saved time in the future as now", async () => {
    const clock = new ManualClock(START_MS);
    const storage = new MemoryStorage();
    const endsAtMs = [START_MS - WINDOW_MS, START_MS - WINDOW_MS - 5_000, START_MS + 30_000];
    await storage.setItem(REQUEST_WINDOW_STORAGE_KEY, JSON.stringify({ version: 1, endsAtMs }));
    const runtime = openRuntime(clock, storage);
    runtime.send(3);
    await settle();
    expect(runtime.started).toEqual([START_MS, START_MS]);
    expect(runtime.budget.figures()).toMatchObject({ requestsInWindow: 3, nextStartAtMs: START_MS + WINDOW_MS });
  });

  it.each([
    ["not JSON", "{endsAtMs:"],
    ["another version", JSON.stringify({ version: 2, endsAtMs: [START_MS] })],
    ["no list", JSON.stringify({ version: 1, endsAtMs: START_MS })],
    ["a time that is not a number", JSON.stringify({ version: 1, endsAtMs: [START_MS, "09:00"] })],
    ["null", "null"],
  ])("ignores a saved value that is %s, with a warning", async (_, text) => {
    const clock = new ManualClock(START_MS);
    const storage = new MemoryStorage();
    await storage.setItem(REQUEST_WINDOW_STORAGE_KEY, text);
    const runtime = openRuntime(clock, storage);
    runtime.send(3);
    await settle();
    expect(runtime.started).toEqual([START_MS, START_MS, START_MS]);
    expect(runtime.warnings).toEqual([
      `The saved requests of the last minute (binck.requestWindow) are ignored: expected {"version":1,"endsAtMs":[epoch ms, ...]}, not ${text}.`,
    ]);
  });

  it("starts at once, with a warning, when the storage cannot be read", async () => {
    const clock = new ManualClock(START_MS);
    const broken: KeyValueStorage = { getItem: () => Promise.reject(new Error("storage quota")), setItem: async () => undefined, removeItem: async () => undefined };
    const runtime = openRuntime(clock, broken);
    runtime.send(1);
    await settle();
    expect(runtime.started).toEqual([START_MS]);
    expect(runtime.warnings).toEqual(["The requests of the last minute could not be read from storage: Error: storage quota"]);
  });

  it("saves at once after a quiet second, then at most once a second while requests run, and not again when the window is the same", async () => {
    const clock = new ManualClock(START_MS);
    const { storage, writes } = countingStorage();
    const runtime = openRuntime(clock, storage);
    runtime.send(1);
    await settle();
    for (let step = 0; step < 4; step++) {
      clock.advance(300);
      await runtime.answerAll();
      runtime.send(1);
      await settle();
    }
    // Starts at 0, 300, 600, then the cap of 3 holds; answers at 300, 600, 900. Saved at 0 (the first request in
    // flight, as now) and at 1 s.
    expect(writes).toEqual([
      JSON.stringify({ version: 1, endsAtMs: [START_MS] }),
      JSON.stringify({ version: 1, endsAtMs: [START_MS + 300, START_MS + 600, START_MS + 900] }),
    ]);
    clock.advance(200);
    await runtime.store.flush(); // the same window: not written again
    expect(writes).toHaveLength(2);
  });

  it("flush saves the pending window at once, a request in flight ending now", async () => {
    const clock = new ManualClock(START_MS);
    const storage = new MemoryStorage();
    const runtime = openRuntime(clock, storage);
    await settle();
    runtime.send(2);
    await settle();
    clock.advance(100);
    await runtime.answerAll();
    runtime.send(1);
    await settle();
    clock.advance(400);
    // Saved when the first two started; the next save is due at 1 s.
    expect(await saved(storage)).toEqual({ version: 1, endsAtMs: [START_MS, START_MS] });
    await runtime.store.flush();
    expect(await saved(storage)).toEqual({ version: 1, endsAtMs: [START_MS + 100, START_MS + 100, START_MS + 500] });
  });

  it("does not overwrite the earlier runtime's window before it has read it", async () => {
    const clock = new ManualClock(START_MS);
    const storage = new MemoryStorage();
    const earlier = JSON.stringify({ version: 1, endsAtMs: [START_MS - 1_000] });
    await storage.setItem(REQUEST_WINDOW_STORAGE_KEY, earlier);
    const { storage: slow, release } = holdReads(storage);
    const runtime = openRuntime(clock, slow);
    await runtime.store.flush(); // the page goes away at once
    expect(await storage.getItem(REQUEST_WINDOW_STORAGE_KEY)).toBe(earlier);
    release();
  });
});
