import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { certificateDir, ensureCertificates } from "./tls";

/** What NODE_EXTRA_CA_CERTS must be for a process to trust the local CA as well as the configured bundle. */
export interface ExtraCaCerts {
  /** The file to pass; the configured one itself when it already holds the local CA. */
  file: string;
  /** False when the configured value already trusts the local CA, so nothing needs to change. */
  changed: boolean;
  /** Set when the configured file could not be read: it is left out, as Node itself would. */
  warning?: string;
}

/**
 * Node reads NODE_EXTRA_CA_CERTS once, at start-up, and it names a single file. Many machines already point it
 * at the system bundle (corporate ones, CI), so the local CA is added to that instead of replacing it: a bundle
 * holding the configured certificates followed by the local CA, written in the certificate directory under a
 * name derived from its content (concurrent starts write the same file).
 */
export function extraCaCertsWithLocalCa(configured: string | undefined, dir = certificateDir()): ExtraCaCerts {
  const localCaFile = ensureCertificates(dir).caCert;
  if (!configured) return { file: localCaFile, changed: true };
  const localCa = pemText(readFileSync(localCaFile, "utf8"));
  let bundle: string;
  try {
    bundle = pemText(readFileSync(configured, "utf8"));
  } catch (error) {
    const warning = `NODE_EXTRA_CA_CERTS names ${configured}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): only the local CA is added.`;
    return { file: localCaFile, changed: true, warning };
  }
  if (bundle.includes(localCa)) return { file: configured, changed: false };
  const combined = `${bundle}\n${localCa}\n`;
  const file = path.join(dir, `node-extra-ca-${createHash("sha256").update(combined).digest("hex").slice(0, 16)}.pem`);
  if (!existsSync(file)) {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, combined, { mode: 0o644 });
    renameSync(temporary, file);
  }
  return { file, changed: true };
}

/** Set in a relaunched child, which then ends when its parent does (see endWithParent). */
const RELAUNCHED = "BINCK_RELAUNCHED_TRUSTING_LOCAL_CA";

/**
 * Runs `script` in a child Node process (with this process's loader flags, so TypeScript under tsx works) that
 * trusts the local CA and the configured bundle, passing on arguments, standard streams, signals and the exit code.
 * `endWithParent`: the child also ends when this process is killed outright (tsx SIGKILLs a child that does not
 * acknowledge a signal within 30 ms, which a busy machine misses), through an IPC channel that closes with it.
 */
export function runTrustingLocalCa(script: string, args: string[], extra = extraCaCertsWithLocalCa(process.env.NODE_EXTRA_CA_CERTS), endWithParent = false): void {
  if (extra.warning) process.stderr.write(`${extra.warning}\n`);
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: extra.file, ...(endWithParent ? { [RELAUNCHED]: "1" } : {}) };
  const child = spawn(process.execPath, [...process.execArgv, script, ...args], { stdio: endWithParent ? ["inherit", "inherit", "inherit", "ipc"] : "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * A process that calls the local origins (the broker calls the sandbox) relaunches itself trusting the local CA
 * when it does not yet. Returns true in the parent, which must then do nothing else.
 */
export function relaunchTrustingLocalCa(script: string): boolean {
  if (process.env[RELAUNCHED]) {
    delete process.env[RELAUNCHED];
    endWithParent();
  }
  const extra = extraCaCertsWithLocalCa(process.env.NODE_EXTRA_CA_CERTS);
  if (!extra.changed) return false;
  runTrustingLocalCa(script, process.argv.slice(2), extra, true);
  return true;
}

/** In a relaunched child: when the parent's channel closes (the parent is gone), stop as on SIGTERM. */
function endWithParent(): void {
  if (!process.connected) return;
  process.channel?.unref();
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
}

/** PEM text with Unix line ends and no surrounding blank lines, so that one bundle can be found inside another. */
function pemText(text: string): string {
  return text.replace(/\r\n/g, "\n").trim();
}
