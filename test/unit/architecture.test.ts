import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * ARCHITECTURE.md: src/core's public face is its index; the add-in's adapters import nothing else of core. (The
 * other directions — core without DOM or Office, server without DOM, src never importing server — are checked by
 * the type check of tsconfig.{core,server,addin}.json.)
 */
const SRC = path.resolve(__dirname, "..", "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("the add-in's adapters", () => {
  const adapters = readdirSync(SRC).filter((name) => name !== "core" && statSync(path.join(SRC, name)).isDirectory());

  it.each(adapters)("src/%s imports core only through src/core/index.ts", (folder) => {
    const offending = sourceFiles(path.join(SRC, folder)).flatMap((file) => {
      const imports = [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)].map((match) => match[1]);
      return imports
        .filter((specifier) => specifier.startsWith("."))
        .map((specifier) => path.relative(SRC, path.resolve(path.dirname(file), specifier)))
        .filter((target) => target.startsWith(`core${path.sep}`))
        .map((target) => `${path.relative(SRC, file)} -> ${target}`);
    });
    expect(offending).toEqual([]);
  });
});
