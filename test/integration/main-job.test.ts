import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../support/free-port";
import { signInResultOf } from "../support/broker";
import { fillLoginPages } from "../support/oauth-login";

/**
 * The main job as `npm start` runs it (the build is done by `npm test` first): sandbox, broker and add-in
 * server in their own process, started without NODE_EXTRA_CA_CERTS, and a whole sign-in through them.
 */
describe("npm start", () => {
  const root = path.resolve(__dirname, "..", "..");
  const dataDir = mkdtempSync(path.join(tmpdir(), "binck-main-job-"));
  let child: ChildProcess;
  let output = "";
  let ports: { addin: number; login: number; api: number; realtime: number };

  beforeAll(async () => {
    ports = { addin: await freePort(), login: await freePort(), api: await freePort(), realtime: await freePort() };
    // The add-in's local client, registered for this run's origin (the default is https://localhost:3000).
    writeFileSync(path.join(dataDir, "clients.json"), JSON.stringify({
      clients: [{ clientId: "binck-excel-local", clientSecret: "main-job-test-secret-0123456789", redirectUris: [`https://localhost:${ports.addin}/auth/callback`], scopes: ["read", "write", "news", "quotes"] }],
    }));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SKIP_BUILD: "1",
      ADDIN_PORT: String(ports.addin),
      ADDIN_ORIGIN: `https://localhost:${ports.addin}`,
      BINCK_LOGIN_URL: `https://localhost:${ports.login}/am/oauth2/`,
      BINCK_API_URL: `https://localhost:${ports.api}/api/v1`,
      BINCK_REALTIME_URL: `https://localhost:${ports.realtime}/stream/v1`,
      SANDBOX_LOGIN_PORT: String(ports.login),
      SANDBOX_API_PORT: String(ports.api),
      SANDBOX_REALTIME_PORT: String(ports.realtime),
      SANDBOX_DATA_DIR: dataDir,
    };
    delete env.NODE_EXTRA_CA_CERTS;
    child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "start.ts")], { env, stdio: ["ignore", "pipe", "pipe"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Local CA certificate:")) resolve();
      });
      child.stderr!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.on("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints every URL", () => {
    for (const url of [`https://localhost:${ports.addin}/taskpane.html`, `https://localhost:${ports.addin}/host.html`,
      `https://localhost:${ports.login}/am/oauth2/realms/bincknlapi/authorize`, `https://localhost:${ports.api}/api/v1/version`,
      `https://localhost:${ports.realtime}/stream/v1`, `https://localhost:${ports.api}/_sandbox/status`]) {
      expect(output).toContain(url);
    }
    expect(output).toContain("npm run sideload -- desktop");
  });

  it("signs a person in through its broker and sandbox", async () => {
    const start = await fetch(`https://localhost:${ports.addin}/auth/login?realm=bincknlapi&locale=en`, { redirect: "manual" });
    const cookie = start.headers.get("set-cookie")!.split(";")[0];
    const page = await fillLoginPages(`https://localhost:${ports.login}`, "bincknlapi", start.headers.get("location")!, { username: "jansen", sms: "123456", consent: "allow" });
    const callback = new URL(page.location!);
    const html = await (await fetch(callback, { headers: { Cookie: cookie } })).text();
    const result = signInResultOf(html);
    expect(result).toMatchObject({ kind: "signedIn", realm: "bincknlapi", readOnly: false, scope: "read write news quotes" });
    expect(html).not.toContain("main-job-test-secret");
  });
});
