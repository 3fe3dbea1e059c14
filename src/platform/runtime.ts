import {
  AccountChoice,
  AvailabilityMonitor,
  BinckRestClient,
  BrokerClient,
  ConnectionStatus,
  createOrderDesk,
  OrderRequests,
  workbookJournalKey,
  DeploymentConfig,
  InstrumentResolver,
  MemoryStorage,
  Portfolio,
  persistRequestWindow,
  persistResolutions,
  QuoteStore,
  RealtimeSession,
  RequestBudget,
  SessionManager,
  SignInPreferences,
  signalRHubLinks,
  systemClock,
  toExcelSerial,
  versionProbe,
  type CellServices,
  type Clock,
  type BatchRun,
  type KeyValueStorage,
  type OrderDesk,
  type OrderFields,
  type ResolutionStore,
  type SessionState,
  type SettingsStore,
  type StreamingServices,
  DEFAULT_RESULT_INTERVAL_MS,
} from "../core";
import { createRuntimeLogger, type RuntimeLogger } from "./runtime-logger";
import { OfficeSignInDialog } from "./office-dialog";
import { LiveValue } from "./live-value";
import { onPageExit } from "./page-exit";

/**
 * What every part of one add-in runtime shares — the taskpane, the custom functions and the ribbon commands:
 * one configuration, one session, one REST client, one connection status, one log.
 */
export interface AddinRuntime {
  readonly clock: Clock;
  readonly logger: RuntimeLogger;
  readonly broker: BrokerClient;
  readonly deployment: DeploymentConfig;
  readonly connection: ConnectionStatus;
  readonly availability: AvailabilityMonitor;
  readonly session: SessionManager;
  readonly account: AccountChoice;
  readonly signInPreferences: SignInPreferences;
  /** The one cap under the API's 50 requests a minute, for every REST call of this runtime. */
  readonly budget: RequestBudget;
  /** The REST client, once the deployment's API address is known. */
  rest(): Promise<BinckRestClient>;
  /** The realtime feed, its quote store and instrument resolution, once the deployment is known. */
  streaming(): Promise<StreamingServices>;
  /** The portfolio data layer (the refresh command's `refreshAll`), once the deployment is known. */
  portfolio(): Promise<Portfolio>;
  /** The order desk (issue 9): built once, from the runtime's REST client, resolver, session, account, feed and storage. */
  orders(): Promise<OrderDesk>;
  /** What the last "Refresh Binck data" did, for the taskpane. */
  readonly refreshNotice: LiveValue<string | undefined>;
  /** What the custom functions' cells use. */
  readonly cells: CellServices;
  /** "Order from selection" puts a row's fields here; the ticket fills itself from it. */
  readonly orderRequests: LiveValue<OrderFields | undefined>;
  /** The running "Place orders from table", shown in the taskpane for confirmation and progress. */
  readonly orderBatch: LiveValue<BatchRun | undefined>;
}

const RUNTIME_KEY = "__binckAddinRuntime";

/**
 * The runtime's single AddinRuntime, the composition root. The shared runtime may load bundles twice, so it lives
 * on globalThis. Building it touches no Office API that needs Office.onReady: those are read when first used.
 */
export function getAddinRuntime(): AddinRuntime {
  const global = globalThis as unknown as Record<string, AddinRuntime | undefined>;
  return (global[RUNTIME_KEY] ??= createRuntime());
}

const formatTime = (epochMs: number) => new Date(epochMs).toLocaleTimeString();

