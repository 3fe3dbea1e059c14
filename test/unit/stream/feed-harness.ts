import { ManualClock } from "../../../src/core/clock";
import type { Logger, LogLevel } from "../../../src/core/log";
import type { FeedState, QuoteSink } from "../../../src/core/stream/feed";
import { RealtimeSession } from "../../../src/core/stream/realtime-session";
import { defaultStreamPolicy, type StreamPolicy } from "../../../src/core/stream/stream-policy";
import type { QuoteMessage } from "../../../src/core/wire/realtime";
import { FakeHubLinks, FakeTokenSource } from "../../fakes/fake-hub-link";

export const ACCOUNT = "190126781";
export const POLICY: StreamPolicy = { ...defaultStreamPolicy, batchWindowMs: 50, reconnectDelaysMs: [0, 1_000, 5_000], gracePeriodMs: 10_000, keepAliveIntervalMs: 600_000 };

/** Lets promise continuations run (the fake link settles calls synchronously; the session awaits them). */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  log(level: LogLevel, message: string): void {
    this.lines.push(`${level}: ${message}`);
  }
}

/** A QuoteSink that keeps what it was told; `conditions` holds each message, "live" for null. */
export class RecordingSink implements QuoteSink {
  readonly quotes: QuoteMessage[] = [];
  readonly conditions: string[] = [];
  resubscriptions = 0;
  quote(message: QuoteMessage): void {
    this.quotes.push(message);
  }
  resubscribing(): void {
    this.resubscriptions++;
  }
  condition(condition: { message: string } | null): void {
    this.conditions.push(condition?.message ?? "live");
  }
  get last(): string | undefined {
    return this.conditions[this.conditions.length - 1];
  }
}

export function feedHarness(policy: Partial<StreamPolicy> = {}) {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  const links = new FakeHubLinks();
  const tokens = new FakeTokenSource();
  const logger = new RecordingLogger();
  const session = new RealtimeSession({
    links: links.factory, hubUrl: "https://realtime.test/stream/v1", accountNumber: () => ACCOUNT, tokens, clock, logger,
    policy: { ...POLICY, ...policy }, random: () => 0.5,
  });
  const states: FeedState[] = [];
  session.onStatusChange((status) => {
    if (states[states.length - 1] !== status.state) states.push(status.state);
  });
  /** Starts the session and accepts the connection. */
  const connect = async () => {
    session.start();
    links.current.accept();
    await settle();
  };
  /** The connection drops and the first reconnect attempt (no delay in POLICY) is accepted. */
  const reconnect = async () => {
    links.current.drop();
    await settle();
    clock.advance(0);
    links.current.accept();
    await settle();
  };
  /** Answers every SubscribeQuotes / UnSubscribeQuotes call as the hub would (success), until none is left. */
  const answerAll = async () => {
    let answered = 0;
    for (;;) {
      await settle();
      const call = links.current.calls.find((pending) => pending.method === "SubscribeQuotes" || pending.method === "UnSubscribeQuotes");
      if (!call) return answered;
      links.current.answer(call.method, { isSucceeded: true, subcount: 0 });
      answered++;
    }
  };
  return { clock, links, tokens, logger, session, states, connect, reconnect, answerAll };
}
