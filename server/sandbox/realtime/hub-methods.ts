import type { Scope } from "../../../src/core/wire/auth";
import { HubMethod, MAX_QUOTE_SUBSCRIPTIONS, type HubMethodName, type SubscriptionResult } from "../../../src/core/wire/realtime";
import type { Logger } from "../../shared/logger";
import { expectArgumentCount, levelArgument, stringArgument, stringArrayArgument } from "./hub-arguments";
import type { HubInvoker, HubOutcome } from "./hub-connection";
import { HubError } from "./hub-error";
import type { Subscriber } from "./subscriber";

export interface HubMethodDeps {
  readonly logger: Logger;
  /** One connection per token (API.md 5.7): false when another live connection already streams with it. */
  claimToken(subscriber: Subscriber, token: string): boolean;
  releaseToken(subscriber: Subscriber, token: string): void;
}

interface MethodSpec {
  readonly parameters: readonly string[];
  /** Any one of these scopes allows the call (API.md 5.2); empty: no scope needed. */
  readonly scopes: readonly Scope[];
  /** A subscription: the token is claimed for this connection first. */
  readonly subscribes: boolean;
  run(subscriber: Subscriber, args: readonly unknown[], deps: HubMethodDeps): HubOutcome;
}

const METHODS: Record<HubMethodName, MethodSpec> = {
  [HubMethod.SubscribeQuotes]: {
    parameters: ["accountNumber", "instrumentIds", "level"],
    scopes: ["quotes"],
    subscribes: true,
    run(subscriber, [accountArg, idsArg, levelArg], deps) {
      const method = HubMethod.SubscribeQuotes;
      const accountNumber = stringArgument(method, "accountNumber", accountArg);
      const ids = stringArrayArgument(method, "instrumentIds", idsArg, MAX_QUOTE_SUBSCRIPTIONS);
      const level = levelArgument(method, "level", levelArg);
      if (!ownAccountOrLog(subscriber, method, accountNumber, deps)) return answer({ isSucceeded: false, subcount: subscriber.quotes.count });
      const outcome = subscriber.quotes.subscribe(ids, level);
      if (!outcome.ok) {
        deps.logger.log("info", `Realtime connection ${subscriber.connection.id}: SubscribeQuotes refused, nothing changed: ${outcome.reason}`);
        return answer({ isSucceeded: false, subcount: outcome.subcount });
      }
      return { result: { isSucceeded: true, subcount: outcome.subcount } satisfies SubscriptionResult, after: outcome.sendSnapshots };
    },
  },
  [HubMethod.UnSubscribeQuotes]: {
    parameters: ["instrumentIds"],
    scopes: ["quotes"],
    subscribes: false,
    run(subscriber, [idsArg]) {
      const ids = stringArrayArgument(HubMethod.UnSubscribeQuotes, "instrumentIds", idsArg, MAX_QUOTE_SUBSCRIPTIONS);
      return answer({ isSucceeded: true, subcount: subscriber.quotes.unsubscribe(ids) });
    },
  },
  [HubMethod.SubscribeNews]: {
    parameters: ["accountNumber"],
    scopes: ["news"],
    subscribes: true,
    run(subscriber, [accountArg], deps) {
      const account = ownAccountOrLog(subscriber, HubMethod.SubscribeNews, stringArgument(HubMethod.SubscribeNews, "accountNumber", accountArg), deps);
      if (account) subscriber.newsAccount = account;
      return answer({ isSucceeded: account !== undefined });
    },
  },
  [HubMethod.UnSubscribeNews]: {
    parameters: [],
    scopes: ["news"],
    subscribes: false,
    run(subscriber) {
      subscriber.newsAccount = undefined;
      return answer({ isSucceeded: true });
    },
  },
  [HubMethod.SubscribeOrders]: {
    parameters: ["accountNumber"],
    scopes: ["read", "write"],
    subscribes: true,
    run(subscriber, [accountArg], deps) {
      const account = ownAccountOrLog(subscriber, HubMethod.SubscribeOrders, stringArgument(HubMethod.SubscribeOrders, "accountNumber", accountArg), deps);
      if (account) subscriber.ordersSubscribed = true;
      return answer({ isSucceeded: account !== undefined });
    },
  },
  [HubMethod.UnSubscribeOrders]: {
    parameters: [],
    scopes: ["read", "write"],
    subscribes: false,
    run(subscriber) {
      subscriber.ordersSubscribed = false;
      return answer({ isSucceeded: true });
    },
  },
  [HubMethod.ExtendSubscriptions]: {
    parameters: ["accessToken"],
    scopes: [],
    subscribes: false,
    run(subscriber, [tokenArg], deps) {
      const token = stringArgument(HubMethod.ExtendSubscriptions, "accessToken", tokenArg);
      if (/^Bearer\s/i.test(token)) throw new HubError("ExtendSubscriptions: pass the bare access token, without the 'Bearer ' prefix.");
      const oldToken = subscriber.lease.token;
      if (!deps.claimToken(subscriber, token)) throw new HubError("ExtendSubscriptions refused the new access token: another realtime connection already streams with it.");
      try {
        subscriber.lease.extend(token);
      } catch (error) {
        if (token !== oldToken) deps.releaseToken(subscriber, token);
        throw error;
      }
      if (token !== oldToken) deps.releaseToken(subscriber, oldToken);
      deps.logger.log("info", `Realtime connection ${subscriber.connection.id}: subscriptions extended until ${new Date(subscriber.lease.expiresAtMs).toISOString()}.`);
      return {};
    },
  },
};

