import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureCertificates } from "../server/shared/tls";

/**
 * `npm run sideload -- desktop|web|trust`: for people on Windows or Mac. The Office tooling it uses
 * (office-addin-debugging) cannot install on Linux, so it is fetched on demand by npx and never part of
 * `npm install` or CI.
 */
const root = path.resolve(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const what = process.argv[2];
const out = (line: string) => process.stdout.write(`${line}\n`);

function run(command: string, args: string[]): number {
  out(`> ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  return result.status ?? 1;
}

function trust(): number {
  const { caCert } = ensureCertificates();
  if (process.platform === "win32") return run("certutil", ["-addstore", "-user", "Root", caCert]);
  if (process.platform === "darwin") {
    return run("security", ["add-trusted-cert", "-r", "trustRoot", "-k", path.join(process.env.HOME ?? "~", "Library", "Keychains", "login.keychain-db"), caCert]);
  }
  out(`Trust ${caCert} in your system's certificate store (Excel refuses untrusted HTTPS for the add-in and the sandbox).`);
  return 0;
}

switch (what) {
  case "trust":
    process.exit(trust());
    break;
  case "desktop":
    if (process.platform !== "win32" && process.platform !== "darwin") {
      out("Excel desktop runs on Windows or Mac only. On Linux use the browser preview: https://localhost:3000/host.html");
      process.exit(1);
    }
    if (trust() !== 0) process.exit(1);
    process.exit(run("npx", ["--yes", "office-addin-debugging@7", "start", manifest, "desktop", "--app", "excel", "--no-debug", "--dev-server-port", "3000"]));
    break;
  case "web":
    out("Excel on the web: trust the local CA in your browser's system store (npm run sideload -- trust), keep `npm start` running,");
    out("open a workbook in Excel on the web, then Home > Add-ins > More add-ins > My add-ins > Upload my add-in, and choose:");
    out(`  ${manifest}`);
    break;
  default:
    out("Usage: npm run sideload -- desktop | web | trust");
    process.exit(1);
}
