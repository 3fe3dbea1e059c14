import { AccountChoice, ACCOUNT_SETTING, type SettingsStore } from "../../../src/core/session/account-choice";
import { SignInPreferences } from "../../../src/core/session/sign-in-preferences";
import { MemoryStorage } from "../../../src/core/session/storage";

describe("SignInPreferences", () => {
  it("keeps the country and language of the last sign-in", async () => {
    const preferences = new SignInPreferences(new MemoryStorage());
    expect(await preferences.load()).toBeUndefined();
    await preferences.save({ realm: "binckbeapi", locale: "frBE" });
    expect(await preferences.load()).toEqual({ realm: "binckbeapi", locale: "frBE" });
  });

  it.each([
    ["not JSON", "{"],
    ["an unknown realm", JSON.stringify({ realm: "binckxxapi", locale: "nl" })],
    ["a locale that is not one", JSON.stringify({ realm: "bincknlapi", locale: "<script>" })],
  ])("ignores a stored value that is %s", async (_what, text) => {
    const storage = new MemoryStorage();
    await storage.setItem("binck.signInPreference", text);
    expect(await new SignInPreferences(storage).load()).toBeUndefined();
  });
});

describe("AccountChoice", () => {
  function settings(initial: Record<string, unknown> = {}) {
    const values = { ...initial };
    let saves = 0;
    const store: SettingsStore = { get: (name) => values[name], set: (name, value) => { values[name] = value; }, save: () => { saves++; } };
    return { store, values, saves: () => saves };
  }

  it("reads the workbook's remembered account, and saves and announces a new choice once", () => {
    const { store, values, saves } = settings({ [ACCOUNT_SETTING]: "190126781" });
    const choice = new AccountChoice(() => store);
    const heard: Array<string | undefined> = [];
    choice.onChange((account) => heard.push(account));
    expect(choice.current()).toBe("190126781");
    choice.select("190126799");
    choice.select("190126799");
    expect(values[ACCOUNT_SETTING]).toBe("190126799");
    expect(saves()).toBe(1);
    expect(heard).toEqual(["190126799"]);
  });

  it("has no account before Office's settings are available, and reads them once they are", () => {
    let available: SettingsStore | undefined;
    const choice = new AccountChoice(() => available);
    expect(choice.current()).toBeUndefined();
    available = settings({ [ACCOUNT_SETTING]: "270055410" }).store;
    expect(choice.current()).toBe("270055410");
  });
});
