import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { rootCertificates } from "node:tls";
import { loadTlsMaterial } from "../../server/shared/tls";

const root = path.resolve(__dirname, "..", "..");

interface ProbeOutput {
  extraCaCerts: string | null;
  results: Record<string, number | string>;
  pid: number;
  parentPid: number;
}

/**
 * A process that calls the local origins relaunches itself trusting the local CA (server/shared/trust-local-ca.ts)
 * and must keep trusting what NODE_EXTRA_CA_CERTS already named: machines point it at the system bundle, often
 * with a corporate CA in it. The probe runs as `npm start` does and fetches a server of each CA.
 */
describe("relaunching trusting the local CA", () => {
  const work = mkdtempSync(path.join(tmpdir(), "binck-trust-"));
  const corporateDir = path.join(work, "corporate-ca");
  // The probe's own local CA (BINCK_CERT_DIR), so that its combined bundles stay out of the project's .certs/.
  const localDir = path.join(work, "local-ca");
  const systemBundle = path.join(work, "ca-certificates.crt");
  const servers: Server[] = [];
  let urls: { local: string; corporate: string };

  async function serve(tls: ReturnType<typeof loadTlsMaterial>): Promise<string> {
    const server = createServer(tls, (_request, response) => response.end("ok"));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
    return `https://localhost:${(server.address() as { port: number }).port}/`;
  }

  function probeEnv(extraCaCerts: string | undefined): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, BINCK_CERT_DIR: localDir, PROBE_URLS: `${urls.local} ${urls.corporate}` };
    delete env.NODE_EXTRA_CA_CERTS;
    if (extraCaCerts) env.NODE_EXTRA_CA_CERTS = extraCaCerts;
    return env;
  }

  function probe(extraCaCerts: string | undefined): Promise<ProbeOutput> {
    const env = probeEnv(extraCaCerts);
    return new Promise((resolve, reject) => {
      execFile(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "test", "support", "trust-probe.ts")], { env }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as ProbeOutput);
      });
    });
  }

  beforeAll(async () => {
    const corporate = loadTlsMaterial(corporateDir);
    // A system bundle as Debian makes it, with the corporate CA added.
    writeFileSync(systemBundle, `${rootCertificates.join("\n")}\n${corporate.ca.toString()}`);
    urls = { local: await serve(loadTlsMaterial(localDir)), corporate: await serve(corporate) };
  }, 120_000);
  afterAll(() => {
    for (const server of servers) server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("trusts the local CA in addition to a system bundle already configured", async () => {
    const output = await probe(systemBundle);
    expect(output.results).toEqual({ [urls.local]: 200, [urls.corporate]: 200 });
    expect(output.extraCaCerts).toMatch(new RegExp(`^${localDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/node-extra-ca-[0-9a-f]{16}\\.pem$`));
    const combined = readFileSync(output.extraCaCerts!, "utf8");
    expect(combined.startsWith(readFileSync(systemBundle, "utf8").trim())).toBe(true);
    expect(combined.trim().endsWith(readFileSync(path.join(localDir, "ca.crt"), "utf8").trim())).toBe(true);
  }, 120_000);

  it("trusts the local CA alone when nothing is configured (and so not the corporate CA)", async () => {
    const output = await probe(undefined);
    expect(output.extraCaCerts).toBe(path.join(localDir, "ca.crt"));
    expect(output.results[urls.local]).toBe(200);
    expect(output.results[urls.corporate]).toMatch(/^its TLS certificate is not trusted: .* \(SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain\)$/);
  }, 120_000);

  it("does not relaunch when the configured bundle already holds the local CA", async () => {
    const combined = (await probe(systemBundle)).extraCaCerts!;
    const output = await probe(combined);
    expect(output.extraCaCerts).toBe(combined);
    expect(output.results).toEqual({ [urls.local]: 200, [urls.corporate]: 200 });
  }, 120_000);

  it("ends the relaunched process when the one that relaunched it is killed outright", async () => {
    const tsx = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "test", "support", "trust-probe.ts")],
      { env: { ...probeEnv(systemBundle), PROBE_HOLD: "1" }, stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise((resolve) => tsx.once("exit", resolve));
    const output = await new Promise<ProbeOutput>((resolve) => {
      let text = "";
      tsx.stdout!.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes("\n")) resolve(JSON.parse(text) as ProbeOutput);
      });
    });
    expect(isRunning(output.pid)).toBe(true);
    process.kill(output.parentPid, "SIGKILL");
    // Wait for the condition, not for a time: the relaunched process must notice and stop by itself.
    while (isRunning(output.pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    tsx.kill("SIGTERM");
    await exited;
  }, 120_000);
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
