import { ManualClock } from "../../../src/core/clock";
import { OrderRelay, type RelayAnswer } from "../../../server/broker/order-relay";
import type { RelayedPlacement } from "../../../server/broker/order-relay-body";

const placement = (referenceId: string, accountNumber = "190300007"): RelayedPlacement =>
  ({ accountNumber, referenceId, body: { type: "market", quantity: 1, duration: "day", referenceId } });

/** A relay over a fake Binck whose answers the test releases one by one. */
function relay(policy = { keepAnswersMs: 60_000, maxEntries: 3 }) {
  const clock = new ManualClock();
  const sent: { url: string; authorization: string | null; body: string }[] = [];
  const pending: Array<(response: Response) => void> = [];
  const log: string[] = [];
  const relayed = new OrderRelay({
    apiBase: "https://api.test/api/v1",
    fetch: (url, init) => {
      sent.push({ url, authorization: new Headers(init?.headers).get("Authorization"), body: String(init?.body) });
      return new Promise<Response>((resolve) => pending.push(resolve));
    },
    now: () => clock.now(),
    log: (level, message) => log.push(`${level} ${message}`),
    policy,
  });
  const answerNext = (status = 201) => pending.shift()!(new Response(JSON.stringify({ n: sent.length }), { status, headers: { "Content-Type": "application/json" } }));
  return { relayed, sent, clock, log, answerNext };
}

describe("OrderRelay: each referenceId sent once", () => {
  it("shares the answer in flight and the stored one, per token, account and referenceId", async () => {
    const { relayed, sent, answerNext, log } = relay();
    const first = relayed.place("token-a", placement("r1"));
    const repeat = relayed.place("token-a", placement("r1"));
    expect(repeat).toBe(first);
    expect(sent).toEqual([{ url: "https://api.test/api/v1/accounts/190300007/orders", authorization: "Bearer token-a", body: JSON.stringify(placement("r1").body) }]);
    answerNext();
    const answer: RelayAnswer = await first;
    expect(answer).toEqual({ status: 201, contentType: "application/json", body: "{\"n\":1}" });
    expect(await relayed.place("token-a", placement("r1"))).toBe(answer);
    // Another token (a renewed one after a 401, or another session) or another account is another placement.
    void relayed.place("token-b", placement("r1"));
    void relayed.place("token-a", placement("r1", "190300008"));
    expect(sent.map((call) => `${call.authorization} ${call.url}`)).toEqual([
      "Bearer token-a https://api.test/api/v1/accounts/190300007/orders",
      "Bearer token-b https://api.test/api/v1/accounts/190300007/orders",
      "Bearer token-a https://api.test/api/v1/accounts/190300008/orders"]);
    expect(log.join("\n")).not.toContain("token-a");
    expect(log.filter((line) => line.includes("not sent to Binck again"))).toHaveLength(2);
  });

  it("forgets an answer keepAnswersMs after it came, and the oldest answered ones beyond maxEntries", async () => {
    const { relayed, sent, clock, answerNext } = relay({ keepAnswersMs: 60_000, maxEntries: 2 });
    const first = relayed.place("t", placement("r1"));
    answerNext();
    await first;
    clock.advance(59_999);
    await relayed.place("t", placement("r1"));
    expect(sent).toHaveLength(1);
    clock.advance(1);
    void relayed.place("t", placement("r1"));
    expect(sent).toHaveLength(2);
    answerNext();
    await relayed.place("t", placement("r1"));
    const second = relayed.place("t", placement("r2"));
    answerNext();
    await second;
    expect(relayed.size()).toBe(2);
    // A third placement pushes out the oldest answered one (r1); one still in flight is never dropped.
    void relayed.place("t", placement("r3"));
    expect(relayed.size()).toBe(2);
    void relayed.place("t", placement("r2"));
    expect(sent).toHaveLength(4);
    void relayed.place("t", placement("r1"));
    expect(sent).toHaveLength(5);
  });
});
