/** Libraries never print: they take a Logger. A log line is a sentence with its values. */
export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  log(level: LogLevel, message: string): void;
}

export const silentLogger: Logger = { log() {} };

export function consoleLogger(minimum: LogLevel = "info"): Logger {
  const order: LogLevel[] = ["debug", "info", "warn", "error"];
  return {
    log(level, message) {
      if (order.indexOf(level) < order.indexOf(minimum)) return;
      const line = `${new Date().toISOString()} ${level.padEnd(5)} ${message}\n`;
      (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line);
    },
  };
}
