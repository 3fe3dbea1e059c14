import { ManualClock, systemClock } from "../../src/core/clock";
import { FakeMarket } from "../fakes/fake-market";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { until } from "./realtime-helpers";
import { SeenUpdates, streamRig, type StreamRig } from "./stream-harness";

describe("realtime session against the sandbox hub: drops", () => {
  const market = new FakeMarket();
  let sandbox: TestSandbox;
  let rig: StreamRig;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ market });
  });
  afterEach(() => rig?.feed.stop());
  afterAll(() => sandbox.close());

  it("recovers from every drop of the control surface, resubscribed, with a clear condition meanwhile", async () => {
    rig = await streamRig(sandbox, systemClock, { batchWindowMs: 10, reconnectDelaysMs: [50, 200], gracePeriodMs: 0 });
    const watch = new SeenUpdates();
    rig.store.watch("aSm1L", "Book", watch.listener);
    rig.feed.start();
    await until(() => watch.last === "lst 600", "the initial quote");
    expect(rig.store.quote("aSm1L")?.values.get("bid5")).toMatchObject({ price: 599.95, volume: 500, orders: 5 });
    for (let cycle = 1; cycle <= 3; cycle++) {
      const seenBefore = watch.seen.length;
      expect((await sandbox.control("realtime/drop")).status).toBe(200);
      await until(() => watch.seen.slice(seenBefore).some((line) => /^connection lost since \d\d:\d\d:\d\d — reconnecting$/.test(line)), `the lost condition, cycle ${cycle}`);
      await until(() => rig.feed.status().state === "connected" && rig.feed.status().subscriptions === 1, `resubscribed, cycle ${cycle}`);
      market.setLast("aSm1L", 600 + cycle);
      await until(() => watch.last === `lst ${600 + cycle}`, `a quote after drop ${cycle}`);
      expect(rig.links.made).toHaveLength(cycle + 1);
    }
    const subscribes = rig.links.calls.filter((call) => call.method === "SubscribeQuotes");
    expect(subscribes.map((call) => call.args[2])).toEqual(["Book", "Book", "Book", "Book"]);
    expect(rig.feed.status().lastError).toMatch(/WebSocket closed|connection/i);
  });
});

describe("realtime session against the sandbox hub: token refresh", () => {
  const clock = new ManualClock();
  const market = new FakeMarket(() => clock.now());
  let sandbox: TestSandbox;
  let rig: StreamRig;
  beforeAll(async () => {
    // Token lifetimes run on the ManualClock; the official client's pings on real time (client timeout raised).
    sandbox = await startTestSandbox({ clock, market, accessTokenLifetimeMs: 60_000, realtime: { clientTimeoutMs: 24 * 3_600_000 } });
  });
  afterEach(() => rig?.feed.stop());
  afterAll(() => sandbox.close());

  it("keeps one connection streaming across several token lifetimes with ExtendSubscriptions", async () => {
    rig = await streamRig(sandbox, clock, { batchWindowMs: 10 });
    const watch = new SeenUpdates();
    rig.store.watch("aSm1L", "Trades", watch.listener);
    rig.feed.start();
    await until(() => watch.last === "lst 600", "the initial quote");
    clock.advance(30_000);
    for (let cycle = 1; cycle <= 4; cycle++) {
      const activity = rig.tokens.activity;
      rig.tokens.refresh();
      await until(() => rig.tokens.activity > activity, `ExtendSubscriptions answered, cycle ${cycle}`);
      // Tokens live 60 s and are refreshed every 45 s: this passes the expiry of the token used before.
      clock.advance(45_000);
      market.setLast("aSm1L", 600 + cycle);
      await until(() => watch.last === `lst ${600 + cycle}`, `a quote after expiry ${cycle}`);
    }
    expect(rig.links.calls.filter((call) => call.method === "ExtendSubscriptions")).toHaveLength(4);
    expect(rig.links.made).toHaveLength(1);
    expect(rig.feed.status()).toMatchObject({ state: "connected", subscriptions: 1, lastError: undefined });
  });
});
