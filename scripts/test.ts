import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { extraCaCertsWithLocalCa } from "../server/shared/trust-local-ca";
import { chromiumPath } from "../test/support/chromium-path";

/**
 * `npm test`: makes the local certificates, checks that headless Chromium is there (it fails loudly when not),
 * type-checks each part, builds the add-in, then runs every jest suite with the local CA trusted by Node (in addition to a
 * bundle NODE_EXTRA_CA_CERTS may already name, such as the system one).
 */
const root = path.resolve(__dirname, "..");
const extraCaCerts = extraCaCertsWithLocalCa(process.env.NODE_EXTRA_CA_CERTS);
if (extraCaCerts.warning) process.stderr.write(`${extraCaCerts.warning}\n`);
const chromium = chromiumPath();
if (!chromium || !existsSync(chromium)) {
  process.stderr.write("npm test needs Chromium for the browser suites: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.\n");
  process.exit(1);
}
const env = { ...process.env, NODE_EXTRA_CA_CERTS: extraCaCerts.file, CHROMIUM_PATH: chromium };
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

// One project per part, so dependency directions are checked, not just a habit: src/core sees no DOM, Node or
// Office types; server/ sees no DOM; nothing in src/ imports server/. Then tests, benchmarks and scripts.
for (const project of ["tsconfig.core.json", "tsconfig.server.json", "tsconfig.addin.json", "tsconfig.json"]) {
  const typecheck = spawnSync(bin("tsc"), ["--noEmit", "-p", path.join(root, project)], { stdio: "inherit", env });
  if (typecheck.status !== 0) {
    process.stderr.write(`Type check failed (${project}).\n`);
    process.exit(typecheck.status ?? 1);
  }
}
// The browser suites load the built add-in: build it first (development mode is quick and has no eval).
const build = spawnSync(bin("webpack"), ["--mode", "development"], { stdio: ["ignore", "ignore", "inherit"], env, cwd: root });
if (build.status !== 0) {
  process.stderr.write("The add-in build (webpack) failed.\n");
  process.exit(build.status ?? 1);
}
const jest = spawnSync(bin("jest"), ["--ci", ...process.argv.slice(2)], { stdio: "inherit", env, cwd: root });
process.exit(jest.status ?? 1);
