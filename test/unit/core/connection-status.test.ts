import { ManualClock } from "../../../src/core/clock";
import { AvailabilityMonitor } from "../../../src/core/connection/availability-monitor";
import { ConnectionStatus, type ConnectionState, type Reachability } from "../../../src/core/connection/connection-status";

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("ConnectionStatus", () => {
  it("says online only while the answer behind it is fresh, and tells its listeners when that lapses", () => {
    const clock = new ManualClock(1_000);
    const status = new ConnectionStatus({ clock, freshForMs: 60_000 });
    const heard: ConnectionState["api"][] = [];
    status.onChange((state) => heard.push(state.api));
    expect(status.current()).toMatchObject({ api: "unknown", feed: "stopped" });
    status.reportApi("online");
    clock.advance(59_999);
    expect(status.current()).toMatchObject({ api: "online", apiCheckedAtMs: 1_000 });
    clock.advance(1);
    expect(status.current()).toMatchObject({ api: "unknown", apiCheckedAtMs: 1_000 });
    expect(heard).toEqual(["online", "unknown"]);
  });

  it("keeps maintenance and offline until something else is learnt (they are not vouched for by freshness)", () => {
    const clock = new ManualClock(0);
    const status = new ConnectionStatus({ clock, freshForMs: 10 });
    status.reportApi("maintenance");
    clock.advance(3_600_000);
    expect(status.current().api).toBe("maintenance");
  });

  it("covers the feed beside the API, and reports a feed change once", () => {
    const clock = new ManualClock(5);
    const status = new ConnectionStatus({ clock });
    const heard: string[] = [];
    status.onChange((state) => heard.push(`${state.feed}:${state.feedMessage ?? ""}`));
    status.reportFeed("connecting");
    status.reportFeed("connecting");
    clock.advance(10);
    status.reportFeed("reconnecting", "connection lost since 09:00:00");
    expect(heard).toEqual(["connecting:", "reconnecting:connection lost since 09:00:00"]);
    expect(status.current()).toMatchObject({ feed: "reconnecting", feedChangedAtMs: 15, feedMessage: "connection lost since 09:00:00" });
  });
});

describe("AvailabilityMonitor", () => {
  function setup(answers: Array<Exclude<Reachability, "unknown"> | Error>) {
    const clock = new ManualClock(0);
    const connection = new ConnectionStatus({ clock });
    let probes = 0;
    const monitor = new AvailabilityMonitor({
      connection,
      clock,
      intervalMs: 3_000,
      probe: async () => {
        probes++;
        const answer = answers.shift() ?? "online";
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });
    return { clock, connection, monitor, probes: () => probes };
  }

  it("polls while Binck is in maintenance, stops when it answers, and announces that it is back", async () => {
    const { clock, connection, monitor, probes } = setup(["maintenance", "maintenance", "online"]);
    let back = 0;
    monitor.onBack(() => back++);
    connection.reportApi("maintenance");
    clock.advance(2_999);
    expect(probes()).toBe(0);
    for (let i = 0; i < 3; i++) {
      clock.advance(3_000);
      await settle();
    }
    expect(probes()).toBe(3);
    expect(connection.current().api).toBe("online");
    expect(back).toBe(1);
    clock.advance(60_000);
    await settle();
    expect(probes()).toBe(3);
  });

  it("checks at once when asked, and counts a failing probe as unreachable", async () => {
    const { clock, connection, monitor, probes } = setup([new Error("connect ECONNREFUSED")]);
    monitor.check();
    clock.advance(0);
    await settle();
    expect(probes()).toBe(1);
    expect(connection.current().api).toBe("offline");
  });

  it("does not tell of a return when Binck was never down", async () => {
    const { connection, monitor } = setup([]);
    let back = 0;
    monitor.onBack(() => back++);
    connection.reportApi("online");
    connection.reportApi("online");
    expect(back).toBe(0);
  });
});
