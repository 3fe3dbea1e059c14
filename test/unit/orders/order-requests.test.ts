import { ManualClock } from "../../../src/core/clock";
import { BinckRestClient, type FetchLike } from "../../../src/core/rest/client";
import { OrderRequests } from "../../../src/core/rest/order-requests";
import { RequestBudget } from "../../../src/core/rest/request-budget";
import type { TokenSource } from "../../../src/core/session/token-source";
import type { NewOrderModel } from "../../../src/core/wire/models";

const TOKENS: TokenSource = { getAccessToken: () => "token", renewAfterRejection: async () => false, noteActivity: () => undefined, onTokenRefreshed: () => () => undefined };
const ORDER: NewOrderModel = { type: "market", quantity: 1, duration: "day", cash: { side: "buy", instrumentId: "iNg01" }, validationCode: "v", referenceId: "xl-1" };

function client(answer: (url: string, method: string, body?: string) => Response | Promise<Response>, maxRequestsPerWindow = 40, orderRelay?: string) {
  const clock = new ManualClock();
  const seen: { method: string; url: string; body?: string; accept?: string | null }[] = [];
  const fetchFn: FetchLike = async (url, init) => {
    seen.push({ method: init?.method ?? "GET", url, body: init?.body, accept: new Headers(init?.headers).get("Accept") });
    return answer(url, init?.method ?? "GET", init?.body);
  };
  const budget = new RequestBudget(clock, { maxRequestsPerWindow });
  const rest = new BinckRestClient("https://api.test/api/v1", TOKENS, fetchFn, undefined, budget);
  return { requests: new OrderRequests(rest, orderRelay), seen, budget, clock };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

describe("OrderRequests: the order operations on the wire", () => {
  it("sends each operation to its swagger path and method, through the budget, and reads its answer", async () => {
    const order = { number: 5, instrument: { id: "iNg01", name: "ING" }, type: "market", currency: "EUR", duration: "day", quantity: 1, lastStatus: "placed", lastStatusDateTime: "t" };
    const { requests, seen, budget } = client((url, method) => {
      if (url.endsWith("/orders/preview") || url.endsWith("/orders/5/preview")) return json({ previewOrder: { orderCanBeRegistered: true, warningsToBeShown: [], warningsToBeConfirmed: [] } });
      if (url.endsWith("/orders/costs")) return json({ costsCollection: { legs: [] } });
      if (url.includes("/kid/")) return new Response(new Uint8Array([37, 80, 68, 70]), { status: 200, headers: { "Content-Type": "application/pdf" } });
      if (url.includes("/kid")) return json({ kidCollection: { kids: [{ name: "KID", kidId: "k 1" }] } });
      return json({ ordersCollection: { orders: [order] } }, method === "POST" ? 201 : 200);
    });
    await requests.previewOrder("111", ORDER);
    await requests.previewOrderCosts("111", ORDER);
    expect(await requests.registerOrder("111", ORDER)).toEqual([order]);
    await requests.previewModifyOrder("111", { orderNumber: 5, limitPrice: 12 });
    await requests.modifyOrder("111", { orderNumber: 5, limitPrice: 12, validationCode: "m" });
    await requests.cancelOrder("111", 5);
    await requests.getOrder("111", 5);
    await requests.getHistoricalOrders("111", 2026, 1);
    expect(await requests.searchKidDocuments("111", "iNg01")).toEqual([{ name: "KID", kidId: "k 1" }]);
    const kid = await requests.readKidDocument("111", "iNg01", "k 1");
    expect([kid.contentType, [...new Uint8Array(kid.bytes)]]).toEqual(["application/pdf", [37, 80, 68, 70]]);
    const base = "https://api.test/api/v1";
    expect(seen.map((request) => `${request.method} ${request.url.replace(base, "")}`)).toEqual([
      "POST /accounts/111/orders/preview", "POST /accounts/111/orders/costs", "POST /accounts/111/orders", "POST /accounts/111/orders/5/preview",
      "PATCH /accounts/111/orders/5", "DELETE /accounts/111/orders/5", "GET /accounts/111/orders/5",
      "GET /accounts/111/orders/history?year=2026&month=1&range=0-99",
      "GET /instruments/iNg01/kid?accountNumber=111", "GET /instruments/iNg01/kid/k%201?accountNumber=111",
    ]);
    // The costs go without the validationCode, as the official demo sends them.
    expect(JSON.parse(seen[1].body!)).toEqual({ type: "market", quantity: 1, duration: "day", cash: { side: "buy", instrumentId: "iNg01" }, referenceId: "xl-1" });
    expect(JSON.parse(seen[2].body!)).toEqual(ORDER);
    expect(seen[9].accept).toBe("application/pdf, attachment/PDF, */*");
    expect(budget.figures().sent).toBe(10);
  });

  it("never repeats a placement after a network failure (a GET is repeated)", async () => {
    let calls = 0;
    const { requests, clock } = client(() => {
      calls++;
      throw new TypeError("fetch failed");
    });
    await expect(requests.registerOrder("111", ORDER)).rejects.toMatchObject({ code: "network" });
    expect(calls).toBe(1);
    const reading = requests.getOrder("111", 5).catch((error: unknown) => error);
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(60_000);
    }
    expect(await reading).toMatchObject({ code: "network" });
    expect(calls).toBe(1 + 3);
  });

  it("tells when a placement leaves: after its wait for room in the budget", async () => {
    const created = json({ ordersCollection: { orders: [] } }, 201);
    const { requests, clock, seen } = client(() => created.clone(), 1);
    await requests.registerOrder("111", ORDER);
    const sentAt: number[] = [];
    const second = requests.registerOrder("111", { ...ORDER, referenceId: "xl-2" }, () => sentAt.push(clock.now()));
    await new Promise((resolve) => setImmediate(resolve));
    expect([sentAt, seen.length]).toEqual([[], 1]);
    const heldAt = clock.now();
    clock.advance(60_000);
    await second;
    expect([sentAt.length, seen.length]).toEqual([1, 2]);
    expect(sentAt[0]).toBeGreaterThan(heldAt);
  });

  it("a 5xx without a body is a lost answer (network); a 422 is Binck's refusal with its endUserMessage", async () => {
    const lost = client(() => new Response("", { status: 502, statusText: "Bad Gateway" }));
    await expect(lost.requests.registerOrder("111", ORDER)).rejects.toMatchObject({
      code: "network", status: 502, endUserMessage: "Binck's answer to this order was lost.", developerMessage: "POST orders answered 502 without a body: the answer is lost",
    });
    const refused = client(() => json({ errorId: "orderNotValid", endUserMessage: "Ordre refusé.", developerMessage: "spending limit", errorCode: "x" }, 422));
    await expect(refused.requests.registerOrder("111", ORDER)).rejects.toMatchObject({ code: "api", status: 422, endUserMessage: "Ordre refusé." });
  });

  it("places through the broker's order relay when the deployment names one, with the token, as a user action in the budget", async () => {
    const order = { number: 7, referenceId: "xl-1" };
    const { requests, seen, budget } = client(() => json({ ordersCollection: { orders: [order] } }, 201), 40, "https://addin.test/auth/orders");
    expect(await requests.registerOrder("111", ORDER)).toEqual([order]);
    await requests.previewOrder("111", ORDER).catch(() => undefined);
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      "POST https://addin.test/auth/orders/111", "POST https://api.test/api/v1/accounts/111/orders/preview"]);
    expect(JSON.parse(seen[0].body!)).toEqual(ORDER);
    expect(budget.figures().sent).toBe(2);
  });

  it("reads the relay's answerLost as a lost answer (network), and its other refusals as refusals", async () => {
    const lost = { errorCode: "answerLost", endUserMessage: "Binck's answer to this order was lost. The add-in looks the order up before anything else.", developerMessage: "POST … closed" };
    const relayed = (body: unknown, status: number) => client(() => json(body, status), 40, "https://addin.test/auth/orders").requests;
    await expect(relayed(lost, 502).registerOrder("111", ORDER)).rejects.toMatchObject({
      code: "network", status: 502, endUserMessage: lost.endUserMessage, developerMessage: "POST orders (order relay) answered 502: POST … closed",
    });
    const invalid = { errorCode: "invalidRequest", endUserMessage: "The order was not sent: quantity", developerMessage: "quantity \"1\" must be a number." };
    await expect(relayed(invalid, 400).registerOrder("111", ORDER)).rejects.toMatchObject({
      code: "api", status: 400, endUserMessage: invalid.endUserMessage, developerMessage: "POST orders (order relay) answered 400: quantity \"1\" must be a number.",
    });
  });
});
