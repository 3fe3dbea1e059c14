import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Loads `.env` from the project root, when there is one, into process.env (values already set win).
 * Node's own loader: no dependency.
 */
export function loadEnvFile(file = path.resolve(__dirname, "..", "..", ".env")): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
