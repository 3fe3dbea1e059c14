import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { rootCertificates } from "node:tls";
import { freePort } from "../support/free-port";
import { signInResultOf } from "../support/broker";
import { fillLoginPages } from "../support/oauth-login";

const root = path.resolve(__dirname, "..", "..");
const work = mkdtempSync(path.join(tmpdir(), "binck-main-job-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The machine's CA bundle, as many machines (corporate ones, CI) name it in NODE_EXTRA_CA_CERTS; Node's own roots where there is none. */
function systemBundle(): string {
  const debian = "/etc/ssl/certs/ca-certificates.crt";
  if (existsSync(debian)) return debian;
  const file = path.join(work, "ca-certificates.crt");
  writeFileSync(file, `${rootCertificates.join("\n")}\n`);
  return file;
}

/**
 * The main job as `npm start` runs it (the build is done by `npm test` first): sandbox, broker and add-in
 * server in their own process and a whole sign-in through them, started without NODE_EXTRA_CA_CERTS and with
 * it already naming the system bundle (the local CA must be trusted in addition).
 */
describe.each([
  ["without NODE_EXTRA_CA_CERTS", () => undefined],
  ["with NODE_EXTRA_CA_CERTS naming the system bundle", systemBundle],
])("npm start %s", (_how, extraCaCerts) => {
  let dataDir: string;
  let child: ChildProcess;
  let output = "";
  let ports: { addin: number; login: number; api: number; realtime: number };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(work, "data-"));
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
    const configured = extraCaCerts();
    if (configured) env.NODE_EXTRA_CA_CERTS = configured;
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
  }, 120_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  });

  it("prints every URL, and each one answers", async () => {
    const expected = [`https://localhost:${ports.addin}/taskpane.html`, `https://localhost:${ports.addin}/auth/config`, `https://localhost:${ports.addin}/host.html`,
      `https://localhost:${ports.api}/api/v1/version`, `https://localhost:${ports.realtime}/stream/v1`, `https://localhost:${ports.realtime}/version`,
      `https://localhost:${ports.api}/_sandbox/status`];
    const printed = [...new Set(output.match(/https:\/\/[^\s)]+/g))];
    expect(printed.sort()).toEqual([...expected].sort());
    expect(output).toContain("Environment: Local sandbox (practice data) (BINCK_ENV=local).");
    expect(output).toContain("npm run sideload -- desktop");
    // The hub's own URL is for SignalR clients (negotiate, then a transport), not for a plain GET.
    for (const url of printed.filter((url) => !url.endsWith("/stream/v1"))) {
      const response = await fetch(url);
      await response.arrayBuffer();
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
    }
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
