import { ManualClock } from "../../../src/core/clock";
import type { NewsMessage } from "../../../src/core/wire/realtime";
import { SandboxEvents } from "../../../server/sandbox/events";
import { NewsDesk } from "../../../server/sandbox/market/news-desk";
import { SimulatedMarket } from "../../../server/sandbox/market/simulated-market";

describe("NewsDesk", () => {
  const setup = (periodMs = 60_000) => {
    const clock = new ManualClock();
    const events = new SandboxEvents();
    const market = new SimulatedMarket({ clock, seed: 7, ticksPerSecond: 0 });
    const desk = new NewsDesk({ clock, seed: 7, events, market, periodMs });
    const heard: Array<{ subscriptions: string[]; message: NewsMessage }> = [];
    events.on("news", (payload) => heard.push(payload));
    return { clock, desk, heard, market };
  };

  it("has a month of seeded history per culture, newest first, headline-only items without body", () => {
    const { clock, desk, market } = setup();
    const items = desk.items("binckNl", clock.now() - 31 * 86_400_000, clock.now());
    expect(items.length).toBeGreaterThan(250);
    expect(items.every((item) => item.culture === "nl-NL")).toBe(true);
    expect(items[0].publishedMs).toBeGreaterThan(items[1].publishedMs);
    expect(items.filter((item) => item.headline.startsWith("*")).every((item) => item.body === undefined)).toBe(true);
    expect(items.filter((item) => !item.headline.startsWith("*")).every((item) => typeof item.body === "string")).toBe(true);
    const about = items.find((item) => item.instrumentIds.length > 0)!;
    expect(market.catalogue.get(about.instrumentIds[0])!.model.marketIdentificationCode).toBe("XAMS");
    expect(desk.items("binckIt", 0, clock.now())[0].culture).toBe("it-IT");
    expect(desk.items("binckFrBe", 0, clock.now())[0].culture).toBe("fr-BE");
  });

  it("is reproducible for a seed", () => {
    const a = setup();
    const b = setup();
    expect(b.desk.items("binckFr", 0, b.clock.now())).toEqual(a.desk.items("binckFr", 0, a.clock.now()));
  });

  it("publishes a new item per culture every period as a short-key news event", () => {
    const { clock, desk, heard } = setup(60_000);
    clock.advance(60_000);
    expect(heard.map((event) => event.subscriptions)).toEqual([["binckNl", "binckNlPro"], ["binckNlBe"], ["binckFrBe"], ["binckFr"], ["binckIt"]]);
    const message = heard[0].message;
    expect(message).toEqual(expect.objectContaining({ cul: "nl-NL", dt: new Date(clock.now()).toISOString(), fmt: expect.stringMatching(/^(plain|html)$/) }));
    expect(typeof message.head).toBe("string");
    expect(desk.items("binckNlPro", clock.now(), clock.now())[0].headline).toBe(message.head);
    desk.stop();
    clock.advance(120_000);
    expect(heard).toHaveLength(5);
  });
});
