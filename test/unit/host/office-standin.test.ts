import type { BrowserHostBridge, RuntimeAssociations } from "../../../src/platform/host-bridge";
import { customFunctionsTypes } from "../../../src/host/engine/custom-functions-error";
import { installDialogOffice, installTaskpaneOffice } from "../../../src/host/office-standin";

/** A window as far as the stand-in uses it: a document still loading, timers run by hand. */
function fakeWindow() {
  const timers: Array<() => void> = [];
  let loaded: (() => void) | undefined;
  const target = {
    navigator: { language: "nl-NL" },
    document: { readyState: "loading", addEventListener: (_type: string, listener: () => void) => { loaded = listener; } },
    setTimeout: (fn: () => void) => timers.push(fn),
  };
  return {
    target: target as unknown as Window & Record<string, any>,
    finishLoading() {
      loaded?.();
      for (const timer of timers.splice(0)) timer();
    },
  };
}

function fakeHost() {
  const runtimes: RuntimeAssociations[] = [];
  const messages: Array<[string, unknown]> = [];
  const host = {
    displayDialogAsync: () => undefined,
    messageParent: (message: string, options?: unknown) => messages.push([message, options]),
    storage: {},
    settings: { get: () => "saved" },
    customFunctionTypes: customFunctionsTypes,
    registerRuntime: (runtime: RuntimeAssociations) => runtimes.push(runtime),
  } as unknown as BrowserHostBridge;
  return { host, runtimes, messages };
}

describe("the preview's Office stand-in", () => {
  it("gives the taskpane the host's Excel namespace and Office.addin.showAsTaskpane", async () => {
    const { target } = fakeWindow();
    const { host } = fakeHost();
    const shown: string[] = [];
    const excel = { run: async () => "ran" };
    Object.assign(host, { excel, showTaskpane: async () => void shown.push("shown") });
    installTaskpaneOffice(host, target);
    expect(target.Excel).toBe(excel);
    await target.Office.addin.showAsTaskpane();
    expect(shown).toEqual(["shown"]);
  });

  it("has no Office.context and calls onReady back only after the page has loaded, then asynchronously", async () => {
    const { target, finishLoading } = fakeWindow();
    const { host } = fakeHost();
    installTaskpaneOffice(host, target);
    const calls: unknown[] = [];
    const ready = target.Office.onReady((info: unknown) => calls.push(info));
    await Promise.resolve();
    expect(target.Office.context).toBeUndefined();
    expect(calls).toEqual([]);
    finishLoading();
    expect(await ready).toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(calls).toEqual([{ host: "Excel", platform: "OfficeOnline" }]);
    expect(target.Office.context.document.settings.get("x")).toBe("saved");
    expect(target.Office.context.displayLanguage).toBe("nl-NL");
  });

  it("associates case-insensitively, also in the object form, and hands the associations to the host each time", () => {
    const { target } = fakeWindow();
    const { host, runtimes } = fakeHost();
    installTaskpaneOffice(host, target);
    const quote = () => 1;
    const news = () => 2;
    target.CustomFunctions.associate("quote", quote);
    target.CustomFunctions.associate({ News: news, VERSION: quote });
    expect(runtimes).toHaveLength(3);
    expect(runtimes[2]).toBe(runtimes[0]);
    expect([...runtimes[2].functions]).toEqual([["QUOTE", quote], ["NEWS", news], ["VERSION", quote]]);
    expect(() => target.CustomFunctions.associate("BAD", "nope")).toThrow('CustomFunctions.associate("BAD"): the second argument must be a function.');
    const error = new target.CustomFunctions.Error(target.CustomFunctions.ErrorCode.invalidValue, "Unknown field xyz");
    expect([error.code, error.message]).toEqual(["#VALUE!", "Unknown field xyz"]);
  });

  it("gives the dialog only messageParent, once ready, reaching the host", async () => {
    const { target, finishLoading } = fakeWindow();
    const { host, messages } = fakeHost();
    installDialogOffice(host, target);
    expect(target.Office.context).toBeUndefined();
    const ready = target.Office.onReady();
    finishLoading();
    await ready;
    target.Office.context.ui.messageParent('{"kind":"signedIn"}', { targetOrigin: "https://localhost:3000" });
    expect(messages).toEqual([['{"kind":"signedIn"}', { targetOrigin: "https://localhost:3000" }]]);
    expect(target.Office.context.ui.displayDialogAsync).toBeUndefined();
    expect(target.CustomFunctions).toBeUndefined();
  });
});
