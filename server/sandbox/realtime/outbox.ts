import { HubEvent, type QuoteMessage } from "../../../src/core/wire/realtime";
import { writeInvocation } from "./protocol";

/** The part of a WebSocket the outbox needs. */
export interface OutboxSocket {
  readonly bufferedAmount: number;
  send(frame: string): void;
}

/** When to flush: the end of this event-loop turn, or a little later while the socket is congested. */
export interface FlushScheduler {
  nextTurn(callback: () => void): void;
  later(callback: () => void, delayMs: number): void;
}

/**
 * Not business time (no Clock): these only pace I/O. setImmediate runs after the current turn's I/O callbacks,
 * so everything the market and the event bus produce in one turn shares a frame.
 */
export const nodeFlushScheduler: FlushScheduler = {
  nextTurn: (callback) => setImmediate(callback),
  later: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
};

export interface OutboxLimits {
  sendHighWaterMarkBytes: number;
  maxHeldRecords: number;
  congestionRetryMs: number;
}

/** A queued Quote; a held update merged into it replaces `message` with a new one (messages are shared, never changed). */
interface QuoteSlot {
  message: QuoteMessage;
}

/**
 * The record of each Quote message, serialized once around its `sdt` value: quote-subscriptions.ts hands every
 * connection watching an instrument at one level the same message per market batch, and each send stamps its own time.
 */
interface QuoteRecordParts {
  beforeSdt: string;
  afterSdt: string;
}

const quoteRecords = new WeakMap<QuoteMessage, QuoteRecordParts>();

/** `sdt` is "the time of sending packet" (guide.txt; API.md 5.4: clients compute feed delay as now − sdt). */
export type SendTimeStamp = () => string;

/**
 * Everything the hub sends on one connection. Records queued in one turn go out as ONE WebSocket frame: per-frame
 * cost dominates throughput, in Chromium above all (toolchain-probe.md section 7). While the socket's buffer is
 * above the high-water mark nothing is sent; held Quote messages then merge per instrument (the newest item of each
 * `typ` wins), so a slow client gets fresh prices instead of an ever-growing backlog. Other records are never
 * dropped; past `maxHeldRecords` of them the client is cut off through `onOverflow`.
 */
export class Outbox {
  private slots: Array<string | QuoteSlot> = [];
  private readonly heldQuotes = new Map<string, QuoteSlot>();
  private flushScheduled = false;
  private congested = false;
  private closed = false;

  constructor(
    private readonly socket: OutboxSocket,
    private readonly limits: OutboxLimits,
    private readonly onOverflow: (heldRecords: number) => void,
    private readonly scheduler: FlushScheduler = nodeFlushScheduler,
    /** Stamps each frame's Quote messages with the moment it is sent; without it they keep the `sdt` they were made with. */
    private readonly sendTime?: SendTimeStamp,
  ) {}

  /** A serialized record (completion, push, ping, close). */
  push(record: string): void {
    if (this.closed) return;
    this.slots.push(record);
    if (this.congested && this.slots.length - this.heldQuotes.size > this.limits.maxHeldRecords) {
      this.closed = true;
      this.onOverflow(this.slots.length);
      return;
    }
    this.scheduleFlush();
  }

  /** A Quote push; merged into a held one of the same instrument while congested. */
  pushQuote(message: QuoteMessage): void {
    if (this.closed) return;
    const held = this.congested ? this.heldQuotes.get(message.id) : undefined;
    if (held) {
      mergeInto(held, message);
      return;
    }
    const slot: QuoteSlot = { message };
    this.slots.push(slot);
    if (this.congested) this.heldQuotes.set(message.id, slot);
    this.scheduleFlush();
  }

  /** Sends what is held right now if the socket takes it (before a close record, say). */
  flushNow(): void {
    this.flushScheduled = false;
    if (this.closed || this.slots.length === 0) return;
    if (this.socket.bufferedAmount > this.limits.sendHighWaterMarkBytes) {
      if (!this.congested) {
        this.congested = true;
        for (const slot of this.slots) if (typeof slot !== "string") this.heldQuotes.set(slot.message.id, slot);
      }
      this.flushScheduled = true;
      this.scheduler.later(() => this.flushNow(), this.limits.congestionRetryMs);
      return;
    }
    const sent = this.sendTime === undefined ? undefined : JSON.stringify(this.sendTime());
    const frame = this.slots.map((slot) => (typeof slot === "string" ? slot : quoteRecord(slot, sent))).join("");
    this.slots = [];
    this.heldQuotes.clear();
    this.congested = false;
    this.socket.send(frame);
  }

  /** Drops everything held; later pushes are ignored. */
  close(): void {
    this.closed = true;
    this.slots = [];
    this.heldQuotes.clear();
  }

  get isCongested(): boolean {
    return this.congested;
  }

  get heldCount(): number {
    return this.slots.length;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.scheduler.nextTurn(() => {
      if (this.flushScheduled) this.flushNow();
    });
  }
}

function mergeInto(slot: QuoteSlot, message: QuoteMessage): void {
  let items = slot.message.qt;
  for (const item of message.qt) {
    // Tag C starts a new cycle: the client clears what it stored for the instrument (API.md 5.4), so held items are moot.
    items = item.tags?.includes("C") ? [] : items.filter((held) => held.typ !== item.typ);
    items.push(item);
  }
  slot.message = { id: slot.message.id, lvl: message.lvl, sdt: message.sdt, qt: items };
}

/** The message's record, its `sdt` replaced by `sentJson` (a JSON string) when given. */
function quoteRecord({ message }: QuoteSlot, sentJson: string | undefined): string {
  let parts = quoteRecords.get(message);
  if (parts === undefined) quoteRecords.set(message, (parts = splitAtSdt(message)));
  return parts.beforeSdt + (sentJson ?? JSON.stringify(message.sdt)) + parts.afterSdt;
}

function splitAtSdt(message: QuoteMessage): QuoteRecordParts {
  const record = writeInvocation(HubEvent.Quote, [message]);
  const key = '"sdt":';
  // A string value cannot hold an unescaped '"sdt":', so the first one is the key itself.
  const valueAt = record.indexOf(key) + key.length;
  return { beforeSdt: record.slice(0, valueAt), afterSdt: record.slice(valueAt + JSON.stringify(message.sdt).length) };
}
