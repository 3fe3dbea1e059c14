import type { Clock } from "../clock";
import { BinckError, isBinckError } from "../errors";
import type { Resolution, ResolveContext } from "../instruments/instrument-resolver";
import { silentLogger, type Logger } from "../log";
import type { OrderEventSource } from "../portfolio/sources";
import type { OrderApi } from "../rest/order-requests";
import type { SessionState } from "../session/session-manager";
import type { KeyValueStorage } from "../session/storage";
import type { AccountModel, InstrumentModel, OrderModel } from "../wire/models";
import type { ChangeOutcome, CheckedOrder, DraftCheck, OrderDesk, OrderFields, OrderPreview, TradingPermission } from "./contract";
import { checkDraft } from "./draft-check";
import { OrderChanges } from "./order-changes";
import { journalStorageKey, StoredJournal } from "./order-journal";
import { DEFAULT_PLACEMENT_POLICY, OrderPlacement, type PlacementPolicy } from "./order-placement";
import { previewOrder } from "./order-preview";
import { LiveOpenOrders } from "./open-orders";
import { cryptoRandomBytes, newReferenceId, type RandomBytes } from "./reference-id";
import { tradingPermission } from "./trading-permission";

export interface OrderDeskPolicy extends PlacementPolicy {
  /** See OpenOrdersDeps.newOrderDelayMs. */
  newOrderDelayMs: number;
  /** The person's accounts are read again after this (and after every sign-in). */
  accountsLifetimeMs: number;
  /** An instrument's tick sizes are read again after this. */
  instrumentLifetimeMs: number;
}

export const DEFAULT_ORDER_DESK_POLICY: OrderDeskPolicy = { ...DEFAULT_PLACEMENT_POLICY, newOrderDelayMs: 1_000, accountsLifetimeMs: 3_600_000, instrumentLifetimeMs: 3_600_000 };

export interface OrderDeskDeps {
  api: OrderApi;
  resolver: { explain(argument: string, context: ResolveContext): Promise<Resolution> };
  session: { current(): SessionState; onChange(listener: (state: SessionState) => void): () => void };
  /** The realtime feed's order events (of the account chosen in the taskpane). */
  feed: OrderEventSource;
  storage: KeyValueStorage;
  /** Names the workbook whose journal this is (its URL, or an id kept in its settings). */
  workbookKey: string;
  clock: Clock;
  logger?: Logger;
  /** The account a draft without one uses (the taskpane's choice). */
  defaultAccount?: () => string | undefined;
  /** The last price of an instrument, when the runtime streams it (the estimated value of a market order). */
  lastPrice?: (instrumentId: string) => number | undefined;
  policy?: Partial<OrderDeskPolicy>;
  randomBytes?: RandomBytes;
}