function createRuntime(): AddinRuntime {
  const clock = systemClock;
  const logger = createRuntimeLogger(clock);
  const storage: KeyValueStorage = typeof OfficeRuntime !== "undefined" && OfficeRuntime.storage ? OfficeRuntime.storage : new MemoryStorage();
  const origin = window.location.origin;
  const broker = new BrokerClient(origin);
  const deployment = new DeploymentConfig(broker, logger);
  const connection = new ConnectionStatus({ clock });
  const availability = new AvailabilityMonitor({
    connection,
    clock,
    logger,
    probe: async () => versionProbe((await deployment.loaded()).apiBase)(),
  });
  const display = (url: string, options: Office.DialogOptions, callback: (result: Office.AsyncResult<Office.Dialog>) => void) =>
    Office.context.ui.displayDialogAsync(url, options, callback);
  const session = new SessionManager({ broker, dialog: new OfficeSignInDialog(display, origin), storage, clock, logger, availability });
  const budget = new RequestBudget(clock);
  // Binck counts what an earlier runtime sent in the last minute: this one starts from its saved window.
  const requestWindow = persistRequestWindow(budget, storage, clock, logger);
  let resolutions: ResolutionStore | undefined;
  onPageExit(() => {
    void requestWindow.flush();
    void resolutions?.flush();
  });
  const account = new AccountChoice(workbookSettings, logger);
  // Cells may start before Office is ready, when the workbook's remembered account cannot be read yet.
  if (typeof Office !== "undefined") void Office.onReady(() => account.settingsReady());
  let rest: Promise<BinckRestClient> | undefined;
  const restClient = () => (rest ??= deployment.loaded().then((config) => new BinckRestClient(config.apiBase, session, undefined, connection, budget)));
  let streaming: Promise<StreamingServices> | undefined;
  const streamingServices = () => (streaming ??= Promise.all([deployment.loaded(), restClient()]).then(([config, client]) => {
    const feed = new RealtimeSession({
      links: signalRHubLinks(logger),
      hubUrl: config.realtimeUrl,
      accountNumber: () => account.current(),
      tokens: session,
      clock,
      logger,
      formatTime,
    });
    feed.onStatusChange((status) => connection.reportFeed(status.state, status.lastError));
    account.onChange(() => feed.accountChanged());
    const follow = (state: SessionState) => {
      if (state.status === "signedIn") feed.start();
      else if (state.status === "signedOut") feed.stop();
    };
    session.onChange(follow);
    follow(session.current());
    // Many ISINs at once are read from the instrument list; answers are kept in storage until local midnight.
    const resolver = new InstrumentResolver({ lookup: client, listLookup: client, clock, onCacheHit: () => budget.noteCacheHit() });
    resolutions = persistResolutions(resolver, storage, clock, logger);
    return {
      feed,
      quotes: new QuoteStore(feed, logger),
      resolver,
      rest: client,
      portfolio: new Portfolio({ rest: client, budget, clock, orderEvents: feed, back: availability, logger, session }),
    };
  }));
  let orders: Promise<OrderDesk> | undefined;
  const orderDesk = () => (orders ??= Promise.all([streamingServices(), restClient(), deployment.loaded()]).then(([services, client, config]) => createOrderDesk({
    // Placements through the broker's relay when the deployment names one (README "Orders": never a duplicate).
    api: new OrderRequests(client, config.orderRelay),
    resolver: services.resolver,
    session,
    feed: services.feed,
    storage,
    workbookKey: workbookJournalKey(documentUrl(), workbookSettings()),
    clock,
    logger,
    defaultAccount: () => account.current(),
    lastPrice: (instrumentId) => services.quotes.quote(instrumentId)?.values.get("lst")?.price,
  })));
  chooseAccountWhenSignedIn(session, account, () => streamingServices().then((services) => services.portfolio), logger);
  deployment.load();
  void streamingServices();
  // A workbook reopened within the refresh chain picks its session up, whether or not the taskpane is shown.
  void session.resume();
  return {
    clock,
    logger,
    broker,
    deployment,
    connection,
    availability,
    session,
    account,
    signInPreferences: new SignInPreferences(storage),
    budget,
    rest: restClient,
    streaming: streamingServices,
    portfolio: () => streamingServices().then((services) => services.portfolio),
    orders: orderDesk,
    refreshNotice: new LiveValue<string | undefined>(undefined),
    orderRequests: new LiveValue<OrderFields | undefined>(undefined),
    orderBatch: new LiveValue<BatchRun | undefined>(undefined),
    cells: {
      clock,
      logger,
      session,
      account,
      deployment,
      streaming: streamingServices,
      budget,
      formatTime,
      toExcelDate: (epochMs) => toExcelSerial(epochMs),
      resultIntervalMs: DEFAULT_RESULT_INTERVAL_MS,
    },
  };
}

/**
 * A workbook whose account was never chosen (the taskpane not opened yet) uses the person's first account that
 * may trade, as the taskpane would choose it, so that its formulas work without a visit to the taskpane.
 */
function chooseAccountWhenSignedIn(session: SessionManager, account: AccountChoice, portfolio: () => Promise<Portfolio>, logger: RuntimeLogger): void {
  let choosing = false;
  session.onChange((state) => {
    if (state.status !== "signedIn" || account.current() !== undefined || choosing) return;
    choosing = true;
    portfolio()
      .then((data) => data.getAccounts({ priority: "userAction" }))
      .then(({ value: accounts }) => {
        const first = accounts.find((candidate) => !candidate.isReadOnly) ?? accounts[0];
        if (first && account.current() === undefined) account.select(first.number);
      })
      .catch((error: unknown) => logger.log("warn", `No account could be chosen for the formulas: ${String(error)}`))
      .finally(() => {
        choosing = false;
      });
  });
}

/** The workbook's address, when it has been saved somewhere (Office.context.document.url). */
function documentUrl(): string | undefined {
  const url = typeof Office !== "undefined" ? Office.context?.document?.url : undefined;
  return typeof url === "string" && url !== "" ? url : undefined;
}

/** Office.context.document.settings, once Office is ready (undefined before, and outside Office). */
function workbookSettings(): SettingsStore | undefined {
  const settings = typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  if (!settings) return undefined;
  return {
    get: (name) => settings.get(name),
    set: (name, value) => settings.set(name, value),
    save: () => settings.saveAsync(),
  };
}
