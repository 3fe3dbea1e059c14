import type { Frame } from "playwright-core";
import type { OrderDesk, OrderPreview, PlacementOutcome } from "../../src/core/orders/contract";
import type { OrderModel } from "../../src/core/wire/models";
import { startBrokerWorld, type BrokerWorld } from "../support/broker";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { openWorkbook, signInThroughPopup } from "../support/browser-host";

const JANSEN = "190126781";

type Runtime = { orders(): Promise<OrderDesk>; session: { current(): { status: string } } };
type Kept = { __binckAddinRuntime: Runtime; relayTestPreview?: OrderPreview };

/**
 * issue 9 §3 in Chromium: a POST whose reused keep-alive connection closes before any answer byte is re-sent by
 * Chromium itself (HttpNetworkTransaction::ShouldResendRequest). Placements therefore go through the broker's
 * order relay (the negative case, two orders without the relay, depends on connection reuse timing and is not a
 * test). The suite signs in through the preview, checks and previews an order (so the page's connections
 * are reused ones), arms the sandbox's drop-next-response, places, and counts the orders with the referenceId.
 */
function placingWithTheAnswerDropped() {
  const stage = {} as { world: BrokerWorld; browser: TestBrowser; pane: Frame; equity: string };
  beforeAll(async () => {
    stage.world = await startBrokerWorld({ serveDist: true });
    stage.browser = await launchBrowser();
    const found = stage.world.sandbox.sandbox.ctx.market.catalogue.list("allInstruments")
      .find((instrument) => instrument.quotable && instrument.model.isTradable && instrument.model.type === "equity" && instrument.model.currency === "EUR");
    if (!found) throw new Error("The sandbox has no tradable EUR equity.");
    stage.equity = found.model.id;
    ({ pane: stage.pane } = await openWorkbook(stage.browser, stage.world.broker.url, "Orders"));
    await signInThroughPopup(stage.browser, stage.pane, { consent: "allow" });
    await stage.pane.waitForFunction(() => (globalThis as unknown as Kept).__binckAddinRuntime.session.current().status === "signedIn", undefined, { timeout: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await stage.browser?.close();
    await stage.world?.close();
  });

  return async () => {
    const { world, pane } = stage;
    const referenceId = await pane.evaluate(async ([account, instrument]) => {
      const kept = globalThis as unknown as Kept;
      const desk = await kept.__binckAddinRuntime.orders();
      const check = await desk.check({ accountNumber: account, side: "buy", quantity: 1, instrument, type: "market" });
      if (!check.ok) throw new Error(check.problems.map((problem) => problem.message).join(" | "));
      kept.relayTestPreview = await desk.preview(check.order);
      return kept.relayTestPreview.order.referenceId;
    }, [JANSEN, stage.equity] as const);
    const relayed = () => world.upstreamCalls.filter((call) => call === `POST /api/v1/accounts/${JANSEN}/orders`).length;
    const before = relayed();
    expect((await world.sandbox.control("orders/drop-next-response")).status).toBe(200);
    const outcome = await pane.evaluate(async () => {
      const kept = globalThis as unknown as Kept;
      const previewed = kept.relayTestPreview!;
      const placed: PlacementOutcome = await (await kept.__binckAddinRuntime.orders()).place(previewed, previewed.warningsToBeConfirmed);
      return { kind: placed.kind, referenceId: placed.referenceId, recovered: placed.kind === "placed" ? placed.recovered : undefined };
    });
    const token = (await world.sandbox.signIn("jansen")).access_token;
    const response = await world.sandbox.api(`/api/v1/accounts/${JANSEN}/orders?status=all&range=0-99`, { token });
    const body = (await response.json()) as { ordersCollection: { orders?: OrderModel[] } };
    const orders = (body.ordersCollection.orders ?? []).filter((order) => order.referenceId === referenceId);
    return { referenceId, outcome, orders, sentByTheBroker: relayed() - before, logLines: world.logLines };
  };
}

describe("placing an order from the add-in in headless Chromium, through the broker's order relay", () => {
  const place = placingWithTheAnswerDropped();

  it("makes one order when the answer is dropped, and the desk finds it again as placed", async () => {
    const { referenceId, outcome, orders, sentByTheBroker, logLines } = await place();
    expect(outcome).toEqual({ kind: "placed", referenceId, recovered: true });
    expect(orders).toHaveLength(1);
    expect(sentByTheBroker).toBe(1);
    expect(logLines.some((line) => line.includes(`Order relay: the answer to referenceId ${referenceId} on account ${JANSEN} was lost`))).toBe(true);
  });
});
