import { JANSEN_TRADING, until } from "../integration/realtime-helpers";
import { useHubPage } from "../support/signalr-page";

const brief = (message: any) => `${message.id} ${message.lvl} ${message.qt[0].msg} ${message.qt[0].prc}`;

/** The add-in's way: the transport the official client picks (WebSockets), token through accessTokenFactory. */
describe("realtime hub from headless Chromium on another HTTPS origin", () => {
  /** Text frames the page's WebSocket received, as Chromium saw them. */
  const frames: string[] = [];
  const hub = useHubPage({
    onPage: (opened) => opened.on("websocket", (socket) => socket.on("framereceived", ({ payload }) => { frames.push(payload.toString()); })),
  });

  it("negotiates through CORS, streams qi then qu, and after POST /_sandbox/realtime/drop reconnects with a new id and no subscriptions", async () => {
    const { access_token } = await hub.sandbox.signIn("jansen");
    const connection = await hub.connect("main", access_token);
    expect(hub.sandbox.sandbox.realtime.connectionCount).toBe(1);
    const firstId = await connection.connectionId();
    expect(await connection.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L", "iNg01"], "TopOfBook")).toEqual({ isSucceeded: true, subcount: 2 });
    await connection.waitForMessages("Quote", 2);
    hub.market.setLast("aSm1L", 604.2);
    expect((await connection.waitForMessages("Quote", 3)).map(brief)).toEqual(["aSm1L 1 qi 600", "iNg01 1 qi 12.5", "aSm1L 1 qu 604.2"]);

    expect(await (await hub.sandbox.control("realtime/drop")).json()).toEqual({ dropped: true });
    expect(await connection.waitForLifecycle("reconnected")).toEqual(["reconnecting", "reconnected"]);
    expect(await connection.state()).toBe("Connected");
    expect(await connection.connectionId()).not.toBe(firstId);
    expect(hub.sandbox.sandbox.realtime.connectionCount).toBe(1);
    expect(hub.market.watcherCount("aSm1L")).toBe(0);
    expect(hub.market.watcherCount("iNg01")).toBe(0);
    expect(await connection.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "TopOfBook")).toEqual({ isSucceeded: true, subcount: 1 });
    hub.market.setLast("aSm1L", 605);
    expect((await connection.waitForMessages("Quote", 5)).slice(3).map(brief)).toEqual(["aSm1L 1 qi 604.2", "aSm1L 1 qu 605"]);
  });

  it("streams a burst of one turn in one frame: 2,000 updates arrive complete and in order", async () => {
    const { access_token } = await hub.sandbox.signIn("jansen");
    const connection = await hub.connect("burst", access_token);
    expect(await connection.invoke("SubscribeQuotes", JANSEN_TRADING, ["iNg01"], "TopOfBook")).toEqual({ isSucceeded: true, subcount: 1 });
    await connection.waitForMessages("Quote", 1);
    await connection.clearMessages();
    const framesBefore = frames.length;
    for (let step = 1; step <= 2000; step++) hub.market.setLast("iNg01", 12 + step / 1000);
    const prices = (await connection.waitForMessages("Quote", 2000, 10_000)).map((message) => message.qt[0].prc);
    expect(prices[0]).toBe(12.001);
    expect(prices[1999]).toBe(14);
    expect(prices.every((price: number, index: number) => index === 0 || price > prices[index - 1])).toBe(true);
    // All 2,000 were produced in one event-loop turn, so they share one frame (pings may add a frame). Chromium reports
    // frames to this process apart from what the page runs: wait until it has reported every update (qu, not the qi snapshot).
    const updateFrames = () => frames.slice(framesBefore).filter((frame) => frame.includes('"iNg01"') && frame.includes('"msg":"qu"'));
    await until(() => updateFrames().reduce((count, frame) => count + frame.split('"iNg01"').length - 1, 0) >= 2000, "the frames of all 2,000 updates reported", 10_000);
    expect(updateFrames()).toHaveLength(1);
  });
});
