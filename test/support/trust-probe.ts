import { whyFetchFailed } from "../../server/shared/fetch-failure";
import { relaunchTrustingLocalCa } from "../../server/shared/trust-local-ca";

/**
 * Run by test/integration/trust-local-ca.test.ts as `npm start` runs: relaunches itself trusting the local CA,
 * then fetches every URL of PROBE_URLS and prints what NODE_EXTRA_CA_CERTS it ran with, what each fetch gave and
 * its process ids.
 */
async function main(): Promise<void> {
  const results: Record<string, number | string> = {};
  for (const url of (process.env.PROBE_URLS ?? "").split(" ").filter(Boolean)) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      results[url] = response.status;
    } catch (error) {
      results[url] = whyFetchFailed(error);
    }
  }
  process.stdout.write(`${JSON.stringify({ extraCaCerts: process.env.NODE_EXTRA_CA_CERTS ?? null, results, pid: process.pid, parentPid: process.ppid })}\n`);
  // PROBE_HOLD: stay up like a server until SIGTERM.
  if (process.env.PROBE_HOLD) {
    const holding = setInterval(() => undefined, 60_000);
    process.once("SIGTERM", () => clearInterval(holding));
  }
}

if (!relaunchTrustingLocalCa(__filename)) void main();
