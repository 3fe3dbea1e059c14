import { ManualClock } from "../../../src/core/clock";
import { InstrumentResolver } from "../../../src/core/instruments/instrument-resolver";
import { persistResolutions, RESOLUTIONS_STORAGE_KEY } from "../../../src/core/instruments/resolution-store";
import { BinckRestClient } from "../../../src/core/rest/client";
import { RequestBudget } from "../../../src/core/rest/request-budget";
import { MemoryStorage, type KeyValueStorage } from "../../../src/core/session/storage";
import { holdReads } from "../../fakes/held-storage";
import type { TokenSource } from "../../../src/core/session/token-source";
import { synthesizeIsin } from "../../../server/sandbox/market/catalogue/isin";
import { fakeInstrumentApi } from "../../fakes/fake-instrument-api";

const ACCOUNT = "190126781";
const tokens: TokenSource = { getAccessToken: () => "t", renewAfterRejection: async () => false, noteActivity: () => undefined, onTokenRefreshed: () => () => undefined };
const WANTED = Array.from({ length: 30 }, (_, n) => synthesizeIsin("NL", n));
const SAVE_DELAY_MS = 2_000;

/** A workbook opened at `clock`'s time over `storage`: a new runtime's resolver, restored from and saving to it. */
function openWorkbook(clock: ManualClock, storage: KeyValueStorage) {
  const api = fakeInstrumentApi();
  const budget = new RequestBudget(clock, { maxRequestsPerWindow: 100_000 });
  const client = new BinckRestClient("https://api.test/api/v1", tokens, api.fetchFn, undefined, budget);
  const resolver = new InstrumentResolver({ lookup: client, listLookup: client, clock, timeZone: "Europe/Amsterdam" });
  const store = persistResolutions(resolver, storage, clock, undefined, { saveDelayMs: SAVE_DELAY_MS });
  const resolveAll = async (argumentsAtOnce: string[]) => {
    const all = Promise.all(argumentsAtOnce.map((argument) => resolver.resolve(argument, { accountNumber: ACCOUNT })));
    let done = false;
    void all.finally(() => (done = true)).catch(() => undefined);
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(30);
    }
    return (await all).map((instrument) => instrument.id);
  };
  return { requests: api.requests, resolveAll, store };
}

describe("persistResolutions", () => {
  it("lets a workbook reopened the same day resolve without a request, and resolves again after local midnight", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    const storage = new MemoryStorage();
    const first = openWorkbook(clock, storage);
    const ids = await first.resolveAll(WANTED);
    expect(first.requests.length).toBeGreaterThan(0);
    expect(await storage.getItem(RESOLUTIONS_STORAGE_KEY)).toBeNull(); // saved once the burst is over
    clock.advance(SAVE_DELAY_MS);
    await new Promise((resolve) => setImmediate(resolve));
    const saved = JSON.parse((await storage.getItem(RESOLUTIONS_STORAGE_KEY))!);
    expect(saved.expiresAtMs).toBe(Date.UTC(2026, 0, 5, 23, 0, 0)); // midnight in Amsterdam
    expect(saved.entries).toHaveLength(60); // by ISIN and by id

    clock.advance(12 * 3_600_000); // 21:00 local
    const reopened = openWorkbook(clock, storage);
    expect(await reopened.resolveAll(WANTED)).toEqual(ids);
    expect(reopened.requests).toEqual([]);

    clock.advance(2 * 3_600_000); // 23:00 local: the same snapshot is from yesterday
    const tomorrow = openWorkbook(clock, storage);
    expect(await tomorrow.resolveAll(WANTED)).toEqual(ids);
    expect(tomorrow.requests.length).toBeGreaterThan(0);
  });

  it("makes look-ups that start before the snapshot is read wait for it", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    const storage = new MemoryStorage();
    const first = openWorkbook(clock, storage);
    const ids = await first.resolveAll(WANTED);
    await first.store.flush();
    const { storage: slow, release } = holdReads(storage);
    const reopened = openWorkbook(clock, slow);
    const resolving = reopened.resolveAll(WANTED);
    for (let tick = 0; tick < 5; tick++) await new Promise((resolve) => setImmediate(resolve));
    expect(reopened.requests).toEqual([]);
    release();
    expect(await resolving).toEqual(ids);
    expect(reopened.requests).toEqual([]);
  });

  it.each([
    ["not JSON", "{"],
    ["not a snapshot", JSON.stringify({ hello: 1 })],
    ["entries of another shape", JSON.stringify({ expiresAtMs: Date.UTC(2026, 0, 5, 23, 0, 0), entries: [[`isin:${WANTED[0]}`, { kind: "found" }], ["x", 3]] })],
  ])("ignores a stored value that is %s and asks Binck", async (_what, text) => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    const storage = new MemoryStorage();
    await storage.setItem(RESOLUTIONS_STORAGE_KEY, text);
    const workbook = openWorkbook(clock, storage);
    expect(await workbook.resolveAll(WANTED.slice(0, 1))).toEqual(["A0000"]);
    expect(workbook.requests).toEqual([`/api/v1/instruments?accountNumber=190126781&isin=${WANTED[0]}&range=0-99`]);
  });
});
