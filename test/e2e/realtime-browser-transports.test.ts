import { JANSEN_TRADING } from "../integration/realtime-helpers";
import { useHubPage } from "../support/signalr-page";

/**
 * The official browser bundle told to use one transport. In a browser the Server-Sent Events request carries the
 * token as `access_token` (EventSource cannot send headers) and relies on CORS with credentials; long polls and
 * POSTs send `Authorization` and so are preflighted.
 */
describe("realtime hub from headless Chromium over Server-Sent Events and long polling (cross-origin HTTPS)", () => {
  const hub = useHubPage();
  const { logLines } = hub;

  it.each(["ServerSentEvents", "LongPolling"])("connects over %s, streams qi then qu, and resubscribes after a drop", async (transport) => {
    const { access_token } = await hub.sandbox.signIn("jansen");
    const connection = await hub.connect("main", access_token, { transport });
    expect(logLines.filter((line) => line.includes(`opened over ${transport} for jansen`))).toHaveLength(1);
    expect(await connection.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "book")).toEqual({ isSucceeded: true, subcount: 1 });
    await connection.waitForMessages("Quote", 1);
    hub.market.setLast("aSm1L", 604.2);
    const received = await connection.waitForMessages("Quote", 2);
    expect(received.map((message) => `${message.id} ${message.lvl} ${message.qt[0].msg} ${message.qt[0].prc}`)).toEqual(["aSm1L 2 qi 600", "aSm1L 2 qu 604.2"]);

    await hub.sandbox.control("realtime/drop");
    expect(await connection.waitForLifecycle("reconnected")).toEqual(["reconnecting", "reconnected"]);
    expect(hub.market.watcherCount("aSm1L")).toBe(0);
    expect(await connection.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "Trades")).toEqual({ isSucceeded: true, subcount: 1 });
    await connection.waitForMessages("Quote", 3);
    expect(logLines.filter((line) => line.includes(`opened over ${transport} for jansen`))).toHaveLength(2);
  });
});
