import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The built add-in holds what Excel needs from it. */
describe("the built add-in", () => {
  const dist = path.resolve(__dirname, "..", "..", "dist");
  const read = (file: string) => readFileSync(path.join(dist, file), "utf8");

  it("associates every custom function that functions.json declares", () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: Array<{ id: string }> };
    expect(metadata.functions.length).toBeGreaterThan(0);
    const bundle = read("functions.js");
    for (const { id } of metadata.functions) expect(bundle).toContain(`CustomFunctions.associate("${id}"`);
  });

  it("loads the office loader before the add-in's bundles in the taskpane page the manifest names, and the loader writes office.js's tag", () => {
    const page = read("taskpane.html");
    expect(page).toContain('<script src="office-loader.js"></script>');
    expect(page).not.toContain("office-js/office.js");
    expect(page.indexOf("office-loader.js")).toBeLessThan(page.indexOf("functions.js"));
    expect(page.indexOf("functions.js")).toBeLessThan(page.indexOf("taskpane.js"));
    expect(read("office-loader.js")).toContain("office-js/office.js");
    expect(existsSync(path.join(dist, "host-taskpane.html"))).toBe(false);
    expect(read("manifest.xml")).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html" />');
  });
});
