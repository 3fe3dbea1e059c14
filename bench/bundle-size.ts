import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { projectRoot } from "./child-process";

/**
 * The size of the built bundles in dist/ (build them first: `npx webpack --mode production`), minified as built
 * and gzipped with zlib's default level, as a table. The figures are for the mode dist/ was built in.
 */
export function printBundleSizes(out: (line: string) => void): void {
  const dist = path.join(projectRoot, "dist");
  let files: string[];
  try {
    files = readdirSync(dist).filter((name) => name.endsWith(".js") && statSync(path.join(dist, name)).isFile()).sort();
  } catch {
    out("bundles    no dist/: run `npx webpack --mode production` first");
    return;
  }
  const kb = (bytes: number) => `${bytes.toLocaleString("en")} B`.padStart(12);
  out(`bundles    dist/ (${isProduction(dist, files) ? "production" : "NOT production: rebuild with --mode production"}), zlib default level:`);
  out(`           ${"file".padEnd(28)}${"minified".padStart(12)}${"gzipped".padStart(12)}`);
  let total = 0;
  let totalGzip = 0;
  for (const name of files) {
    const content = readFileSync(path.join(dist, name));
    const gzip = gzipSync(content).length;
    total += content.length;
    totalGzip += gzip;
    out(`           ${name.padEnd(28)}${kb(content.length)}${kb(gzip)}`);
  }
  out(`           ${"total".padEnd(28)}${kb(total)}${kb(totalGzip)}`);
}

/** webpack's development output keeps its "webpackBootstrap" comment; the minified production output does not. */
function isProduction(dist: string, files: readonly string[]): boolean {
  return files.every((name) => !readFileSync(path.join(dist, name), "utf8").includes("webpackBootstrap"));
}
