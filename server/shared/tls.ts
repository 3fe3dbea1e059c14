import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where the localhost certificates live: `.certs/` in the project, or BINCK_CERT_DIR. Never committed. */
export function certificateDir(): string {
  return process.env.BINCK_CERT_DIR ?? path.resolve(__dirname, "..", "..", ".certs");
}

export interface CertificatePaths {
  caCert: string;
  key: string;
  cert: string;
}

export interface TlsMaterial {
  key: Buffer;
  cert: Buffer;
  ca: Buffer;
}

/**
 * Makes a local certificate authority and a localhost certificate signed by it, once.
 * Trust the CA (NODE_EXTRA_CA_CERTS, or the system store for Excel) and every origin is trusted.
 */
export function ensureCertificates(dir = certificateDir()): CertificatePaths {
  const paths = {
    caKey: path.join(dir, "ca.key"),
    caCert: path.join(dir, "ca.crt"),
    key: path.join(dir, "localhost.key"),
    csr: path.join(dir, "localhost.csr"),
    cert: path.join(dir, "localhost.crt"),
    ext: path.join(dir, "localhost.ext"),
  };
  if (existsSync(paths.caCert) && existsSync(paths.key) && existsSync(paths.cert)) {
    return { caCert: paths.caCert, key: paths.key, cert: paths.cert };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const openssl = (args: string[]) => execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
  try {
    openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", paths.caKey, "-out", paths.caCert,
      "-days", "825", "-subj", "/CN=binck-excel local development CA",
      "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
    openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", paths.key, "-out", paths.csr, "-subj", "/CN=localhost"]);
    writeFileSync(paths.ext, [
      "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
      "keyUsage=digitalSignature,keyEncipherment",
      "extendedKeyUsage=serverAuth",
      "basicConstraints=CA:FALSE",
    ].join("\n") + "\n");
    openssl(["x509", "-req", "-in", paths.csr, "-CA", paths.caCert, "-CAkey", paths.caKey, "-CAcreateserial",
      "-out", paths.cert, "-days", "365", "-sha256", "-extfile", paths.ext]);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`Could not make the localhost certificates in ${dir} with openssl: ${stderr || String(error)}`);
  }
  return { caCert: paths.caCert, key: paths.key, cert: paths.cert };
}

export function loadTlsMaterial(dir = certificateDir()): TlsMaterial {
  const paths = ensureCertificates(dir);
  return { key: readFileSync(paths.key), cert: readFileSync(paths.cert), ca: readFileSync(paths.caCert) };
}
