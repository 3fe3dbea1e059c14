import type { Clock } from "../../../src/core/clock";
import type { AuthorizeRequest } from "./authorize-request";
import { randomToken } from "../../shared/secrets";

/** Where a sign-in stands: which page the customer sees now. */
export type LoginStep = "login" | "sms" | "consent" | "consentNeedsSms";

/** The server-side state of one sign-in, between the authorize request and the redirect back. */
export interface LoginFlow {
  readonly request: AuthorizeRequest;
  readonly createdAtMs: number;
  step: LoginStep;
  /** Set once the password was right. */
  personId?: string;
  /** The SMS step was skipped (API.md 2.1): the session will be read-only. */
  readOnly: boolean;
  smsFailures: number;
}

/**
 * Page state lives here, under an unguessable id that a page carries in a hidden field. Every id works once:
 * taking a flow removes it, and the next page gets a new id, so a form cannot be replayed (back button, copies).
 */
export class LoginFlowStore {
  private readonly flows = new Map<string, LoginFlow>();

  /** Ends every sign-in in progress (sandbox reset). */
  clear(): void {
    this.flows.clear();
  }

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
    private readonly maxOpenFlows: number,
  ) {}

  /** Starts a sign-in at the login page and returns its first id. */
  open(request: AuthorizeRequest): string {
    return this.put({ request, createdAtMs: this.clock.now(), step: "login", readOnly: false, smsFailures: 0 });
  }

  /** The flow behind `id`, removed from the store; undefined when the id is unknown, used or expired. */
  take(id: string | undefined): LoginFlow | undefined {
    if (!id) return undefined;
    const flow = this.flows.get(id);
    if (!flow) return undefined;
    this.flows.delete(id);
    return this.isExpired(flow) ? undefined : flow;
  }

  /** Stores the flow for its next page under a new id. */
  put(flow: LoginFlow): string {
    this.sweep();
    const id = randomToken();
    this.flows.set(id, flow);
    return id;
  }

  get size(): number {
    return this.flows.size;
  }

  private isExpired(flow: LoginFlow): boolean {
    return this.clock.now() - flow.createdAtMs >= this.lifetimeMs;
  }

  /** Drops expired flows, and the oldest ones past the cap (a Map iterates in insertion order). */
  private sweep(): void {
    for (const [id, flow] of this.flows) if (this.isExpired(flow)) this.flows.delete(id);
    while (this.flows.size >= this.maxOpenFlows) {
      const oldest = this.flows.keys().next().value as string;
      this.flows.delete(oldest);
    }
  }
}
