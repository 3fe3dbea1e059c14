import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { extraCaCertsWithLocalCa } from "../../../server/shared/trust-local-ca";
import { ensureCertificates } from "../../../server/shared/tls";

describe("extraCaCertsWithLocalCa", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "binck-extra-ca-"));
  const localCa = ensureCertificates(dir).caCert;
  const localPem = readFileSync(localCa, "utf8").trim();
  const otherPem = "-----BEGIN CERTIFICATE-----\nT3RoZXIgQ0E=\n-----END CERTIFICATE-----";
  const bundle = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names the local CA itself when nothing is configured", () => {
    expect(extraCaCertsWithLocalCa(undefined, dir)).toEqual({ file: localCa, changed: true });
    expect(extraCaCertsWithLocalCa("", dir)).toEqual({ file: localCa, changed: true });
  });

  it("adds the local CA after a configured bundle, in one file named by its content, written once", () => {
    const system = bundle("system.crt", `${otherPem}\n`);
    const first = extraCaCertsWithLocalCa(system, dir);
    expect(first.changed).toBe(true);
    expect(path.dirname(first.file)).toBe(dir);
    expect(readFileSync(first.file, "utf8")).toBe(`${otherPem}\n${localPem}\n`);
    expect(extraCaCertsWithLocalCa(system, dir)).toEqual(first);
    expect(readdirSync(dir).filter((file) => file.startsWith("node-extra-ca-"))).toEqual([path.basename(first.file)]);
  });

  it.each([
    ["the local CA file itself", () => localCa],
    ["a bundle that holds it", () => bundle("with-local.crt", `${otherPem}\n${localPem}\n`)],
    ["a bundle that holds it with Windows line ends", () => bundle("with-local-crlf.crt", `${otherPem}\r\n${localPem.replace(/\n/g, "\r\n")}\r\n`)],
  ])("changes nothing when the configured value is %s", (_what, configured) => {
    const file = configured();
    expect(extraCaCertsWithLocalCa(file, dir)).toEqual({ file, changed: false });
  });

  it("falls back to the local CA alone, with a warning, when the configured file cannot be read", () => {
    const missing = path.join(dir, "missing.crt");
    expect(extraCaCertsWithLocalCa(missing, dir)).toEqual({
      file: localCa, changed: true, warning: `NODE_EXTRA_CA_CERTS names ${missing}, which cannot be read (ENOENT): only the local CA is added.`,
    });
  });
});
