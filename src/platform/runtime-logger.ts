import type { Clock, Logger, LogLevel } from "../core";

export interface LogLine {
  atMs: number;
  level: LogLevel;
  message: string;
}

/** The runtime's log: developer messages kept for the taskpane's Diagnostics, never shown as the main error text. */
export interface RuntimeLogger extends Logger {
  lines(): readonly LogLine[];
  onLine(listener: () => void): () => void;
}

const MAX_LINES = 200;

export function createRuntimeLogger(clock: Clock): RuntimeLogger {
  const lines: LogLine[] = [];
  const listeners = new Set<() => void>();
  return {
    log(level, message) {
      lines.push({ atMs: clock.now(), level, message });
      if (lines.length > MAX_LINES) lines.shift();
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
