import type { Clock } from "../../src/core/clock";
import type { Logger, LogLevel } from "../../src/core/log";
import { QuoteStore, type QuoteWatchUpdate } from "../../src/core/quotes/quote-store";
import type { HubLink, HubLinkFactory } from "../../src/core/stream/hub-link";
import { RealtimeSession } from "../../src/core/stream/realtime-session";
import { signalRHubLinks } from "../../src/core/stream/signalr-hub-link";
import type { StreamPolicy } from "../../src/core/stream/stream-policy";
import { SandboxTokenSource } from "../fakes/sandbox-token-source";
import type { TestSandbox } from "../support/sandbox";
import { JANSEN_TRADING } from "./realtime-helpers";

/** Log lines kept instead of printed. */
export class KeptLog implements Logger {
  readonly lines: string[] = [];
  log(level: LogLevel, message: string): void {
    this.lines.push(`${level}: ${message}`);
  }
}

/** The official client's links, with every link made and every hub call counted. */
export function countedLinks(logger: Logger): { factory: HubLinkFactory; made: HubLink[]; calls: Array<{ method: string; args: unknown[] }> } {
  const made: HubLink[] = [];
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const real = signalRHubLinks(logger);
  const factory: HubLinkFactory = (options) => {
    const link = real(options);
    made.push(link);
    return {
      start: () => link.start(),
      stop: () => link.stop(),
      on: (event, handler) => link.on(event, handler),
      onclose: (handler) => link.onclose(handler),
      invoke: (method, ...args) => {
        calls.push({ method, args });
        return link.invoke(method, ...args);
      },
    };
  };
  return { factory, made, calls };
}

/** Everything a watch was told, as text: "lst 600" for a state, the message for a condition. */
export class SeenUpdates {
  readonly seen: string[] = [];
  readonly listener = (update: QuoteWatchUpdate) => {
    this.seen.push(update.kind === "quote" ? `lst ${update.quote.values.get("lst")?.price}` : update.condition.message);
  };
  get last(): string | undefined {
    return this.seen[this.seen.length - 1];
  }
}

export interface StreamRig {
  tokens: SandboxTokenSource;
  feed: RealtimeSession;
  store: QuoteStore;
  links: ReturnType<typeof countedLinks>;
  log: KeptLog;
}

/** A realtime session and quote store of the add-in, signed in to the sandbox as jansen (or with `tokens`). */
export async function streamRig(sandbox: TestSandbox, clock: Clock, policy: Partial<StreamPolicy>, tokens?: SandboxTokenSource): Promise<StreamRig> {
  const log = new KeptLog();
  const links = countedLinks(log);
  const source = tokens ?? (await SandboxTokenSource.signIn(sandbox));
  const feed = new RealtimeSession({
    links: links.factory, hubUrl: `${sandbox.urls.realtime}/stream/v1`, accountNumber: () => JANSEN_TRADING, tokens: source, clock, logger: log, policy,
  });
  return { tokens: source, feed, store: new QuoteStore(feed, log), links, log };
}
