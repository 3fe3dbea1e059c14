import { value } from "../../../src/core/cells/cell-output";
import { whileSignedIn } from "../../../src/core/cells/signed-in-gate";
import { tellEach } from "../../../src/core/listeners";
import { AccountChoice } from "../../../src/core/session/account-choice";
import { cellHarness, outputs, settle, SIGNED_IN } from "./cell-harness";

describe("whileSignedIn and the listeners that reach every cell", () => {
  it("shows a body that throws as the cell's own error, and the other cells still come alive on the same sign-in", async () => {
    const h = cellHarness({ session: { status: "signedOut" } });
    const broken = outputs<number>();
    const healthy = outputs<number>();
    whileSignedIn(h.services, broken.emit, () => {
      throw new Error("watch failed");
    });
    whileSignedIn(h.services, healthy.emit, (ready) => {
      healthy.emit(value(Number(ready.accountNumber)));
      return () => undefined;
    });
    await settle();
    h.session.set(SIGNED_IN);
    expect(broken.last()).toEqual({ ok: false, problem: { kind: "notAvailable", message: "the add-in failed; see Diagnostics in the taskpane" } });
    expect(healthy.last()).toEqual({ ok: true, value: Number(h.services.account.current()) });
  });

  it("tells every listener when one throws, and logs what it threw", () => {
    const logged: string[] = [];
    const told: string[] = [];
    const listeners = [(v: string) => told.push(`a ${v}`), () => {
      throw new Error("cell gone");
    }, (v: string) => told.push(`c ${v}`)];
    tellEach(listeners, "signedIn", { log: (level, message) => logged.push(`${level}: ${message.split("\n")[0]}`) }, "the session");
    expect(told).toEqual(["a signedIn", "c signedIn"]);
    expect(logged).toEqual(["error: A listener of the session threw: Error: cell gone"]);
  });

  it("AccountChoice tells the listeners after one that throws", () => {
    const settings = new Map<string, unknown>();
    const store = { get: (name: string) => settings.get(name), set: (name: string, v: unknown) => void settings.set(name, v), save: () => undefined };
    const logged: string[] = [];
    const choice = new AccountChoice(() => store, { log: (_level, message) => logged.push(message) });
    const told: (string | undefined)[] = [];
    choice.onChange(() => {
      throw new Error("boom");
    });
    choice.onChange((account) => told.push(account));
    choice.select("190126781");
    expect(told).toEqual(["190126781"]);
    expect(settings.get("binck.accountNumber")).toBe("190126781");
    expect(logged).toHaveLength(1);
  });

  it("AccountChoice tells its listeners the workbook's remembered account once the settings can be read, and each account only once", async () => {
    let settings: { get(name: string): unknown; set(): void; save(): void } | undefined;
    const choice = new AccountChoice(() => settings);
    const told: (string | undefined)[] = [];
    choice.onChange((account) => told.push(account));
    expect(choice.current()).toBeUndefined();
    settings = { get: (name) => (name === "binck.accountNumber" ? "190126781" : undefined), set: () => undefined, save: () => undefined };
    choice.settingsReady();
    await settle();
    expect(told).toEqual(["190126781"]);
    choice.select("190126781");
    choice.settingsReady();
    await settle();
    expect(told).toEqual(["190126781"]);
    choice.select("190126799");
    expect(told).toEqual(["190126781", "190126799"]);
  });

  it("AccountChoice tells the account picked meanwhile, not the stored one, when both come in the same moment", async () => {
    const settings = new Map<string, unknown>([["binck.accountNumber", "190126781"]]);
    const choice = new AccountChoice(() => ({ get: (name) => settings.get(name), set: (name, v) => void settings.set(name, v), save: () => undefined }));
    const told: (string | undefined)[] = [];
    choice.onChange((account) => told.push(account));
    expect(choice.current()).toBe("190126781");
    choice.select("190126799");
    await settle();
    expect(told).toEqual(["190126799"]);
    expect(choice.current()).toBe("190126799");
  });
});
