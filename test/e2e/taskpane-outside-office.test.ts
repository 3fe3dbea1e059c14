import { useBrowserWorld } from "../support/browser-world";

/** issue 6, part 0.3: taskpane.html opened in a plain browser tab, with the real office.js and no Office around it. */
describe("taskpane.html outside Office", () => {
  const stage = useBrowserWorld();

  it("says how to open the add-in (in Excel, or through the preview workbook) instead of a blank page with an error", async () => {
    const page = await stage.browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${stage.world.broker.url}/taskpane.html`);
    await page.locator("#outside-office").waitFor();
    expect(await page.locator("#outside-office").innerText()).toContain("works inside Excel");
    expect(await page.locator("#preview-link").getAttribute("href")).toBe(`${stage.world.broker.url}/host.html`);
    expect(errors).toEqual([]);
  });
});
