import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Scope } from "../../src/core/wire/auth";
import { parseClientConfig, type OAuthClientConfig } from "./oauth-client-config";
import { randomToken } from "./secrets";

/** The add-in's own client on the local sandbox; its secret is generated on first use and kept in the clients file. */
export const LOCAL_CLIENT_ID = "binck-excel-local";
export const LOCAL_CLIENT_REDIRECT_URI = "https://localhost:3000/auth/callback";
export const LOCAL_CLIENT_SCOPES: readonly Scope[] = ["read", "write", "news", "quotes"];

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The local client with a fresh random secret. */
export function newLocalClient(): OAuthClientConfig {
  return { clientId: LOCAL_CLIENT_ID, clientSecret: randomToken(), redirectUris: [LOCAL_CLIENT_REDIRECT_URI], scopes: [...LOCAL_CLIENT_SCOPES] };
}

/**
 * Reads a clients file: `{"clients": [{clientId, clientSecret, redirectUris, scopes}, …]}`.
 * A missing file is an empty list; anything malformed throws an Error naming the file, entry and field.
 */
export function readClientsFile(file: string): OAuthClientConfig[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new Error(`Cannot read the OAuth clients file ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`The OAuth clients file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const clients = (parsed as { clients?: unknown } | null)?.clients;
  if (!Array.isArray(clients)) throw new Error(`The OAuth clients file ${file} must hold an object {"clients": [ … ]}.`);
  const configs = clients.map((entry, index) => parseClientConfig(entry, `${file}: clients[${index}]`));
  const seen = new Set<string>();
  for (const config of configs) {
    if (seen.has(config.clientId)) throw new Error(`The OAuth clients file ${file} registers clientId '${config.clientId}' twice.`);
    seen.add(config.clientId);
  }
  return configs;
}

/**
 * The local client's id and secret from the clients file, registering it (with a new random secret) when the
 * file or the entry is missing. The sandbox and the broker both call this, so whichever starts first creates it.
 */
export function ensureLocalClient(file: string): ClientCredentials {
  if (!file) throw new Error("No clients file is configured (clientsFile is empty): the local client's secret is not kept anywhere.");
  for (let attempt = 0; attempt < 2; attempt++) {
    const clients = readClientsFile(file);
    const local = clients.find((client) => client.clientId === LOCAL_CLIENT_ID);
    if (local) return { clientId: local.clientId, clientSecret: local.clientSecret };
    const created = newLocalClient();
    if (writeClientsFile(file, [...clients, created], clients.length === 0)) {
      return { clientId: created.clientId, clientSecret: created.clientSecret };
    }
    // Another process created the file in the meantime: read its secret instead of ours.
  }
  throw new Error(`Could not register ${LOCAL_CLIENT_ID} in ${file}.`);
}

/** Writes the file readable by its owner only (it holds secrets). Returns false when `createOnly` and the file appeared. */
function writeClientsFile(file: string, clients: OAuthClientConfig[], createOnly: boolean): boolean {
  const text = `${JSON.stringify({ clients }, null, 2)}\n`;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (createOnly) {
    try {
      writeFileSync(file, text, { mode: 0o600, flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw new Error(`Cannot write the OAuth clients file ${file}: ${(error as Error).message}`);
    }
  }
  // Replace atomically so a reader never sees half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  return true;
}
