import { every, type Clock, type TimerHandle } from "../../../src/core/clock";
import type { Logger } from "../../shared/logger";
import { HubError } from "./hub-error";
import type { HubTransport } from "./hub-transport";
import { nodeFlushScheduler, Outbox } from "./outbox";
import {
  MessageType, PING_RECORD, parseClientMessage, parseHandshake, splitRecords,
  writeClose, writeCompletion, writeHandshakeResponse, writeInvocation,
} from "./protocol";
import type { QuoteMessage } from "../../../src/core/wire/realtime";
import type { RealtimeOptions } from "./realtime-options";

/** What a hub method returns: a result (absent for void) and work to do once the completion is queued. */
export interface HubOutcome {
  result?: unknown;
  /** Runs after the completion is queued, so e.g. a `qi` snapshot follows the SubscribeQuotes answer. */
  after?: () => void;
}

/** Runs hub methods; throws HubError for an answer the client should read. */
export type HubInvoker = (target: string, args: readonly unknown[]) => HubOutcome;

export interface HubConnectionDeps {
  readonly connectionId: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly options: RealtimeOptions;
  /** Called once, when the connection has closed for whatever reason. */
  readonly onClosed: (connection: HubConnection) => void;
}

type State = "handshaking" | "open" | "closed";

/**
 * One SignalR connection over one transport (WebSockets, Server-Sent Events or long polling): handshake, records in
 * and out, keep-alive pings, client timeout and close. Knows the protocol, not the Binck methods (those come in
 * through `setInvoker`) nor how bytes travel (the HubTransport), so every transport behaves the same.
 */
export class HubConnection {
  private state: State = "handshaking";
  private received = "";
  private lastReceivedAtMs: number;
  private invoker: HubInvoker = (target) => {
    throw new HubError(`The hub is not ready to run '${target}'.`);
  };
  private readonly outbox: Outbox;
  private handshakeTimer?: TimerHandle;
  private clientTimeoutTimer?: TimerHandle;
  private stopPinging?: () => void;

  constructor(private readonly transport: HubTransport, private readonly deps: HubConnectionDeps) {
    this.lastReceivedAtMs = deps.clock.now();
    this.outbox = new Outbox(transport, deps.options, (held) => this.cutOffSlowClient(held), nodeFlushScheduler, () => new Date(deps.clock.now()).toISOString());
    transport.listen({ text: (text, bytes) => this.onText(text, bytes), closed: () => this.onTransportClosed() });
    this.handshakeTimer = deps.clock.setTimeout(() => {
      if (this.state === "handshaking") this.close(`No handshake request within ${deps.options.handshakeTimeoutMs} ms.`);
    }, deps.options.handshakeTimeoutMs);
    this.armClientTimeout(deps.options.clientTimeoutMs);
  }

  get id(): string {
    return this.deps.connectionId;
  }

  get isOpen(): boolean {
    return this.state !== "closed";
  }

  setInvoker(invoker: HubInvoker): void {
    this.invoker = invoker;
  }

  /** A server push: `Quote`, `News`, `OrderStatus`, … */
  push(target: string, payload: unknown): void {
    if (this.state === "open") this.outbox.push(writeInvocation(target, [payload]));
  }

  pushQuote(message: QuoteMessage): void {
    if (this.state === "open") this.outbox.pushQuote(message);
  }

  /** Sends a Close record with this error after what is queued, then closes the transport. */
  close(error?: string, allowReconnect = false): void {
    if (this.state === "closed") return;
    if (this.state === "open") {
      this.outbox.push(writeClose(error, allowReconnect));
      this.outbox.flushNow();
    }
    this.deps.logger.log("info", `Realtime connection ${this.id} closed by the server${error ? `: ${error}` : "."}`);
    this.finish();
    this.transport.close();
  }

  /** Drops the transport without a word, as a network failure would (WebSocket clients see code 1006); clients reconnect. */
  terminate(): void {
    if (this.state === "closed") return;
    this.finish();
    this.transport.terminate();
  }

  private onText(text: string, size: number): void {
    if (this.state === "closed") return;
    if (size + this.received.length > this.deps.options.maxReceiveMessageBytes) {
      return this.close(`The message of ${size + this.received.length} bytes exceeds the maximum of ${this.deps.options.maxReceiveMessageBytes} bytes.`);
    }
    this.lastReceivedAtMs = this.deps.clock.now();
    const { records, rest } = splitRecords(this.received + text);
    this.received = rest;
    for (const record of records) {
      // A record may close the connection (refused handshake, malformed message): the rest is then dropped.
      if (!this.isOpen) return;
      if (this.state === "handshaking") this.onHandshake(record);
      else this.onRecord(record);
    }
  }

