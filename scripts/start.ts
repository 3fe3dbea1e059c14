import { loadEnvFile } from "../server/shared/env-file";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { systemClock } from "../src/core/clock";
import { startBroker } from "../server/broker";
import { brokerConfigFromEnv } from "../server/broker/config";
import { startSandbox } from "../server/sandbox";
import { sandboxOptionsFromEnv, sandboxPortsFromEnv } from "../server/sandbox/env";
import { consoleLogger } from "../server/shared/logger";
import { ensureCertificates, loadTlsMaterial } from "../server/shared/tls";
import { relaunchTrustingLocalCa } from "../server/shared/trust-local-ca";

/**
 * `npm start`: builds the add-in, starts the local Binck sandbox (unless BINCK_ENV names another deployment)
 * and the add-in server with its token broker, then prints every URL and how to sideload.
 */
async function main(): Promise<void> {
  loadEnvFile();
  const root = path.resolve(__dirname, "..");
  const out = (line = "") => process.stdout.write(`${line}\n`);
  const certificates = ensureCertificates();
  if (process.env.SKIP_BUILD !== "1") {
    out("Building the add-in (webpack)…");
    const build = spawnSync(path.join(root, "node_modules", ".bin", "webpack"), ["--mode", "production"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) throw new Error("The build failed (see above).");
  }
  const logger = consoleLogger(process.env.BINCK_LOG_LEVEL === "debug" ? "debug" : "info");
  const tls = loadTlsMaterial();
  const local = (process.env.BINCK_ENV ?? "local") === "local";
  const sandbox = local
    ? await startSandbox({ ...sandboxOptionsFromEnv(process.env), ports: sandboxPortsFromEnv(process.env), clock: systemClock, logger, tls })
    : undefined;
  const config = brokerConfigFromEnv(process.env);
  const broker = await startBroker({
    config,
    port: Number(process.env.ADDIN_PORT ?? 3000),
    staticDir: path.join(root, "dist"),
    tls,
    log: (level, message) => logger.log(level, message),
  });
  out();
  out(`binck-excel is running. Environment: ${config.environmentDescription} (BINCK_ENV=${config.environment}).`);
  out(`  preview workbook  ${broker.url}/host.html       (open this: the add-in in a sheet, without Excel; sign in, prices go live)`);
  out(`  add-in + broker   ${broker.url}/taskpane.html   (the page Excel loads; token broker under /auth/: ${broker.url}/auth/config)`);
  if (sandbox) {
    out(`  sandbox API       ${sandbox.urls.api}/api/v1/version`);
    out(`  sandbox realtime  ${sandbox.urls.realtime}/stream/v1   (the SignalR hub; in a browser: ${sandbox.urls.realtime}/version)`);
    out(`  sandbox control   ${sandbox.urls.api}/_sandbox/status`);
    // The sandbox's login pages need a request from the broker (client, state, redirect): no URL of their own.
    out("  sign in           with Sign in in the add-in or the browser preview: jansen / Binck-2021! / SMS 123456 (more in the README)");
  }
  out();
  out("Sideload into Excel (Windows or Mac): `npm run sideload -- desktop` (trusts the local CA, then starts Excel with the add-in);");
  out("Excel on the web: `npm run sideload -- web` prints the steps. Local CA certificate: " + certificates.caCert);
  const stop = () => {
    void Promise.all([broker.close(), sandbox?.close()]).then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (!relaunchTrustingLocalCa(__filename)) main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
