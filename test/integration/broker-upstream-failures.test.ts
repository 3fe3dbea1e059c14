import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import { createServer as createTcpServer, type Server as TcpServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadTlsMaterial } from "../../server/shared/tls";
import type { SignInMessage } from "../../src/core/wire/broker";
import { freePort } from "../support/free-port";
import { signInResultOf, startBrokerWorld, type BrokerWorld } from "../support/broker";
import { fillLoginPages } from "../support/oauth-login";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const UNTRUSTED = "its TLS certificate is not trusted: trust the certificate authority that signed it (NODE_EXTRA_CA_CERTS; the local sandbox's is .certs/ca.crt)";

/**
 * Real network failures between the broker and Binck: each upstream call of the broker, sent where it fails for
 * a known reason, must name that reason (not undici's bare "fetch failed") in its answer and in the broker's log.
 */
describe("the token broker when Binck cannot be reached", () => {
  const certDir = mkdtempSync(path.join(tmpdir(), "binck-other-ca-"));
  let world: BrokerWorld;
  let untrusted: HttpsServer;
  let closing: TcpServer;
  const failing = { untrusted: "", refused: "", reset: "", unknownHost: "https://binck-login.invalid" };
  /** Upstream paths sent elsewhere (to the origin given) instead of the sandbox. */
  const rerouted = new Map<string, string>();

  beforeAll(async () => {
    // A localhost server whose certificate (sent with its CA) comes from another CA, which this process does not trust.
    untrusted = createHttpsServer(loadTlsMaterial(certDir), (_request, response) => response.end("{}"));
    await new Promise<void>((resolve) => untrusted.listen(0, "localhost", resolve));
    failing.untrusted = `https://localhost:${(untrusted.address() as { port: number }).port}`;
    closing = createTcpServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => closing.listen(0, "localhost", resolve));
    failing.reset = `https://localhost:${(closing.address() as { port: number }).port}`;
    failing.refused = `https://localhost:${await freePort()}`;
    world = await startBrokerWorld({
      broker: {
        fetch: (url, init) => {
          const target = new URL(url);
          const origin = [...rerouted].find(([suffix]) => target.pathname.endsWith(suffix))?.[1];
          return fetch(origin ? `${origin}${target.pathname}` : url, init);
        },
      },
    });
  }, 120_000);
  afterEach(() => rerouted.clear());
  afterAll(async () => {
    await world.close();
    untrusted.close();
    closing.close();
    rmSync(certDir, { recursive: true, force: true });
  });

  async function signIn(): Promise<{ status: number; message: SignInMessage }> {
    const start = await fetch(`${world.broker.url}/auth/login?realm=bincknlapi&locale=en`, { redirect: "manual" });
    const cookie = start.headers.get("set-cookie")!.split(";")[0];
    const page = await fillLoginPages(world.sandbox.urls.login, "bincknlapi", start.headers.get("location")!, { username: "jansen", sms: "123456", consent: "allow" });
    const callback = new URL(page.location!);
    const response = await fetch(`${world.broker.url}${callback.pathname}${callback.search}`, { headers: { Cookie: cookie } });
    return { status: response.status, message: signInResultOf(await response.text()) as SignInMessage };
  }

  const refresh = (sessionHandle: string) => fetch(`${world.broker.url}/auth/refresh`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ sessionHandle, force: true }),
  });

  it("names an untrusted certificate when the code exchange fails, and tells the person plainly", async () => {
    rerouted.set("/access_token", failing.untrusted);
    const { status, message } = await signIn();
    expect(status).toBe(502);
    const developerMessage = `Token endpoint: 502 upstream_unreachable: The Binck login server (${world.sandbox.urls.login}) cannot be reached: ` +
      `${UNTRUSTED} (SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain).`;
    expect(message).toEqual({ kind: "error", errorCode: "upstreamUnavailable", endUserMessage: "Binck cannot be reached right now. Please try again in a moment.", developerMessage });
    expect(world.logLines).toContain(`warn Code exchange failed. ${developerMessage}`);
  });

  it("names a refused connection when a refresh fails, and keeps the session", async () => {
    const { message } = await signIn();
    if (message.kind !== "signedIn") throw new Error(`sign-in failed: ${JSON.stringify(message)}`);
    rerouted.set("/access_token", failing.refused);
    const failed = await refresh(message.sessionHandle);
    expect(failed.status).toBe(503);
    const body = await failed.json();
    expect(body).toMatchObject({ errorCode: "upstreamUnavailable", endUserMessage: "Binck cannot be reached right now. The add-in keeps trying." });
    expect(body.developerMessage).toMatch(new RegExp(`^The token endpoint answered 502 upstream_unreachable: The Binck login server \\(${escape(world.sandbox.urls.login)}\\) ` +
      "cannot be reached: the connection was refused: nothing listens on that host and port \\(is the server running, is the URL right\\?\\) \\(ECONNREFUSED: [^)]+\\)\\.$"));
    expect(world.logLines.some((line) => line.startsWith("warn Refresh failed, session kept: 502 upstream_unreachable: ") && line.includes("(ECONNREFUSED"))).toBe(true);
    rerouted.clear();
    expect((await refresh(message.sessionHandle)).status).toBe(200);
  });

  it("names a connection closed before an answer when the accounts cannot be read at sign-in", async () => {
    rerouted.set("/accounts", failing.reset);
    const { status, message } = await signIn();
    expect(status).toBe(502);
    expect(message).toMatchObject({ kind: "error", errorCode: "upstreamUnavailable", endUserMessage: "Your Binck accounts could not be read. Please try again." });
    if (message.kind !== "error") throw new Error("unreachable");
    expect(message.developerMessage).toMatch(new RegExp(`^Reading /accounts failed: The Binck API \\(${escape(world.sandbox.urls.api)}\\) cannot be reached: ` +
      "the connection was closed before an answer came \\(ECONNRESET: [^)]+\\)\\.$"));
    expect(world.logLines).toContain(`warn Sign-in abandoned. ${message.developerMessage}`);
  });

  it("names a host that cannot be resolved when Binck cannot be told about a sign-out", async () => {
    const { message } = await signIn();
    if (message.kind !== "signedIn") throw new Error(`sign-in failed: ${JSON.stringify(message)}`);
    rerouted.set("/sessions", failing.unknownHost);
    const response = await fetch(`${world.broker.url}/auth/logout`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ sessionHandle: message.sessionHandle }) });
    expect(await response.json()).toEqual({ signedOut: true, upstream: "alreadyEnded" });
    expect(world.logLines.find((line) => line.includes("Binck was not told"))).toMatch(
      new RegExp(`^warn Signed out here, but Binck was not told: The Binck API \\(${escape(world.sandbox.urls.api)}\\) cannot be reached: the host name cannot be resolved \\(DNS\\) \\((ENOTFOUND|EAI_AGAIN): `));
  });
});
