import { reconnectDelayMs } from "../../../src/core/stream/stream-policy";
import { ACCOUNT, feedHarness, POLICY, RecordingSink, settle } from "./feed-harness";

const CUT_OFF_CLOSE =
  "Server returned an error on close: Another realtime connection already streams with this access token: one connection per token (API.md 5.7). Stop the other connection, or sign in again for a second one.";

async function subscribedFeed() {
  const h = feedHarness();
  await h.connect();
  const sink = new RecordingSink();
  h.session.watchQuotes("aSm1L", "Trades", sink);
  h.clock.advance(50);
  await h.answerAll();
  return { ...h, sink };
}

describe("RealtimeSession connection", () => {
  it("connects to the hub path with the bare token, and reports its states", async () => {
    const h = feedHarness();
    const sink = new RecordingSink();
    h.session.watchQuotes("aSm1L", "Trades", sink);
    expect(sink.last).toBe("sign in to Binck in the taskpane");
    await h.connect();
    expect(h.links.current.options.url).toBe("https://realtime.test/stream/v1");
    expect(h.links.current.options.accessTokenFactory()).toBe("token-1");
    expect(sink.last).toBe("waiting for the first quote");
    expect(h.states).toEqual(["stopped", "connecting", "connected"]);
  });

  it("keeps the last value through the grace period, then says since when the connection is lost, and recovers by itself", async () => {
    const h = await subscribedFeed();
    h.clock.advance(1_000);
    const dropAtMs = h.clock.now();
    h.links.current.drop();
    await settle();
    expect(h.session.status()).toMatchObject({ state: "reconnecting", subscriptions: 0, downSinceMs: dropAtMs });
    h.clock.advance(0);
    expect(h.links.links).toHaveLength(2);
    h.links.current.refuse(new Error("WebSocket failed to connect."));
    await settle();
    h.clock.advance(POLICY.gracePeriodMs - 1);
    expect(sink(h)).toBe("live");
    h.clock.advance(1);
    expect(sink(h)).toBe("connection lost since 09:00:01 — reconnecting");
    // Backoff: 0, then 1 s, then 5 s (the last delay repeats); jitter is 0 with random() = 0.5.
    expect(h.links.links).toHaveLength(3);
    h.links.current.refuse(new Error("WebSocket failed to connect."));
    await settle();
    h.clock.advance(4_999);
    expect(h.links.links).toHaveLength(3);
    h.clock.advance(1);
    expect(h.links.links).toHaveLength(4);
    const resubscribedBefore = h.sink.resubscriptions;
    h.links.current.accept();
    await settle();
    h.clock.advance(50);
    const call = h.links.current.answer("SubscribeQuotes", { isSucceeded: true, subcount: 1 });
    await settle();
    expect(call.args).toEqual([ACCOUNT, ["aSm1L"], "Trades"]);
    expect(h.sink.resubscriptions).toBe(resubscribedBefore + 1);
    expect(h.sink.conditions.slice(-2)).toEqual(["connection lost since 09:00:01 — reconnecting", "live"]);
    expect(h.states).toEqual(["connecting", "connected", "reconnecting", "connected"]);
  });

  it("resubscribes everything after a drop in the middle of a block", async () => {
    const h = feedHarness();
    await h.connect();
    const sink = new RecordingSink();
    for (let index = 0; index < 250; index++) h.session.watchQuotes(`i${index}`, "Trades", sink);
    h.clock.advance(50);
    await settle();
    h.links.current.answer("SubscribeQuotes", { isSucceeded: true, subcount: 100 });
    await settle();
    expect(h.links.current.pending("SubscribeQuotes")).toHaveLength(1);
    await h.reconnect();
    const blocks: string[][] = [];
    for (;;) {
      await settle();
      const pending = h.links.current.pending("SubscribeQuotes")[0];
      if (!pending) break;
      blocks.push(pending.args[1] as string[]);
      h.links.current.answer("SubscribeQuotes", { isSucceeded: true, subcount: 0 });
    }
    expect(blocks.map((block) => block.length)).toEqual([100, 100, 50]);
    expect(new Set(blocks.flat()).size).toBe(250);
    expect(h.session.status().subscriptions).toBe(250);
  });

  it("reports a cut-off by another connection plainly and does not retry until the token changes", async () => {
    const h = await subscribedFeed();
    h.links.current.drop(CUT_OFF_CLOSE);
    await settle();
    expect(h.session.status()).toMatchObject({ state: "cutOff", lastError: CUT_OFF_CLOSE });
    expect(h.sink.last).toBe("realtime feed cut off: another connection streams with this Binck sign-in (one per sign-in) — close it, or sign in again");
    h.clock.advance(3_600_000);
    expect(h.links.links).toHaveLength(1);
    h.tokens.refresh("token-2");
    expect(h.links.links).toHaveLength(2);
    expect(h.links.current.options.accessTokenFactory()).toBe("token-2");
  });

  it("calls ExtendSubscriptions with every refreshed token", async () => {
    const h = await subscribedFeed();
    h.tokens.refresh("token-2");
    h.tokens.refresh("token-3");
    expect(h.links.current.pending("ExtendSubscriptions").map((call) => call.args)).toEqual([["token-2"], ["token-3"]]);
  });

  it("keeps the session active with a cheap hub call when nothing else was called, and notes the activity", async () => {
    const h = await subscribedFeed();
    const activity = h.tokens.activity;
    h.clock.advance(POLICY.keepAliveIntervalMs - 1);
    expect(h.links.current.calls).toHaveLength(0);
    h.clock.advance(1);
    expect(h.links.current.pending().map((call) => [call.method, call.args])).toEqual([["UnSubscribeQuotes", [[]]]]);
    h.links.current.answer("UnSubscribeQuotes", { isSucceeded: true, subcount: 1 });
    await settle();
    expect(h.tokens.activity).toBe(activity + 1);
    h.clock.advance(POLICY.keepAliveIntervalMs / 2);
    h.tokens.refresh("token-2");
    h.links.current.answer("ExtendSubscriptions");
    await settle();
    h.clock.advance(POLICY.keepAliveIntervalMs / 2);
    expect(h.links.current.calls).toHaveLength(0);
    h.clock.advance(POLICY.keepAliveIntervalMs / 2);
    expect(h.links.current.pending("UnSubscribeQuotes")).toHaveLength(1);
  });

  it("tells every watch to sign in when stopped, or when the token is gone at a reconnect", async () => {
    const h = await subscribedFeed();
    h.session.stop();
    expect(h.sink.last).toBe("sign in to Binck in the taskpane");
    expect(h.links.current.stopped).toBe(true);
    expect(h.session.status().state).toBe("stopped");
    await h.connect();
    h.links.current.drop();
    h.tokens.token = undefined;
    await settle();
    h.clock.advance(0);
    expect(h.session.status().state).toBe("signedOut");
    expect(h.sink.last).toBe("sign in to Binck in the taskpane");
  });

  it("asks the token source to renew after a 401 and signs out when it cannot", async () => {
    const h = await subscribedFeed();
    h.links.current.drop();
    await settle();
    h.tokens.renewAnswer = false;
    h.clock.advance(0);
    h.links.current.refuse(new Error("Failed to complete negotiation with the server: Error: Unauthorized: Status code '401'"));
    await settle();
    expect(h.tokens.renewals).toBe(1);
    expect(h.session.status().state).toBe("signedOut");
    h.clock.advance(60_000);
    expect(h.links.links).toHaveLength(2);
  });

  it("moves reconnect delays by at most the jitter ratio", () => {
    const policy = { ...POLICY, reconnectDelaysMs: [1_000], reconnectJitterRatio: 0.2 };
    expect(reconnectDelayMs(policy, 0, () => 0)).toBe(800);
    expect(reconnectDelayMs(policy, 5, () => 0.5)).toBe(1_000);
    expect(reconnectDelayMs(policy, 9, () => 0.99999)).toBe(1_200);
  });
});

function sink(h: { sink: RecordingSink }): string | undefined {
  return h.sink.last;
}
