import path from "node:path";
import { runTrustingLocalCa } from "../server/shared/trust-local-ca";

/**
 * `tsx scripts/with-local-ca.ts <script> [arguments…]` runs a script that calls the local origins (`npm run bench`)
 * trusting the local CA in addition to whatever NODE_EXTRA_CA_CERTS already names.
 */
const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write("Usage: tsx scripts/with-local-ca.ts <script> [arguments…]\n");
  process.exit(2);
}
runTrustingLocalCa(path.resolve(script), args);
