import {
  AccountChoice,
  AvailabilityMonitor,
  BinckRestClient,
  BrokerClient,
  ConnectionStatus,
  DeploymentConfig,
  MemoryStorage,
  RequestBudget,
  SessionManager,
  SignInPreferences,
  systemClock,
  versionProbe,
  type Clock,
  type KeyValueStorage,
  type SettingsStore,
} from "../core";
import { createRuntimeLogger, type RuntimeLogger } from "./runtime-logger";
import { OfficeSignInDialog } from "./office-dialog";

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
  let rest: Promise<BinckRestClient> | undefined;
  deployment.load();
  return {
    clock,
    logger,
    broker,
    deployment,
    connection,
    availability,
    session,
    account: new AccountChoice(workbookSettings),
    signInPreferences: new SignInPreferences(storage),
    budget,
    rest: () => (rest ??= deployment.loaded().then((config) => new BinckRestClient(config.apiBase, session, undefined, connection, budget))),
  };
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
