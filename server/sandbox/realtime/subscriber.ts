import type { Clock } from "../../../src/core/clock";
import type { Scope } from "../../../src/core/wire/auth";
import type { Market } from "../market/market";
import { accountsInRealm, type Person, type SeedAccount } from "../seed/people";
import type { HubConnection } from "./hub-connection";
import { QuoteSubscriptions } from "./quote-subscriptions";
import type { TokenLease } from "./token-lease";

/** The Binck side of one hub connection: who is connected and what they subscribed to. */
export class Subscriber {
  readonly quotes: QuoteSubscriptions;
  /** The account whose news subscription feeds `News` (SubscribeNews). */
  newsAccount?: SeedAccount;
  /** SubscribeOrders was called: order events of every account of the person in this realm arrive (API.md 5.6). */
  ordersSubscribed = false;

  constructor(
    readonly connection: HubConnection,
    readonly lease: TokenLease,
    readonly person: Person,
    market: Market,
    clock: Clock,
  ) {
    this.quotes = new QuoteSubscriptions(market, clock, (message) => connection.pushQuote(message));
  }

  get sessionId(): string {
    return this.lease.session.id;
  }

  hasScope(scope: Scope): boolean {
    return this.lease.session.scopes.has(scope);
  }

  /** The session's own account with this number (same person, same realm), if any. */
  ownAccount(accountNumber: string): SeedAccount | undefined {
    return accountsInRealm(this.person, this.lease.session.realm).find((account) => account.number === accountNumber);
  }

  /** Stops everything this connection receives; called once the connection has closed. */
  dispose(): void {
    this.quotes.clear();
    this.newsAccount = undefined;
    this.ordersSubscribed = false;
    this.lease.stop();
  }
}
