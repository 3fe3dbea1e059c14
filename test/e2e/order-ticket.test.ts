import type { Frame, Page } from "playwright-core";
import { checkTick } from "../../src/core/orders/tick-sizes";
import type { InstrumentModel, OrderModel } from "../../src/core/wire/models";
import { referencePrice } from "../../server/sandbox/trading/matching";
import { openHost, signInThroughPopup } from "../support/browser-host";
import { useBrowserWorld } from "../support/browser-world";

const JANSEN = "190126781";
const SAVINGS = "190126799";

/**
 * issue 9 §1, §3 and §4, end to end: the order ticket in the preview's taskpane against the sandbox, as jansen
 * (Dutch, so the ticket speaks Dutch). Orders are counted at the sandbox through its own API; the page's POST
 * requests are watched to prove that bad input sends nothing.
 */
describe("the order ticket in the taskpane", () => {
  const stage = useBrowserWorld({ sandbox: { ticksPerSecond: 10 } });
  let page: Page;
  let pane: Frame;
  let turbo: InstrumentModel;
  const posts: string[] = [];

  beforeAll(async () => {
    const found = stage.world.sandbox.sandbox.ctx.market.catalogue.list("allInstruments")
      .find((entry) => entry.quotable && entry.model.isTradable && entry.model.isKidApplicable && entry.model.type === "turbo" && entry.model.currency === "EUR");
    if (!found) throw new Error("The sandbox has no tradable turbo (a product with a KID).");
    turbo = found.model;
    ({ page, pane } = await openHost(stage.browser, stage.world.broker.url, "Orders"));
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(new URL(request.url()).pathname);
    });
    await signInThroughPopup(stage.browser, pane, { consent: "allow" });
    await pane.locator("#accounts").waitFor();
    await pane.locator(`input[value='${JANSEN}']:checked`).waitFor();
    await pane.click("#tab-ticket");
    await pane.locator("#ticket-preview-button:not([disabled])").waitFor();
  }, 120_000);

  /** Jansen's orders as the sandbox has them, through a session of its own (its own 50 a minute). */
  const sandboxOrders = async (): Promise<OrderModel[]> => {
    const token = (await stage.world.sandbox.signIn("jansen")).access_token;
    const response = await stage.world.sandbox.api(`/api/v1/accounts/${JANSEN}/orders?status=all&range=0-99`, { token });
    return ((await response.json()) as { ordersCollection: { orders?: OrderModel[] } }).ordersCollection.orders ?? [];
  };
  /** A price on the turbo's tick grid, `share` of its current price. */
  const priceAt = (share: number) => {
    const reference = referencePrice(stage.world.sandbox.sandbox.ctx.market.quote(turbo.id));
    if (reference === undefined) throw new Error(`${turbo.id} has no price in the sandbox.`);
    return checkTick(turbo, reference * share).below;
  };
  const problem = (field: string) => pane.locator(`#ticket-${field}-problem`).innerText();
  const chooseTurbo = async () => {
    await pane.fill("#ticket-instrument", turbo.isincode!);
    await pane.locator(`[data-instrument-id='${turbo.id}']`).click();
    await pane.locator("#ticket-chosen").waitFor();
  };
  /** The ticket ready for a new order of the turbo, whatever the test before left. */
  const freshTicket = async () => {
    await pane.click("#tab-ticket");
    if (await pane.locator("#ticket-new-order").count()) await pane.click("#ticket-new-order");
    if (!(await pane.locator("#ticket-chosen").count())) await chooseTurbo();
  };
  /**
   * The id of the focused element once the focus has reached `expected`, or after 10 s whatever has it: the ticket
   * moves the focus to the first field with a problem in an effect that runs after the problems are shown, and the
   * focus may already sit in another field (Enter in the quantity) before that.
   */
  const focusedField = async (expected: string) => {
    await pane.waitForFunction((id) => document.activeElement?.id === id, expected, { timeout: 10_000 }).catch(() => undefined);
    return pane.evaluate(() => document.activeElement?.id);
  };
  const orderPosts = () => posts.filter((path) => /\/orders/.test(path));
  /** Placements leave the page for the broker's order relay (or, without one, for the API itself). */
  const placementPosts = () => posts.filter((path) => path === `/auth/orders/${JANSEN}` || path.endsWith(`/accounts/${JANSEN}/orders`));

  it("shows a specific message next to every field with bad input, moves the focus to the first, and sends nothing", async () => {
    await pane.fill("#ticket-instrument", "Zzyzx Nonexistent Holding");
    await pane.fill("#ticket-quantity", "-3");
    await pane.selectOption("#ticket-type", "stopLimit");
    await pane.fill("#ticket-limitPrice", "abc");
    await pane.fill("#ticket-stopPrice", "0");
    await pane.selectOption("#ticket-duration", "goodTillDate");
    await pane.fill("#ticket-expirationDate", "2020-01-02");
    await pane.click("#ticket-preview-button");
    await pane.locator("#ticket-quantity-problem").waitFor();
    expect(await problem("instrument")).toBe("Geen fonds gevonden voor 'Zzyzx Nonexistent Holding'.");
    expect(await problem("quantity")).toBe("-3: moet groter zijn dan 0.");
    expect(await problem("limitPrice")).toBe("'abc' is geen getal.");
    expect(await problem("stopPrice")).toBe("0: moet groter zijn dan 0.");
    expect(await problem("expirationDate")).toMatch(/^2020-01-02 ligt in het verleden: geef vandaag \(\d{4}-\d{2}-\d{2}\) of later\.$/);
    expect(await focusedField("ticket-instrument")).toBe("ticket-instrument");

    // The instrument right, its prices off the tick grid or too large, a broken quantity; Enter previews.
    await chooseTurbo();
    const offTick = (priceAt(0.9) + checkTick(turbo, priceAt(0.9)).size / 3).toFixed(8).replace(/0+$/, "");
    await pane.fill("#ticket-limitPrice", offTick);
    await pane.fill("#ticket-stopPrice", "2000000");
    await pane.selectOption("#ticket-duration", "day");
    await pane.fill("#ticket-quantity", "1.5");
    await pane.press("#ticket-quantity", "Enter");
    await pane.locator("#ticket-limitPrice-problem").waitFor();
    expect(await problem("quantity")).toBe("1.5: geef een heel getal.");
    const tick = checkTick(turbo, Number(offTick));
    expect(await problem("limitPrice")).toBe(`${Number(offTick)} past niet bij de stapgrootte ${tick.size}${tick.from > 0 ? ` voor koersen vanaf ${tick.from}` : ""}: gebruik ${tick.below} of ${tick.above}.`);
    expect(await problem("stopPrice")).toBe("2000000 is te groot: hoogstens 1000000.");
    expect(await pane.locator("#ticket-instrument-problem").count()).toBe(0);
    expect(await focusedField("ticket-quantity")).toBe("ticket-quantity");
    expect(orderPosts()).toEqual([]);
  }, 120_000);

  it("previews with the warning to accept, the costs and the KID; a double click on Confirm places exactly one order, then follows its fill", async () => {
    const before = await sandboxOrders();
    await pane.selectOption("#ticket-type", "market");
    await pane.fill("#ticket-quantity", "3");
    expect(await pane.locator("#ticket-limitPrice").count()).toBe(0);
    expect(await pane.locator("#ticket-last").innerText()).toMatch(/^\d/);
    await pane.click("#ticket-preview-button");
    await pane.locator("#ticket-preview").waitFor();
    expect(placementPosts()).toEqual([]);

    const toAccept = await pane.locator("#ticket-warnings-confirm label").allInnerTexts();
    expect(toAccept.some((warning) => warning.includes(turbo.name))).toBe(true);
    expect(await pane.locator("#ticket-confirm").isDisabled()).toBe(true);
    expect(await pane.locator("#ticket-costs-total").innerText()).toMatch(/^€\s?\d+,\d{2}$/);
    expect(await pane.locator("#ticket-costs li li").count()).toBeGreaterThan(0);

    const opened = stage.browser.context.waitForEvent("page");
    await pane.click("#ticket-kid-0");
    const kid = await opened;
    expect(kid.url()).toMatch(/^blob:/);
    await kid.close();

    for (let index = 0; index < toAccept.length; index++) await pane.click(`#ticket-accept-${index}`);
    await pane.locator("#ticket-confirm:not([disabled])").waitFor();
    await pane.dblclick("#ticket-confirm");
    await pane.locator("#ticket-order-number").waitFor();
    const orderNumber = Number(await pane.locator("#ticket-order-number").getAttribute("data-order-number"));
    expect(await pane.locator("#ticket-order-number").innerText()).toBe(`Order ${orderNumber} geplaatst.`);
    await pane.locator("#ticket-order-status[data-status='executed']").waitFor({ timeout: 30_000 });

    const after = await sandboxOrders();
    const placed = after.filter((order) => !before.some((old) => old.number === order.number));
    expect(placed.map((order) => order.number)).toEqual([orderNumber]);
    expect(placementPosts()).toHaveLength(1);
    expect(await pane.locator("#ticket-confirm").isDisabled()).toBe(true);
  }, 120_000);

  it("lists the open order live, changes its limit through its own preview, and cancels it after a confirmation", async () => {
    await freshTicket();
    await pane.selectOption("#ticket-type", "limit");
    await pane.fill("#ticket-quantity", "2");
    const far = priceAt(0.8);
    await pane.fill("#ticket-limitPrice", String(far));
    await pane.click("#ticket-preview-button");
    await pane.locator("#ticket-preview").waitFor();
    const warnings = await pane.locator("#ticket-warnings-confirm label").count();
    for (let index = 0; index < warnings; index++) await pane.click(`#ticket-accept-${index}`);
    await pane.click("#ticket-confirm");
    await pane.locator("#ticket-order-number").waitFor();
    const orderNumber = Number(await pane.locator("#ticket-order-number").getAttribute("data-order-number"));

    await pane.click("#tab-orders");
    const row = pane.locator(`#open-orders tr[data-order-number='${orderNumber}']`);
    await row.waitFor();
    await pane.click(`#order-${orderNumber}-modify`);
    const lower = priceAt(0.75);
    await pane.fill(`#modify-${orderNumber}-limit`, String(lower));
    await pane.click(`#modify-${orderNumber}-preview`);
    await pane.locator(`#modify-${orderNumber}-confirm`).waitFor();
    const modifyWarnings = await pane.locator(`[id^='modify-${orderNumber}-accept-']`).count();
    for (let index = 0; index < modifyWarnings; index++) await pane.click(`#modify-${orderNumber}-accept-${index}`);
    await pane.click(`#modify-${orderNumber}-confirm`);
    await pane.locator("#open-orders-notice").waitFor();
    expect(await pane.locator("#open-orders-notice").innerText()).toBe(`Order ${orderNumber}: nieuwe limiet verstuurd.`);
    await pane.waitForFunction(([number, limit]) => {
      const cell = document.querySelector(`#open-orders tr[data-order-number='${number}'] .order-limit`);
      return cell?.textContent === limit;
    }, [orderNumber, new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 6 }).format(lower)] as const, { timeout: 30_000 });
    expect((await sandboxOrders()).find((order) => order.number === orderNumber)?.limitPrice).toBe(lower);

    await pane.click(`#order-${orderNumber}-cancel`);
    expect(await pane.locator("#cancel-confirmation").innerText()).toContain(`Order ${orderNumber} annuleren?`);
    await pane.click("#cancel-yes");
    await row.waitFor({ state: "detached", timeout: 30_000 });
    expect((await sandboxOrders()).find((order) => order.number === orderNumber)?.lastStatus).toBe("canceled");
  }, 120_000);

  it("finds an order whose answer was lost by its referenceId and says so: exactly one order, never placed again", async () => {
    await freshTicket();
    await pane.selectOption("#ticket-type", "limit");
    await pane.fill("#ticket-quantity", "1");
    await pane.fill("#ticket-limitPrice", String(priceAt(0.8)));
    await pane.click("#ticket-preview-button");
    await pane.locator("#ticket-preview").waitFor();
    const warnings = await pane.locator("#ticket-warnings-confirm label").count();
    for (let index = 0; index < warnings; index++) await pane.click(`#ticket-accept-${index}`);
    const before = await sandboxOrders();
    const placements = placementPosts().length;
    expect((await stage.world.sandbox.control("orders/drop-next-response")).status).toBe(200);
    await pane.click("#ticket-confirm");
    await pane.locator("#ticket-order-number").waitFor({ timeout: 30_000 });
    const orderNumber = Number(await pane.locator("#ticket-order-number").getAttribute("data-order-number"));
    const placed = (await sandboxOrders()).filter((order) => !before.some((old) => old.number === order.number));
    expect(placed.map((order) => order.number)).toEqual([orderNumber]);
    expect(await pane.locator("#ticket-placed").innerText()).toContain("Het antwoord ging onderweg verloren, maar de order is bij Binck gevonden.");
    expect(placementPosts()).toHaveLength(placements + 1);
  }, 120_000);

  it("keeps the journal for the workbook: a taskpane opened again shows the orders placed", async () => {
    const again = await openHost(stage.browser, stage.world.broker.url, "Orders");
    await again.pane.locator("#accounts").waitFor();
    await again.pane.click("#tab-journal");
    await again.pane.locator("#journal").waitFor();
    const rows = await again.pane.locator("#journal tbody tr").evaluateAll((all) => all.map((row) => row.getAttribute("data-result")));
    expect(rows.filter((result) => result === "placed" || result === "cancelled" || result === "modified").length).toBeGreaterThanOrEqual(2);
    expect(await again.pane.locator("#journal tbody tr").first().innerText()).toContain(JANSEN);
    await again.page.close();
  }, 120_000);

  it("is disabled with the reason for an account that cannot trade, and for a read-only session", async () => {
    await pane.click("#tab-account");
    await pane.locator(`[data-account='${SAVINGS}']`).click();
    await pane.click("#tab-ticket");
    await pane.locator("#ticket-disabled").waitFor();
    expect(await pane.locator("#ticket-disabled").innerText()).toBe("Orders invoeren kan niet: met deze rekening kunt u niet handelen. Kies een beleggingsrekening.");
    expect(await pane.locator("#ticket-preview-button").isDisabled()).toBe(true);
    expect(await pane.locator("#ticket-quantity").isDisabled()).toBe(true);
    await pane.click("#tab-account");
    await pane.locator(`[data-account='${JANSEN}']`).click();

    await pane.click("#sign-out");
    await signInThroughPopup(stage.browser, pane, { sms: "skip" });
    await pane.locator("#read-only").waitFor();
    await pane.click("#tab-ticket");
    await pane.locator("#ticket-disabled").waitFor();
    await pane.waitForFunction(() => document.querySelector("#ticket-disabled")?.textContent?.includes("zonder sms-code"));
    expect(await pane.locator("#ticket-disabled").innerText()).toBe(
      "Orders invoeren kan niet: u bent zonder sms-code ingelogd, deze sessie kan alleen kijken. Log uit en log in met de sms-code om te handelen.");
    expect(await pane.locator("#ticket-preview-button").isDisabled()).toBe(true);
    expect(await pane.locator("#ticket-instrument").isDisabled()).toBe(true);
  }, 120_000);
});
