import { createHash } from "node:crypto";
import type { BrokerErrorBody } from "../../src/core/wire/broker";
import { unreachableMessage } from "../shared/fetch-failure";
import type { RelayedPlacement } from "./order-relay-body";
import type { FetchLike } from "./upstream";

/** Binck's answer as it came (status, media type, body), or the relay's own `answerLost` answer. */
export interface RelayAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface OrderRelayPolicy {
  /** How long an answer is given again to a repeat of its placement. */
  keepAnswersMs: number;
  /** At most this many answers are kept; the oldest answered ones go first. */
  maxEntries: number;
}

export const DEFAULT_ORDER_RELAY_POLICY: OrderRelayPolicy = { keepAnswersMs: 15 * 60_000, maxEntries: 10_000 };

export interface OrderRelayDeps {
  apiBase: string;
  fetch: FetchLike;
  now: () => number;
  log: (level: "info" | "warn" | "error", message: string) => void;
  policy?: OrderRelayPolicy;
}

interface Entry {
  answer: Promise<RelayAnswer>;
  answeredAtMs?: number;
}

const API_SERVER = "The Binck API";
export const ANSWER_LOST_STATUS = 502;

/**
 * Orders_RegisterOrder sent once per referenceId (issue 9 §3). A browser re-sends a POST by itself when a reused
 * connection closes before any answer byte (Chromium's HttpNetworkTransaction::ShouldResendRequest), and Binck
 * would place it twice. Node's fetch never re-sends a POST, and a repeat reaching the relay — while the first is in
 * flight or up to `keepAnswersMs` after — gets the first one's answer. The key is the access token's hash with the
 * account and referenceId: another session never sees an answer, and a 401 renewed with a new token goes through.
 */
export class OrderRelay {
  private readonly entries = new Map<string, Entry>();
  private readonly policy: OrderRelayPolicy;

  constructor(private readonly deps: OrderRelayDeps) {
    this.policy = deps.policy ?? DEFAULT_ORDER_RELAY_POLICY;
  }

  place(accessToken: string, placement: RelayedPlacement): Promise<RelayAnswer> {
    this.forgetExpired();
    const key = [createHash("sha256").update(accessToken).digest("hex"), placement.accountNumber, placement.referenceId].join("\n");
    const existing = this.entries.get(key);
    if (existing) {
      this.deps.log("info", `Order relay: referenceId ${placement.referenceId} again on account ${placement.accountNumber}: `
        + `${existing.answeredAtMs === undefined ? "waits for the answer in flight" : "given the stored answer"}, not sent to Binck again.`);
      return existing.answer;
    }
    this.makeRoom();
    const entry: Entry = { answer: this.forward(accessToken, placement) };
    this.entries.set(key, entry);
    void entry.answer.then(() => (entry.answeredAtMs = this.deps.now()));
    return entry.answer;
  }

  /** Answers kept (tests, diagnostics). */
  size(): number {
    return this.entries.size;
  }

  private async forward(accessToken: string, placement: RelayedPlacement): Promise<RelayAnswer> {
    const url = `${this.deps.apiBase}/accounts/${encodeURIComponent(placement.accountNumber)}/orders`;
    try {
      const response = await this.deps.fetch(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json; charset=utf-8", Accept: "application/json; charset=utf-8" },
        body: JSON.stringify(placement.body),
      });
      const answer: RelayAnswer = { status: response.status, contentType: response.headers.get("content-type") ?? "application/json; charset=utf-8", body: await response.text() };
      this.deps.log("info", `Order relay: POST /accounts/${placement.accountNumber}/orders referenceId ${placement.referenceId} answered ${answer.status}.`);
      return answer;
    } catch (error) {
      const why = unreachableMessage(API_SERVER, url, error);
      this.deps.log("warn", `Order relay: the answer to referenceId ${placement.referenceId} on account ${placement.accountNumber} was lost: ${why}`);
      const body: BrokerErrorBody = {
        errorCode: "answerLost",
        endUserMessage: "Binck's answer to this order was lost. The add-in looks the order up before anything else.",
        developerMessage: `POST /accounts/{accountNumber}/orders for referenceId ${placement.referenceId}: ${why} The order may exist: look it up by its referenceId; this referenceId is not sent again.`,
      };
      return { status: ANSWER_LOST_STATUS, contentType: "application/json; charset=utf-8", body: JSON.stringify(body) };
    }
  }

  private forgetExpired(): void {
    const now = this.deps.now();
    for (const [key, entry] of this.entries) {
      if (entry.answeredAtMs !== undefined && now - entry.answeredAtMs >= this.policy.keepAnswersMs) this.entries.delete(key);
    }
  }

  /** Before a new placement: the oldest answered entries go; one in flight is never dropped. */
  private makeRoom(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size < this.policy.maxEntries) break;
      if (entry.answeredAtMs !== undefined) this.entries.delete(key);
    }
  }
}
