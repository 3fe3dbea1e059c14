import type { HubLink, HubLinkFactory, HubLinkOptions } from "../../src/core/stream/hub-link";
import type { TokenSource } from "../../src/core/session/token-source";
import { BinckError, SIGNED_OUT_MESSAGE } from "../../src/core/errors";

/** One hub call the session made, answered by the test. */
export interface PendingCall {
  method: string;
  args: unknown[];
  resolve(result?: unknown): void;
  reject(error: Error): void;
}

/** A HubLink driven by hand: starts, calls and closes settle only when the test says so. */
export class FakeHubLink implements HubLink {
  readonly calls: PendingCall[] = [];
  readonly handlers = new Map<string, Array<(...args: unknown[]) => void>>();
  private closeHandlers: Array<(error?: Error) => void> = [];
  private startSettle?: { resolve(): void; reject(error: Error): void };
  started = false;
  stopped = false;

  constructor(readonly options: HubLinkOptions) {}

  start(): Promise<void> {
    this.options.accessTokenFactory();
    return new Promise((resolve, reject) => (this.startSettle = { resolve, reject }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }

  invoke(method: string, ...args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => this.calls.push({ method, args, resolve, reject }));
  }

  on(event: string, handler: (...args: unknown[]) => void): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }

  onclose(handler: (error?: Error) => void): void {
    this.closeHandlers.push(handler);
  }

  /** The test accepts (or refuses) the pending start. */
  accept(): void {
    this.started = true;
    this.startSettle?.resolve();
  }

  refuse(error: Error): void {
    this.startSettle?.reject(error);
  }

  /** The server pushes an event. */
  push(event: string, payload: unknown): void {
    for (const handler of this.handlers.get(event) ?? []) handler(payload);
  }

  /** The connection drops: pending calls fail as the official client fails them, then onclose. */
  drop(message = "WebSocket closed with status code: 1006 (no reason given)."): void {
    const error = new Error(message);
    for (const call of this.calls.splice(0)) call.reject(new Error("Invocation canceled due to the underlying connection being closed."));
    for (const handler of this.closeHandlers) handler(error);
  }

  /** Calls not yet answered, of one method. */
  pending(method?: string): PendingCall[] {
    return this.calls.filter((call) => method === undefined || call.method === method);
  }

  /** Answers the oldest pending call of `method` (any when omitted). */
  answer(method: string | undefined, result?: unknown): PendingCall {
    const index = this.calls.findIndex((call) => method === undefined || call.method === method);
    if (index < 0) throw new Error(`No pending ${method ?? ""} call; pending: ${this.calls.map((call) => call.method).join(", ") || "none"}`);
    const [call] = this.calls.splice(index, 1);
    call.resolve(result);
    return call;
  }
}

/** The HubLinkFactory for unit tests: every link it made, newest last. */
export class FakeHubLinks {
  readonly links: FakeHubLink[] = [];
  readonly factory: HubLinkFactory = (options) => {
    const link = new FakeHubLink(options);
    this.links.push(link);
    return link;
  };

  get current(): FakeHubLink {
    const link = this.links[this.links.length - 1];
    if (!link) throw new Error("No hub link was made yet.");
    return link;
  }
}

/** A TokenSource for unit tests: a token that tests can change, end, or refresh. */
export class FakeTokenSource implements TokenSource {
  token: string | undefined = "token-1";
  activity = 0;
  renewals = 0;
  renewAnswer = true;
  private readonly listeners = new Set<(token: string) => void>();

  getAccessToken(): string {
    if (this.token === undefined) throw new BinckError("signInRequired", SIGNED_OUT_MESSAGE, "No access token: signed out.");
    return this.token;
  }

  async renewAfterRejection(): Promise<boolean> {
    this.renewals++;
    return this.renewAnswer;
  }

  noteActivity(): void {
    this.activity++;
  }

  onTokenRefreshed(listener: (accessToken: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  refresh(token: string): void {
    this.token = token;
    for (const listener of this.listeners) listener(token);
  }
}