  private onHandshake(record: string): void {
    const handshake = parseHandshake(record);
    if (!handshake.ok) {
      this.deps.logger.log("info", `Realtime connection ${this.id}: handshake refused: ${handshake.error}`);
      this.outbox.push(writeHandshakeResponse(handshake.error));
      this.outbox.flushNow();
      this.finish();
      this.transport.close();
      return;
    }
    this.state = "open";
    if (this.handshakeTimer) this.deps.clock.clearTimeout(this.handshakeTimer);
    this.outbox.push(writeHandshakeResponse());
    this.stopPinging = every(this.deps.clock, this.deps.options.keepAliveIntervalMs, () => this.outbox.push(PING_RECORD));
  }

  private onRecord(record: string): void {
    const parsed = parseClientMessage(record);
    if (!parsed.ok) return this.close(parsed.error);
    const message = parsed.value;
    switch (message.type) {
      case MessageType.Invocation:
        return this.onInvocation(message.target, message.arguments, message.invocationId);
      case MessageType.StreamInvocation:
        this.outbox.push(writeCompletion(message.invocationId, { error: `'${message.target}' is not a streaming method: this hub has no streaming methods; use invoke.` }));
        return;
      case MessageType.Ping:
        return;
      case MessageType.Close:
        this.deps.logger.log("debug", `Realtime connection ${this.id}: the client sent Close.`);
        this.finish();
        this.transport.close();
        return;
      case "unknown":
        // Like ASP.NET: a newer peer may send types we do not know; they are skipped, not fatal.
        this.deps.logger.log("warn", `Realtime connection ${this.id}: ignored a message of unknown type ${message.typeNumber}.`);
        return;
      default:
        // StreamItem / Completion / CancelInvocation only make sense for streams, which this hub does not have.
        this.deps.logger.log("debug", `Realtime connection ${this.id}: ignored a message of type ${message.type} (no streams here).`);
    }
  }

  private onInvocation(target: string, args: readonly unknown[], invocationId: string | undefined): void {
    let outcome: HubOutcome;
    try {
      outcome = this.invoker(target, args);
    } catch (error) {
      const message = error instanceof HubError ? error.message : `An unexpected error occurred invoking '${target}' on the server.`;
      if (!(error instanceof HubError)) this.deps.logger.log("error", `Realtime connection ${this.id}: ${target} failed: ${(error as Error)?.stack ?? String(error)}`);
      else this.deps.logger.log("info", `Realtime connection ${this.id}: ${target} answered an error: ${message}`);
      if (invocationId !== undefined && this.state === "open") this.outbox.push(writeCompletion(invocationId, { error: message }));
      return;
    }
    if (invocationId !== undefined && this.state === "open") this.outbox.push(writeCompletion(invocationId, { result: outcome.result }));
    if (this.state === "open") outcome.after?.();
  }

  private armClientTimeout(delayMs: number): void {
    this.clientTimeoutTimer = this.deps.clock.setTimeout(() => {
      if (this.state === "closed") return;
      const silentMs = this.deps.clock.now() - this.lastReceivedAtMs;
      if (silentMs >= this.deps.options.clientTimeoutMs) {
        this.close(`The client sent nothing for ${silentMs} ms (client timeout ${this.deps.options.clientTimeoutMs} ms; the client should ping every 15 s).`);
      } else {
        this.armClientTimeout(this.deps.options.clientTimeoutMs - silentMs);
      }
    }, delayMs);
  }

  private cutOffSlowClient(heldRecords: number): void {
    this.deps.logger.log("warn", `Realtime connection ${this.id} is too slow: ${heldRecords} records held; it is cut off.`);
    this.terminate();
  }

  private onTransportClosed(): void {
    if (this.state !== "closed") {
      this.deps.logger.log("info", `Realtime connection ${this.id}: the client went away (${this.transport.kind} transport closed).`);
      this.finish();
    }
  }

  private finish(): void {
    this.state = "closed";
    this.stopPinging?.();
    if (this.handshakeTimer) this.deps.clock.clearTimeout(this.handshakeTimer);
    if (this.clientTimeoutTimer) this.deps.clock.clearTimeout(this.clientTimeoutTimer);
    this.outbox.close();
    this.deps.onClosed(this);
  }
}