const METHOD_BY_LOWER_CASE_NAME = new Map((Object.keys(METHODS) as HubMethodName[]).map((name) => [name.toLowerCase(), name]));

/** The Binck hub methods (API.md 5.2) for one connection. Like ASP.NET Core SignalR, names match case-insensitively. */
export function createHubInvoker(subscriber: Subscriber, deps: HubMethodDeps): HubInvoker {
  return (requested, args) => {
    const target = METHOD_BY_LOWER_CASE_NAME.get(requested.toLowerCase());
    if (!target) throw new HubError(unknownMethodMessage(requested));
    const spec = METHODS[target];
    if (target !== HubMethod.ExtendSubscriptions) touchOrClose(subscriber);
    expectArgumentCount(target, args, spec.parameters);
    if (spec.scopes.length > 0 && !spec.scopes.some((scope) => subscriber.hasScope(scope))) {
      throw new HubError(`Failed to invoke '${target}' because user is unauthorized: the access token lacks the ${spec.scopes.map((scope) => `'${scope}'`).join(" or ")} scope.`);
    }
    if (spec.subscribes && !deps.claimToken(subscriber, subscriber.lease.token)) {
      const message = "Another realtime connection already streams with this access token: one connection per token (API.md 5.7). Stop the other connection, or sign in again for a second one.";
      subscriber.connection.close(message);
      throw new HubError(message);
    }
    return spec.run(subscriber, args, deps);
  };
}

function answer(result: SubscriptionResult): HubOutcome {
  return { result };
}

function touchOrClose(subscriber: Subscriber): void {
  try {
    subscriber.lease.touch();
  } catch (error) {
    subscriber.connection.close((error as Error).message);
    throw error;
  }
}

function ownAccountOrLog(subscriber: Subscriber, method: string, accountNumber: string, deps: HubMethodDeps) {
  const account = subscriber.ownAccount(accountNumber);
  if (!account) {
    deps.logger.log("info", `Realtime connection ${subscriber.connection.id}: ${method} refused: account '${accountNumber.slice(0, 20)}' is not an account of this session.`);
  }
  return account;
}

function unknownMethodMessage(target: string): string {
  const shown = target.length > 40 ? `${target.slice(0, 40)}…` : target;
  return `Unknown hub method '${shown}'. This hub has: ${Object.keys(METHODS).join(", ")}.`;
}
