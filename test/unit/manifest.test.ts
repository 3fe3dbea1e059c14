import { readFileSync } from "node:fs";
import path from "node:path";
import { parseStringPromise } from "xml2js";

/**
 * The online manifest validator cannot be reached from here, so the structure that Excel relies on is checked
 * offline: every resid defined, https URLs, a GUID id, one shared runtime with lifetime long, the SharedRuntime
 * requirement, and the functions page and function file on the runtime's resid.
 */
describe("manifest.xml", () => {
  const text = readFileSync(path.resolve(__dirname, "..", "..", "manifest.xml"), "utf8");
  let manifest: any;
  beforeAll(async () => {
    manifest = (await parseStringPromise(text)).OfficeApp;
  });

  const all = (node: unknown, key: string, found: any[] = []): any[] => {
    if (Array.isArray(node)) node.forEach((child) => all(child, key, found));
    else if (node && typeof node === "object") {
      for (const [name, value] of Object.entries(node)) {
        if (name === key) found.push(...(Array.isArray(value) ? value : [value]));
        all(value, key, found);
      }
    }
    return found;
  };
  const resources = () => {
    const defined = new Map<string, string>();
    for (const group of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]) {
      for (const entry of all(manifest.VersionOverrides, group).flatMap((g) => Object.values(g).flat()) as Array<{ $: { id: string; DefaultValue: string } }>) {
        defined.set(entry.$.id, entry.$.DefaultValue);
      }
    }
    return defined;
  };

  it("has a GUID id", () => {
    expect(manifest.Id[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  it("defines every resid it uses", () => {
    const defined = resources();
    const used = [...text.matchAll(/resid="([^"]+)"/g)].map((match) => match[1]);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((resid) => !defined.has(resid))).toEqual([]);
  });

  it("uses https for every URL", () => {
    const urls = [...text.matchAll(/DefaultValue="(\w+:\/\/[^"]+)"/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith("https://"))).toEqual([]);
  });

  it("runs taskpane, functions and commands in one long-lived shared runtime", () => {
    const runtimes = all(manifest.VersionOverrides, "Runtime");
    expect(runtimes.map((runtime) => runtime.$)).toEqual([{ resid: "Taskpane.Url", lifetime: "long" }]);
    const sets = all(manifest.Requirements, "Set").map((set) => set.$);
    expect(sets).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
    const customFunctions = all(manifest.VersionOverrides, "ExtensionPoint").find((point) => point.$["xsi:type"] === "CustomFunctions");
    expect(customFunctions.Page[0].SourceLocation[0].$.resid).toBe("Taskpane.Url");
    expect(all(manifest.VersionOverrides, "FunctionFile")[0].$.resid).toBe("Taskpane.Url");
    expect(customFunctions.Namespace[0].$.resid).toBe("Functions.Namespace");
    expect(resources().get("Functions.Namespace")).toBe("BINCK");
  });

  it("points every add-in URL at the add-in origin", () => {
    const defined = resources();
    expect(defined.get("Taskpane.Url")).toBe("https://localhost:3000/taskpane.html");
    expect(defined.get("Functions.Script.Url")).toBe("https://localhost:3000/functions.js");
    expect(defined.get("Functions.Metadata.Url")).toBe("https://localhost:3000/functions.json");
  });

  it("has the ribbon command \"Refresh Binck data\" as a function of the shared runtime", () => {
    const controls = all(manifest.VersionOverrides, "Control");
    const refresh = controls.find((control) => control.$.id === "Binck.RefreshButton");
    expect(refresh.Action[0].$["xsi:type"]).toBe("ExecuteFunction");
    expect(refresh.Action[0].FunctionName[0]).toBe("refreshBinckData");
    expect(resources().get(refresh.Label[0].$.resid)).toBe("Refresh Binck data");
    const source = readFileSync(path.resolve(__dirname, "..", "..", "src", "commands", "refresh-command.ts"), "utf8");
    expect(source).toContain('export const REFRESH_ACTION_ID = "refreshBinckData";');
  });
});
