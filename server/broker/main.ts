import { loadEnvFile } from "../shared/env-file";
import path from "node:path";
import { consoleLogger } from "../shared/logger";
import { relaunchTrustingLocalCa } from "../shared/trust-local-ca";
import { brokerConfigFromEnv } from "./config";
import { startBroker } from "./index";

/** `npm run broker`: the add-in origin and token broker alone (the sandbox or a real deployment runs elsewhere). */
async function main(): Promise<void> {
  loadEnvFile();
  const logger = consoleLogger();
  const config = brokerConfigFromEnv(process.env);
  const broker = await startBroker({
    config,
    port: Number(process.env.ADDIN_PORT ?? 3000),
    staticDir: path.resolve(__dirname, "..", "..", "dist"),
    log: (level, message) => logger.log(level, message),
  });
  process.stdout.write(`Add-in and token broker on ${broker.url}. Environment: ${config.environmentDescription} (BINCK_ENV=${config.environment}).\n`);
  const stop = () => void broker.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (!relaunchTrustingLocalCa(__filename)) main().catch((error: unknown) => {
  process.stderr.write(`The broker could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
