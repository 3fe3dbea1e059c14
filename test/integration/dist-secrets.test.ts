import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { brokerConfigFromEnv } from "../../server/broker/config";

/** The built add-in (everything served to a browser) holds no client secret. */
describe("the built add-in", () => {
  const dist = path.resolve(__dirname, "..", "..", "dist");

  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : [full];
    });
  }

  it("contains neither the local client's secret nor the words that would carry one", () => {
    // The local profile's secret, as the broker reads it (created on first use, never committed).
    const { clientSecret } = brokerConfigFromEnv({ BINCK_ENV: "local" });
    const own = files(dist).filter((file) => !file.includes(`${path.sep}office-js${path.sep}`));
    expect(own.length).toBeGreaterThan(5);
    const offenders = own.filter((file) => {
      const text = readFileSync(file, "utf8");
      return text.includes(clientSecret) || /client_?secret/i.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
