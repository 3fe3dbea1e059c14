import { readFileSync } from "node:fs";
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

  it("loads office.js from the add-in origin in the taskpane, and the Office shim in the browser host's copy", () => {
    expect(read("taskpane.html")).toContain('<script src="office-js/office.js"></script>');
    expect(read("host-taskpane.html")).not.toContain("office.js");
    expect(read("host-taskpane.html").indexOf("office-shim.js")).toBeLessThan(read("host-taskpane.html").indexOf("taskpane.js"));
  });
});
