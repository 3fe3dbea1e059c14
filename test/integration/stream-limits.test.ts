import { ManualClock, systemClock } from "../../src/core/clock";
import { FakeMarket } from "../fakes/fake-market";
import { SandboxTokenSource } from "../fakes/sandbox-token-source";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { until, widenMarket } from "./realtime-helpers";
import { SeenUpdates, streamRig, type StreamRig } from "./stream-harness";

describe("realtime session against the sandbox hub: one connection per token, 3,000 instruments", () => {
  const base = new FakeMarket();
  let sandbox: TestSandbox;
  const rigs: StreamRig[] = [];
  beforeAll(async () => {
    sandbox = await startTestSandbox({ market: widenMarket(base) });
  });
  afterEach(() => rigs.splice(0).forEach((rig) => rig.feed.stop()));
  afterAll(() => sandbox.close());

  it("reports a cut-off by a second connection with the same token plainly, and does not retry it in a loop", async () => {
    const first = await streamRig(sandbox, systemClock, { batchWindowMs: 10 });
    rigs.push(first);
    const firstWatch = new SeenUpdates();
    first.store.watch("aSm1L", "Trades", firstWatch.listener);
    first.feed.start();
    await until(() => firstWatch.last === "lst 600", "the first connection's quote");

    const clock = new ManualClock();
    const second = await streamRig(sandbox, clock, { reconnectDelaysMs: [0, 1_000] }, new SandboxTokenSource(sandbox, { ...tokensOf(first) }));
    rigs.push(second);
    const secondWatch = new SeenUpdates();
    second.store.watch("iNg01", "Trades", secondWatch.listener);
    second.feed.start();
    await until(() => second.feed.status().state === "cutOff", "the cut-off");
    expect(second.feed.status().lastError).toMatch(/^Server returned an error on close: Another realtime connection already streams with this access token/);
    expect(secondWatch.last).toBe("realtime feed cut off: another connection streams with this Binck sign-in (one per sign-in) — close it, or sign in again");
    clock.advance(3_600_000);
    expect(second.links.made).toHaveLength(1);
    base.setLast("aSm1L", 601);
    await until(() => firstWatch.last === "lst 601", "the first connection still streaming");
  });

  it("subscribes 3,000 instruments in 30 calls, tells the 3,001st it waits for room, and admits it when room frees up", async () => {
    const rig = await streamRig(sandbox, systemClock, { batchWindowMs: 20 });
    rigs.push(rig);
    const ids = Array.from({ length: 3001 }, (_, index) => `x${index}`);
    const lastWatch = new SeenUpdates();
    const stops = ids.map((id, index) => rig.store.watch(id, "Trades", index === 3000 ? lastWatch.listener : () => undefined));
    rig.feed.start();
    await until(() => rig.feed.status().subscriptions === 3000, "3,000 subscriptions", 20_000);
    expect(rig.links.calls.filter((call) => call.method === "SubscribeQuotes")).toHaveLength(30);
    expect(rig.feed.status()).toMatchObject({ subscriptionLimit: 3000, waitingForRoom: 1 });
    expect(lastWatch.last).toBe("subscription limit of 3,000 instruments reached");
    expect(base.watcherCount("x3000")).toBe(0);
    stops[0]();
    await until(() => base.watcherCount("x3000") === 1, "the 3,001st subscribed");
    await until(() => rig.feed.status().subscriptions === 3000, "the subscription confirmed");
    expect(base.watcherCount("x0")).toBe(0);
    expect(lastWatch.last).toBe("waiting for the first quote");
    expect(rig.feed.status()).toMatchObject({ subscriptions: 3000, waitingForRoom: 0 });
    expect(rig.log.lines.filter((line) => line.startsWith("warn"))).toEqual([]);
  });
});

describe("realtime session against the sandbox hub: a sheet that only streams", () => {
  const clock = new ManualClock();
  const market = new FakeMarket(() => clock.now());
  let sandbox: TestSandbox;
  const rigs: StreamRig[] = [];
  beforeAll(async () => {
    // Binck's 30-minute idle limit shortened to one minute, on the ManualClock.
    sandbox = await startTestSandbox({ clock, market, idleTimeoutMs: 60_000, realtime: { clientTimeoutMs: 24 * 3_600_000 } });
  });
  afterAll(async () => {
    rigs.forEach((rig) => rig.feed.stop());
    await sandbox.close();
  });

  it("stays signed in past the idle limit with its keep-alive call; one without it is ended", async () => {
    const kept = await streamRig(sandbox, clock, { batchWindowMs: 10, keepAliveIntervalMs: 20_000 });
    const bare = await streamRig(sandbox, clock, { batchWindowMs: 10, keepAliveIntervalMs: 10 * 3_600_000 });
    rigs.push(kept, bare);
    const watch = new SeenUpdates();
    kept.store.watch("aSm1L", "Trades", watch.listener);
    bare.store.watch("aSm1L", "Trades", () => undefined);
    kept.feed.start();
    bare.feed.start();
    await until(() => watch.last === "lst 600" && bare.feed.status().subscriptions === 1, "both streaming");
    clock.advance(10);
    for (let step = 1; step <= 9; step++) {
      const activity = kept.tokens.activity;
      clock.advance(20_000);
      await until(() => kept.tokens.activity > activity, `keep-alive call ${step} answered`);
    }
    const keepAlives = kept.links.calls.filter((call) => call.method === "UnSubscribeQuotes");
    expect(keepAlives).toHaveLength(9);
    expect(keepAlives[0].args).toEqual([[]]);
    expect((await sandbox.api("/api/v1/accounts", { token: kept.tokens.accessToken })).status).toBe(200);
    expect((await sandbox.api("/api/v1/accounts", { token: bare.tokens.accessToken })).status).toBe(401);
    market.setLast("aSm1L", 612);
    await until(() => watch.last === "lst 612", "a quote after three idle limits");
    expect(kept.feed.status().state).toBe("connected");
  });
});

function tokensOf(rig: StreamRig) {
  return { access_token: rig.tokens.accessToken, refresh_token: "not-used", scope: "read write news quotes", token_type: "Bearer" as const, expires_in: 3600 };
}