/** The order desk of one runtime (issue 9): what the taskpane ticket and the order macros do with orders. */
export function createOrderDesk(deps: OrderDeskDeps): OrderDesk {
  const policy: OrderDeskPolicy = { ...DEFAULT_ORDER_DESK_POLICY, ...deps.policy };
  const { api, clock } = deps;
  const logger = deps.logger ?? silentLogger;
  const journal = new StoredJournal(deps.storage, journalStorageKey(deps.workbookKey), logger);
  const views = new Set<LiveOpenOrders>();
  const tellViews = (accountNumber: string, orders: readonly OrderModel[]) => {
    for (const view of views) if (view.accountNumber === accountNumber) view.take(orders);
  };
  const placement = new OrderPlacement({ api, journal, clock, logger, policy, onPlaced: tellViews });
  const changes = new OrderChanges({ api, journal, clock, onChanged: tellViews, findOrder: (account, number) => findKnown(views, account, number) });

  // An order event naming a referenceId the journal still shows as placing or unknown settles it: the order exists.
  deps.feed.watchOrders((_event, message) => {
    const entry = message.referenceId === undefined ? undefined : journal.find(message.referenceId);
    if (!entry || (entry.result !== "placing" && entry.result !== "unknown")) return;
    void journal.settle(entry.referenceId, { result: "placed", orderNumber: message.number, message: "Found by its order event." });
  });

  let accounts: { promise: Promise<AccountModel[]>; atMs: number } | undefined;
  deps.session.onChange((state) => {
    if (state.status !== "signedIn") accounts = undefined;
  });
  const readAccounts = (): Promise<AccountModel[]> => {
    if (!accounts || clock.now() - accounts.atMs > policy.accountsLifetimeMs) {
      const promise = api.getAccounts({ priority: "userAction" });
      accounts = { promise, atMs: clock.now() };
      promise.catch(() => {
        if (accounts?.promise === promise) accounts = undefined;
      });
    }
    return accounts.promise;
  };
  const instruments = new Map<string, { promise: Promise<InstrumentModel>; atMs: number }>();
  /** GET /instruments/{id}?includeTickSizes=true, cached per id. */
  const instrumentWithTicks = (accountNumber: string, instrumentId: string): Promise<InstrumentModel> => {
    const cached = instruments.get(instrumentId);
    if (cached && clock.now() - cached.atMs <= policy.instrumentLifetimeMs) return cached.promise;
    const promise = api.getInstruments(accountNumber, [instrumentId], { includeTickSizes: true, priority: "userAction" }).then((found) => {
      const instrument = found.find((candidate) => candidate.id === instrumentId);
      if (!instrument) throw new BinckError("api", `Binck did not send instrument ${instrumentId}.`, `GET /instruments/${instrumentId} answered without it.`);
      return instrument;
    });
    instruments.set(instrumentId, { promise, atMs: clock.now() });
    promise.catch(() => instruments.delete(instrumentId));
    return promise;
  };
  const withTickSizes = (accountNumber: string, instrument: InstrumentModel): Promise<InstrumentModel> =>
    instrument.tickSizeCollection?.tickSizes?.length ? Promise.resolve(instrument) : instrumentWithTicks(accountNumber, instrument.id);
  const assertMayTrade = async (accountNumber: string) => {
    const permission = await tradingPermission(deps.session.current(), accountNumber, readAccounts);
    if (!permission.allowed) throw new BinckError(permission.reason === "signedOut" ? "signInRequired" : "readOnlySession", permission.message, `Refused before sending: ${permission.reason} (${accountNumber}).`);
  };

  return {
    journal,
    permission: (accountNumber: string): Promise<TradingPermission> => tradingPermission(deps.session.current(), accountNumber, readAccounts),

    async check(fields: OrderFields): Promise<DraftCheck> {
      return checkDraft(fields, {
        nowMs: () => clock.now(),
        accounts: readAccounts,
        resolve: (argument, accountNumber) => deps.resolver.explain(argument, { accountNumber, priority: "userAction" }),
        withTickSizes,
        defaultAccount: deps.defaultAccount,
        newReferenceId: () => newReferenceId(clock.now(), deps.randomBytes ?? cryptoRandomBytes),
      });
    },

    async preview(order: CheckedOrder): Promise<OrderPreview> {
      await assertMayTrade(order.accountNumber);
      return previewOrder(api, order, deps.lastPrice?.(order.instrument.id));
    },

    async place(preview, acceptedWarnings) {
      // A placement already made answers as it did, whatever the session has become since.
      const existing = placement.existing(preview.order.referenceId);
      if (existing) return existing;
      await assertMayTrade(preview.order.accountNumber);
      return placement.place(preview, acceptedWarnings);
    },

    async previewModify(accountNumber, orderNumber, limitPrice) {
      await assertMayTrade(accountNumber);
      return changes.previewModify(accountNumber, orderNumber, limitPrice, instrumentWithTicks);
    },

    async modify(preview, acceptedWarnings): Promise<ChangeOutcome> {
      await assertMayTrade(preview.accountNumber);
      return changes.modify(preview, acceptedWarnings);
    },

    async cancel(accountNumber, orderNumber): Promise<ChangeOutcome> {
      await assertMayTrade(accountNumber);
      return changes.cancel(accountNumber, orderNumber);
    },

    openOrders(accountNumber) {
      const view = new LiveOpenOrders(accountNumber, { api, feed: deps.feed, clock, logger, newOrderDelayMs: policy.newOrderDelayMs }, () => views.delete(view));
      views.add(view);
      return view;
    },

    async kidDocument(instrumentId, kidId) {
      const accountNumber = deps.defaultAccount?.() ?? (await readAccounts())[0]?.number;
      if (accountNumber === undefined) throw new BinckError("signInRequired", "Sign in to Binck to open the KID.", "kidDocument: no account to ask with.");
      try {
        return await api.readKidDocument(accountNumber, instrumentId, kidId);
      } catch (error) {
        if (isBinckError(error) && error.status === 404) throw new BinckError("api", "This key information document is no longer available.", error.developerMessage, 404, { cause: error });
        throw error;
      }
    },
  };
}

function findKnown(views: ReadonlySet<LiveOpenOrders>, accountNumber: string, number: number): OrderModel | undefined {
  for (const view of views) if (view.accountNumber === accountNumber) {
    const found = view.current().find((order) => order.number === number);
    if (found) return found;
  }
  return undefined;
}
