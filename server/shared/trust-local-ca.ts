import { spawn } from "node:child_process";
import path from "node:path";
import { ensureCertificates } from "./tls";

/**
 * Node trusts extra certificate authorities only through NODE_EXTRA_CA_CERTS, read once at start-up. A process
 * that calls the local origins (the broker calls the sandbox) therefore relaunches itself with the local CA
 * added, when it was started without it. Returns true in the parent, which must then do nothing else.
 */
export function relaunchTrustingLocalCa(script: string): boolean {
  if (process.env.NODE_EXTRA_CA_CERTS) return false;
  const { caCert } = ensureCertificates();
  const tsx = path.resolve(__dirname, "..", "..", "node_modules", ".bin", "tsx");
  const child = spawn(tsx, [script, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caCert },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}
