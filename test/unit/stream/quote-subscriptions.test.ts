import { feedHarness, RecordingSink, settle, ACCOUNT } from "./feed-harness";

const ids = (count: number, from = 0) => Array.from({ length: count }, (_, index) => `i${from + index}`);

describe("RealtimeSession quote subscriptions", () => {
  it("gathers watches over the window and sends them in blocks of 100: 1,000 watches make 10 calls", async () => {
    const h = feedHarness();
    await h.connect();
    const sink = new RecordingSink();
    for (const id of ids(600)) h.session.watchQuotes(id, "Trades", sink);
    h.clock.advance(30);
    for (const id of ids(400, 600)) h.session.watchQuotes(id, "Trades", sink);
    await settle();
    expect(h.links.current.calls).toHaveLength(0);
    h.clock.advance(20);
    await settle();
    const sent: unknown[][] = [];
    for (;;) {
      await settle();
      const call = h.links.current.pending("SubscribeQuotes")[0];
      if (!call) break;
      sent.push(call.args);
      h.links.current.answer("SubscribeQuotes", { isSucceeded: true, subcount: sent.length * 100 });
    }
    expect(sent).toHaveLength(10);
    expect(sent.map((args) => (args[1] as string[]).length)).toEqual(Array(10).fill(100));
    expect(sent.flatMap((args) => args[1])).toEqual(ids(1000));
    expect(sent.every((args) => args[0] === ACCOUNT && args[2] === "Trades")).toBe(true);
    expect(h.session.status().subscriptions).toBe(1000);
  });

  it("ends unsubscribed when a watch goes while its subscription is in flight", async () => {
    const h = feedHarness();
    await h.connect();
    const sink = new RecordingSink();
    const unwatch = h.session.watchQuotes("aSm1L", "Book", sink);
    h.clock.advance(50);
    await settle();
    expect(h.links.current.pending().map((call) => call.args)).toEqual([[ACCOUNT, ["aSm1L"], "Book"]]);
    unwatch();
    h.clock.advance(50);
    h.links.current.answer("SubscribeQuotes", { isSucceeded: true, subcount: 1 });
    await settle();
    expect(h.links.current.pending().map((call) => [call.method, call.args])).toEqual([["UnSubscribeQuotes", [["aSm1L"]]]]);
    h.links.current.answer("UnSubscribeQuotes", { isSucceeded: true, subcount: 0 });
    await settle();
    expect(h.links.current.calls).toHaveLength(0);
    expect(h.session.status().subscriptions).toBe(0);
  });

  it("ends subscribed when a watch comes back while its unsubscription is in flight", async () => {
    const h = feedHarness();
    await h.connect();
    const sink = new RecordingSink();
    const unwatch = h.session.watchQuotes("aSm1L", "Trades", sink);
    h.clock.advance(50);
    await h.answerAll();
    unwatch();
    h.clock.advance(50);
    await settle();
    expect(h.links.current.pending("UnSubscribeQuotes")).toHaveLength(1);
    h.session.watchQuotes("aSm1L", "Trades", sink);
    h.links.current.answer("UnSubscribeQuotes", { isSucceeded: true, subcount: 0 });
    await settle();
    expect(h.links.current.pending().map((call) => [call.method, call.args])).toEqual([["SubscribeQuotes", [ACCOUNT, ["aSm1L"], "Trades"]]]);
    await h.answerAll();
    expect(h.session.status().subscriptions).toBe(1);
    expect(sink.last).toBe("live");
  });

  it("asks for a fresh snapshot when the last watch leaves and a new one comes before the unsubscription goes out", async () => {
    const h = feedHarness();
    await h.connect();
    const unwatch = h.session.watchQuotes("aSm1L", "Trades", new RecordingSink());
    h.session.watchQuotes("bNk2M", "Trades", new RecordingSink());
    h.clock.advance(50);
    await h.answerAll();
    // A formula edited in place: Excel cancels the old invocation and starts the new one in the same moment.
    unwatch();
    const again = new RecordingSink();
    h.session.watchQuotes("aSm1L", "Trades", again);
    h.clock.advance(50);
    await settle();
    expect(h.links.current.pending().map((call) => [call.method, call.args])).toEqual([["SubscribeQuotes", [ACCOUNT, ["aSm1L"], "Trades"]]]);
    await h.answerAll();
    expect(h.links.current.calls).toHaveLength(0);
    expect(h.session.status().subscriptions).toBe(2);
    expect(again.last).toBe("live");
  });

  it("asks for a fresh snapshot when the last watch leaves and comes back while its first subscription is in flight", async () => {
    const h = feedHarness();
    await h.connect();
    const unwatch = h.session.watchQuotes("aSm1L", "Trades", new RecordingSink());
    h.clock.advance(50);
    await settle();
    expect(h.links.current.pending("SubscribeQuotes")).toHaveLength(1);
    // A hub may send the snapshot before its answer: it went to the watch that left.
    unwatch();
    h.session.watchQuotes("aSm1L", "Trades", new RecordingSink());
    h.links.current.answer("SubscribeQuotes", { isSucceeded: true, subcount: 1 });
    h.clock.advance(50);
    await settle();
    expect(h.links.current.pending().map((call) => [call.method, call.args])).toEqual([["SubscribeQuotes", [ACCOUNT, ["aSm1L"], "Trades"]]]);
    await h.answerAll();
    expect(h.links.current.calls).toHaveLength(0);
  });

  it("forgets the snapshots owed when the connection is lost: the new connection subscribes everything once", async () => {
    const h = feedHarness();
    await h.connect();
    const unwatch = h.session.watchQuotes("aSm1L", "Trades", new RecordingSink());
    h.clock.advance(50);
    await h.answerAll();
    unwatch();
    h.session.watchQuotes("aSm1L", "Trades", new RecordingSink());
    await h.reconnect();
    const calls: unknown[][] = [];
    for (let call = h.links.current.pending("SubscribeQuotes")[0]; call; call = h.links.current.pending("SubscribeQuotes")[0]) {
      calls.push(call.args);
      h.links.current.answer("SubscribeQuotes", { isSucceeded: true, subcount: 1 });
      await settle();
      h.clock.advance(50);
      await settle();
    }
    expect(calls).toEqual([[ACCOUNT, ["aSm1L"], "Trades"]]);
  });

  it("does not subscribe again for a watch that comes back while another watch of the instrument stayed", async () => {
    const h = feedHarness();
    await h.connect();
    const unwatch = h.session.watchQuotes("aSm1L", "Trades", new RecordingSink());
    h.session.watchQuotes("aSm1L", "Trades", new RecordingSink());
    h.clock.advance(50);
    await h.answerAll();
    unwatch();
    h.session.watchQuotes("aSm1L", "Trades", new RecordingSink());
    h.clock.advance(50);
    await settle();
    expect(h.links.current.calls).toHaveLength(0);
  });

  it("subscribes at the highest level in use, and re-subscribes lower when the highest goes", async () => {
    const h = feedHarness();
    await h.connect();
    const sink = new RecordingSink();
    h.session.watchQuotes("aSm1L", "Trades", sink);
    const unwatchBook = h.session.watchQuotes("aSm1L", "Book", sink);
    h.clock.advance(50);
    await settle();
    expect(h.links.current.answer("SubscribeQuotes", { isSucceeded: true, subcount: 1 }).args).toEqual([ACCOUNT, ["aSm1L"], "Book"]);
    await settle();
    h.session.watchQuotes("aSm1L", "TopOfBook", sink);
    h.clock.advance(50);
    await settle();
    expect(h.links.current.calls).toHaveLength(0);
    unwatchBook();
    h.clock.advance(50);
    await settle();
    expect(h.links.current.answer("SubscribeQuotes", { isSucceeded: true, subcount: 1 }).args).toEqual([ACCOUNT, ["aSm1L"], "TopOfBook"]);
  });

  it("enforces the 3,000 cap: the 3,001st watch says so, and comes alive when room frees up", async () => {
    const h = feedHarness();
    await h.connect();
    const sinks = ids(3001).map((id) => {
      const sink = new RecordingSink();
      return { id, sink, unwatch: h.session.watchQuotes(id, "Trades", sink) };
    });
    h.clock.advance(50);
    expect(await h.answerAll()).toBe(30);
    const last = sinks[3000];
    expect(last.sink.last).toBe("subscription limit of 3,000 instruments reached");
    expect(sinks[2999].sink.last).toBe("live");
    expect(h.session.status()).toMatchObject({ subscriptions: 3000, subscriptionLimit: 3000, waitingForRoom: 1 });
    sinks[0].unwatch();
    h.clock.advance(50);
    await settle();
    expect(h.links.current.answer("UnSubscribeQuotes", { isSucceeded: true, subcount: 2999 }).args).toEqual([["i0"]]);
    await settle();
    expect(h.links.current.answer("SubscribeQuotes", { isSucceeded: true, subcount: 3000 }).args).toEqual([ACCOUNT, ["i3000"], "Trades"]);
    await settle();
    expect(last.sink.conditions.slice(-2)).toEqual(["waiting for the first quote", "live"]);
    expect(h.session.status()).toMatchObject({ subscriptions: 3000, waitingForRoom: 0 });
  });

  it("finds the refused ids of a refused block by halving it", async () => {
    const h = feedHarness();
    await h.connect();
    const sinks = new Map(["a", "b", "c", "zz"].map((id) => [id, new RecordingSink()]));
    for (const [id, sink] of sinks) h.session.watchQuotes(id, "Trades", sink);
    h.clock.advance(50);
    const answers: Array<[string[], boolean]> = [];
    for (;;) {
      await settle();
      const call = h.links.current.pending("SubscribeQuotes")[0];
      if (!call) break;
      const block = call.args[1] as string[];
      const ok = !block.includes("zz");
      answers.push([block, ok]);
      h.links.current.answer("SubscribeQuotes", { isSucceeded: ok, subcount: 0 });
    }
    expect(answers).toEqual([[["a", "b", "c", "zz"], false], [["a", "b"], true], [["c", "zz"], false], [["c"], true], [["zz"], false]]);
    expect(sinks.get("zz")!.last).toBe("Binck refused quotes for instrument 'zz' (unknown id, or an option or future class)");
    expect(sinks.get("c")!.last).toBe("live");
    expect(h.session.status().subscriptions).toBe(3);
  });
});
