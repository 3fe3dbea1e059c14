import { HubConnectionState, type HttpTransportType, type HubConnection } from "@microsoft/signalr";
import { ManualClock } from "../../src/core/clock";
import { FakeMarket } from "../fakes/fake-market";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { closed, connectHub, EventRecorder, JANSEN_TRADING, refreshTokens, until } from "./realtime-helpers";

export const LIFETIME_MS = 60_000;

/** A sandbox whose access tokens live LIFETIME_MS on a ManualClock, with hub connections stopped after each test. */
export class ExpirySandbox {
  readonly clock = new ManualClock();
  readonly market = new FakeMarket(() => this.clock.now());
  sandbox!: TestSandbox;
  readonly open: HubConnection[] = [];

  constructor(private readonly transport?: HttpTransportType) {}

  async connect(token: string): Promise<HubConnection> {
    const hub = await connectHub(this.sandbox, token, { transport: this.transport });
    this.open.push(hub);
    return hub;
  }
}

/** Registers the hooks of an ExpirySandbox in the current describe block. */
export function useExpirySandbox(transport?: HttpTransportType): ExpirySandbox {
  const expiry = new ExpirySandbox(transport);
  beforeAll(async () => {
    // The client pings on real time; only the token lifetime runs on the ManualClock here.
    expiry.sandbox = await startTestSandbox({
      clock: expiry.clock, market: expiry.market, accessTokenLifetimeMs: LIFETIME_MS, realtime: { clientTimeoutMs: 24 * 3_600_000 },
    });
  });
  afterEach(async () => {
    await Promise.all(expiry.open.splice(0).map((connection) => connection.stop()));
  });
  afterAll(() => expiry.sandbox.close());
  return expiry;
}

/** The feed stops with a clear Close when the token expires, and the market watch ends. */
export async function expectFeedToStopAtExpiry(expiry: ExpirySandbox): Promise<void> {
  const { access_token } = await expiry.sandbox.signIn("jansen");
  const hub = await expiry.connect(access_token);
  await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["aSm1L"], "Trades");
  const done = closed(hub);
  expiry.clock.advance(LIFETIME_MS - 1);
  expect(hub.state).toBe(HubConnectionState.Connected);
  expiry.clock.advance(1);
  expect((await done)?.message).toBe(
    "Server returned an error on close: The realtime feed stopped: The access token has expired; refresh it. To keep a feed going, call ExtendSubscriptions with the refreshed token before the old one expires.",
  );
  await until(() => expiry.market.watcherCount("aSm1L") === 0, "the market watch to end");
}

/** Extends with a refreshed token 40 s in, and checks a quote still arrives past the old token's expiry; returns the connection. */
export async function expectFeedPastExpiryAfterExtend(expiry: ExpirySandbox): Promise<HubConnection> {
  const tokens = await expiry.sandbox.signIn("jansen");
  const hub = await expiry.connect(tokens.access_token);
  const quotes = new EventRecorder(hub, "Quote");
  await hub.invoke("SubscribeQuotes", JANSEN_TRADING, ["iNg01"], "Trades");
  expiry.clock.advance(40_000);
  const renewed = refreshTokens(expiry.sandbox, tokens.refresh_token);
  expect(await hub.invoke("ExtendSubscriptions", renewed.access_token)).toBeUndefined();
  expiry.clock.advance(30_000);
  expiry.market.setLast("iNg01", 12.75);
  const [, update] = await quotes.waitForCount(2);
  expect(update.qt[0]).toMatchObject({ msg: "qu", prc: 12.75 });
  return hub;
}
