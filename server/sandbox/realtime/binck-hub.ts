import { HubEvent } from "../../../src/core/wire/realtime";
import type { SandboxContext } from "../context";
import { findPersonById } from "../seed/people";
import type { AcceptedConnection } from "./accepted-connection";
import { HubConnection } from "./hub-connection";
import type { HubTransport } from "./hub-transport";
import { createHubInvoker, type HubMethodDeps } from "./hub-methods";
import type { RealtimeOptions } from "./realtime-options";
import { Subscriber } from "./subscriber";
import { TokenLease } from "./token-lease";
import { TokenOwners } from "./token-owners";

/**
 * Every open hub connection and the routing of sandbox events to them: quotes come per subscription from the
 * market; orders, news, session ends and drops come from ctx.events (API.md 5.3).
 */
export class BinckHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly owners = new TokenOwners<Subscriber>();
  private readonly unlisten: Array<() => void>;
  private readonly methodDeps: HubMethodDeps;

  constructor(private readonly ctx: SandboxContext, private readonly options: RealtimeOptions) {
    this.methodDeps = {
      logger: ctx.logger,
      claimToken: (subscriber, token) => this.owners.claim(token, subscriber, (other) => this.subscribers.has(other)),
      releaseToken: (subscriber, token) => this.owners.releaseToken(token, subscriber),
    };
    this.unlisten = [
      ctx.events.on("order", ({ name, message }) => {
        for (const subscriber of this.subscribers) {
          if (subscriber.ordersSubscribed && subscriber.ownAccount(message.accountNumber)) subscriber.connection.push(name, message);
        }
      }),
      ctx.events.on("news", ({ subscriptions, message }) => {
        for (const subscriber of this.subscribers) {
          const account = subscriber.newsAccount;
          if (account && subscriptions.includes(account.newsSubscription)) subscriber.connection.push(HubEvent.News, message);
        }
      }),
      ctx.events.on("sessionEnded", ({ sessionId, reason }) => {
        for (const subscriber of [...this.subscribers]) {
          if (subscriber.sessionId === sessionId) subscriber.connection.close(`The session has ended (${reason}); sign in again.`);
        }
      }),
      ctx.events.on("dropRealtime", () => this.dropAll()),
      ctx.events.on("maintenance", ({ on }) => {
        if (!on) return;
        // Clients may come back once maintenance is over; negotiate answers 503 until then.
        for (const subscriber of [...this.subscribers]) subscriber.connection.close("Binck is down for planned maintenance; try again later.", true);
      }),
    ];
  }

  get connectionCount(): number {
    return this.subscribers.size;
  }

  /** A transport whose first request was accepted (WebSocket upgrade, event stream, first poll): from here on it speaks SignalR. */
  open(transport: HubTransport, accepted: AcceptedConnection): void {
    const person = findPersonById(accepted.session.personId);
    if (!person) {
      this.ctx.logger.log("error", `Realtime connection ${accepted.connectionId}: session ${accepted.session.id} names unknown person ${accepted.session.personId}.`);
      transport.close();
      return;
    }
    let subscriber: Subscriber | undefined;
    const connection = new HubConnection(transport, {
      connectionId: accepted.connectionId,
      clock: this.ctx.clock,
      logger: this.ctx.logger,
      options: this.options,
      onClosed: () => {
        if (!subscriber) return;
        this.subscribers.delete(subscriber);
        this.owners.releaseAll(subscriber);
        subscriber.dispose();
      },
    });
    // Expiry closes with allowReconnect: a client whose accessTokenFactory has a fresh token comes back by itself.
    const lease = new TokenLease(this.ctx.clock, this.ctx.sessions, accepted.session, accepted, (message) => connection.close(message, true));
    subscriber = new Subscriber(connection, lease, person, this.ctx.market, this.ctx.clock);
    connection.setInvoker(createHubInvoker(subscriber, this.methodDeps));
    this.subscribers.add(subscriber);
    this.ctx.logger.log("info", `Realtime connection ${accepted.connectionId} opened over ${transport.kind} for ${person.username} (session ${accepted.session.id}).`);
  }

  /** Abruptly, like a network failure: clients reconnect, and every server-side subscription is gone. */
  dropAll(): void {
    for (const subscriber of [...this.subscribers]) subscriber.connection.terminate();
  }

  closeAll(reason: string): void {
    for (const subscriber of [...this.subscribers]) subscriber.connection.close(reason, true);
  }

  dispose(): void {
    for (const unlisten of this.unlisten.splice(0)) unlisten();
    this.dropAll();
  }
}
