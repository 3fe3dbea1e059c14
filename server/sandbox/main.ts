import { loadEnvFile } from "../shared/env-file";
import { systemClock } from "../../src/core/clock";
import { consoleLogger } from "../shared/logger";
import { sandboxOptionsFromEnv, sandboxPortsFromEnv } from "./env";
import { startSandbox } from "./index";

/** `npm run sandbox`: the three sandbox origins on their contract ports. */
async function main(): Promise<void> {
  loadEnvFile();
  const running = await startSandbox({
    ...sandboxOptionsFromEnv(process.env),
    ports: sandboxPortsFromEnv(process.env),
    clock: systemClock,
    logger: consoleLogger(process.env.BINCK_LOG_LEVEL === "debug" ? "debug" : "info"),
  });
  process.stdout.write(
    [
      "Binck sandbox running:",
      `  login     ${running.urls.login}/am/oauth2/realms/bincknlapi/authorize`,
      `  API       ${running.urls.api}/api/v1/version`,
      `  realtime  ${running.urls.realtime}/stream/v1   (version: ${running.urls.realtime}/version)`,
      `  control   ${running.urls.api}/_sandbox/status`,
      "",
    ].join("\n"),
  );
  const stop = () => {
    running.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`The sandbox could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
