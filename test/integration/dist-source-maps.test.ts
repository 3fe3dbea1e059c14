import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack, { type Configuration } from "webpack";
import { startBrokerWorld, type BrokerWorld } from "../support/broker";

const root = path.resolve(__dirname, "..", "..");
const configFor = require(path.join(root, "webpack.config.js")) as (env: unknown, argv: { mode: "production" | "development" }) => Configuration;

/**
 * The project's webpack configuration in one mode, built for the small dialog entry only (a whole production
 * build takes minutes on a busy machine; the source-map setting is the same for every entry).
 */
async function buildDialog(mode: "production" | "development"): Promise<string> {
  const outputPath = mkdtempSync(path.join(tmpdir(), `binck-dist-${mode}-`));
  const config = configFor(undefined, { mode });
  const compiler = webpack({ ...config, context: root, entry: { dialog: "./src/dialog/index.ts" }, plugins: [], output: { ...config.output, path: outputPath } });
  await new Promise<void>((resolve, reject) => compiler.run((error, stats) => {
    compiler.close(() => undefined);
    if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString("errors-only")));
    else resolve();
  }));
  return outputPath;
}

describe.each([
  ["production", false],
  ["development", true],
] as const)("the add-in origin serving a %s build", (mode, mapsExpected) => {
  let dist: string;
  let world: BrokerWorld;
  beforeAll(async () => {
    dist = await buildDialog(mode);
    world = await startBrokerWorld({ broker: { staticDir: dist } });
  }, 180_000);
  afterAll(async () => {
    await world.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it(mapsExpected ? "has source maps, linked from the bundle and served" : "has no source maps: none built, none linked, none served", async () => {
    expect(readdirSync(dist).filter((file) => file.endsWith(".map"))).toEqual(mapsExpected ? ["dialog.js.map"] : []);
    const bundle = await fetch(`${world.broker.url}/dialog.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).includes("sourceMappingURL")).toBe(mapsExpected);
    expect(readFileSync(path.join(dist, "dialog.js"), "utf8").includes("sourceMappingURL")).toBe(mapsExpected);
    const map = await fetch(`${world.broker.url}/dialog.js.map`);
    await map.arrayBuffer();
    expect(map.status).toBe(mapsExpected ? 200 : 404);
  });
});
