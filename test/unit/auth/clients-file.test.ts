import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  LOCAL_CLIENT_ID, LOCAL_CLIENT_REDIRECT_URI, ensureLocalClient, readClientsFile,
} from "../../../server/shared/clients-file";
import { ClientRegistry } from "../../../server/sandbox/auth/client-registry";
import { silentLogger } from "../../../server/shared/logger";

describe("clients file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "binck-clients-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe("ensureLocalClient", () => {
    it("creates the file with the local client and a random secret, readable by its owner only", () => {
      const file = path.join(dir, "nested", "clients.json");
      const credentials = ensureLocalClient(file);
      expect(credentials.clientId).toBe(LOCAL_CLIENT_ID);
      expect(credentials.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
        clients: [{ clientId: LOCAL_CLIENT_ID, clientSecret: credentials.clientSecret, redirectUris: [LOCAL_CLIENT_REDIRECT_URI], scopes: ["read", "write", "news", "quotes"] }],
      });
    });

    it("gives the same secret on every later call", () => {
      const file = path.join(dir, "clients.json");
      const first = ensureLocalClient(file);
      expect(ensureLocalClient(file)).toEqual(first);
    });

    it("adds the local client to a file with other clients and keeps them", () => {
      const file = path.join(dir, "clients.json");
      const other = { clientId: "IndividualUser_demo_x1", clientSecret: "demo-secret", redirectUris: ["https://demo.example/cb"], scopes: ["read"] };
      writeFileSync(file, JSON.stringify({ clients: [other] }));
      const local = ensureLocalClient(file);
      expect(readClientsFile(file)).toEqual([other, expect.objectContaining({ clientId: LOCAL_CLIENT_ID, clientSecret: local.clientSecret })]);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    });

    it("refuses an empty file name", () => {
      expect(() => ensureLocalClient("")).toThrow("No clients file is configured (clientsFile is empty): the local client's secret is not kept anywhere.");
    });
  });

  describe("readClientsFile", () => {
    it("reads a missing file as no clients", () => {
      expect(readClientsFile(path.join(dir, "absent.json"))).toEqual([]);
    });

    it.each([
      ["not json", /is not valid JSON/],
      ["[]", /must hold an object \{"clients": \[ … \]\}/],
      [JSON.stringify({ clients: [{ clientId: "a b", clientSecret: "12345678", redirectUris: ["https://x.example"], scopes: ["read"] }] }),
        /clients\[0\]: clientId "a b" must be 1-200 characters/],
      [JSON.stringify({ clients: [{ clientId: "a", clientSecret: "short", redirectUris: ["https://x.example"], scopes: ["read"] }] }),
        /clients\[0\] \(a\): clientSecret must be a string of at least 8 characters/],
      [JSON.stringify({ clients: [{ clientId: "a", clientSecret: "12345678", redirectUris: ["http://x.example/cb"], scopes: ["read"] }] }),
        /redirect URI 'http:\/\/x.example\/cb' must use https \(http only on localhost\)/],
      [JSON.stringify({ clients: [{ clientId: "a", clientSecret: "12345678", redirectUris: ["https://x.example/cb#top"], scopes: ["read"] }] }),
        /must not have a fragment/],
      [JSON.stringify({ clients: [{ clientId: "a", clientSecret: "12345678", redirectUris: ["https://x.example/cb"], scopes: ["trade"] }] }),
        /scope "trade" is not one of read, write, news, quotes, internal/],
      [JSON.stringify({ clients: [{ clientId: "a", clientSecret: "12345678", redirectUris: ["https://x.example/cb"], scopes: ["read"], displayName: 7 }] }),
        /clients\[0\] \(a\): displayName 7 must be 1-80 characters of text without control characters/],
      [JSON.stringify({ clients: [{ clientId: "a", clientSecret: "12345678", redirectUris: ["https://x.example/cb"], scopes: ["read"], displayName: "" }] }),
        /clients\[0\] \(a\): displayName "" must be 1-80 characters/],
      [JSON.stringify({ clients: [
        { clientId: "a", clientSecret: "12345678", redirectUris: ["https://x.example/cb"], scopes: ["read"] },
        { clientId: "a", clientSecret: "87654321", redirectUris: ["https://x.example/cb"], scopes: ["read"] },
      ] }), /registers clientId 'a' twice/],
    ])("refuses %s", (text, message) => {
      const file = path.join(dir, "clients.json");
      writeFileSync(file, text);
      expect(() => readClientsFile(file)).toThrow(message);
    });

    it("never puts a secret in an error message", () => {
      const file = path.join(dir, "clients.json");
      writeFileSync(file, JSON.stringify({ clients: [{ clientId: "a", clientSecret: "very-secret-value", redirectUris: ["ftp://x"], scopes: ["read"] }] }));
      expect(() => readClientsFile(file)).toThrow(/^(?!.*very-secret-value)/s);
    });
  });

  describe("ClientRegistry", () => {
    const extra = { clientId: "test", clientSecret: "test-secret", redirectUris: ["https://localhost:1234/cb"], scopes: ["read"] };

    it("keeps everything in memory without a clients file", () => {
      const registry = ClientRegistry.load({ clientsFile: "", extraClients: [extra] }, silentLogger);
      expect(registry.find(LOCAL_CLIENT_ID)?.redirectUris).toEqual([LOCAL_CLIENT_REDIRECT_URI]);
      expect(registry.authenticate("test", "test-secret")?.clientId).toBe("test");
      expect(registry.authenticate("test", "test-secreT")).toBeUndefined();
      expect(registry.authenticate("nobody", "test-secret")).toBeUndefined();
    });

    it("names a client by its optional displayName, the local client binck-excel, any other by its id", () => {
      const file = path.join(dir, "clients.json");
      const named = { ...extra, clientId: "named", displayName: "Portfolio Sheet" };
      writeFileSync(file, JSON.stringify({ clients: [named, extra] }));
      const registry = ClientRegistry.load({ clientsFile: file, extraClients: [] }, silentLogger);
      expect(readClientsFile(file)[0].displayName).toBe("Portfolio Sheet");
      expect(["named", "test", LOCAL_CLIENT_ID].map((id) => registry.displayName(registry.find(id)!))).toEqual(["Portfolio Sheet", "test", "binck-excel"]);
    });

    it("uses the secret of the file for the local client", () => {
      const file = path.join(dir, "clients.json");
      const { clientSecret } = ensureLocalClient(file);
      const registry = ClientRegistry.load({ clientsFile: file, extraClients: [] }, silentLogger);
      expect(registry.authenticate(LOCAL_CLIENT_ID, clientSecret)?.clientId).toBe(LOCAL_CLIENT_ID);
    });

    it("refuses a bad extra client and a client registered twice", () => {
      expect(() => ClientRegistry.load({ clientsFile: "", extraClients: [{ ...extra, scopes: [] }] }, silentLogger))
        .toThrow("extraClients[0] (test): scopes must be a non-empty array of read, write, news, quotes, internal.");
      expect(() => ClientRegistry.load({ clientsFile: "", extraClients: [{ ...extra, clientId: LOCAL_CLIENT_ID }] }, silentLogger))
        .toThrow(`OAuth clientId '${LOCAL_CLIENT_ID}' is registered twice.`);
    });
  });
});
