import { systemClock } from "../core/clock";
import { ConnectionStatus } from "../core/connection/connection-status";
import type { Logger, LogLevel } from "../core/log";
import { BrokerClient } from "../core/session/broker-client";
import { SessionManager } from "../core/session/session-manager";
import { MemoryStorage, type KeyValueStorage } from "../core/session/storage";
import type { WorkbookSettings } from "./host-bridge";
import { OfficeSignInDialog } from "./office-dialog";

export interface LogLine {
  atMs: number;
  level: LogLevel;
  message: string;
}

/** What every part of one add-in runtime shares: one session, one log. */
export interface AddinRuntime {
  session: SessionManager;
  connection: ConnectionStatus;
  broker: BrokerClient;
  settings: WorkbookSettings;
  logger: Logger & { lines(): readonly LogLine[]; onLine(listener: () => void): () => void };

}

const RUNTIME_KEY = "__binckAddinRuntime";

/** The runtime's single AddinRuntime; the shared runtime may load bundles twice, so it lives on globalThis. */
export function getAddinRuntime(): AddinRuntime {
  const global = globalThis as unknown as Record<string, AddinRuntime | undefined>;
  return (global[RUNTIME_KEY] ??= createRuntime());
}

function createRuntime(): AddinRuntime {
  const logger = createLogger();
  const storage: KeyValueStorage = typeof OfficeRuntime !== "undefined" && OfficeRuntime.storage ? OfficeRuntime.storage : new MemoryStorage();
  const display = (url: string, options: Office.DialogOptions, callback: (result: Office.AsyncResult<Office.Dialog>) => void) =>
    Office.context.ui.displayDialogAsync(url, options, callback);
  const broker = new BrokerClient(window.location.origin);
  const session = new SessionManager({ broker, dialog: new OfficeSignInDialog(display, window.location.origin), storage, clock: systemClock, logger });
  return {
    session,
    connection: new ConnectionStatus(),
    broker,
    settings: Office.context.document.settings as unknown as WorkbookSettings,
    logger,
  };
}

function createLogger(): AddinRuntime["logger"] {
  const lines: LogLine[] = [];
  const listeners = new Set<() => void>();
  return {
    log(level, message) {
      lines.push({ atMs: Date.now(), level, message });
      if (lines.length > 200) lines.shift();
      for (const listener of [...listeners]) listener();
    },
    lines: () => lines,
    onLine(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
