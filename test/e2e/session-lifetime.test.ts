import type { Frame, Page } from "playwright-core";
import { startBrokerWorld, type BrokerWorld } from "../support/broker";
import { launchBrowser, type TestBrowser } from "../support/browser";

/**
 * With short token lifetimes set on the sandbox, the taskpane refreshes its token by itself, and when the refresh
 * chain ends it says so: "Signed out — sign in again". Waits are for what the page shows, never fixed sleeps.
 */
describe("session lifetime in the taskpane", () => {
  let world: BrokerWorld;
  let browser: TestBrowser;
  beforeAll(async () => {
    world = await startBrokerWorld({ serveDist: true, sandbox: { accessTokenLifetimeMs: 4_000, refreshChainMs: 9_000 } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await world.close();
  });

  async function signIn(): Promise<{ page: Page; pane: Frame }> {
    const page = await browser.context.newPage();
    await page.goto(`${world.broker.url}/host.html?workbook=Lifetime`);
    const pane = page.frames().find((frame) => frame.url().endsWith("/host-taskpane.html")) ?? (await page.waitForEvent("frameattached"));
    await pane.waitForSelector("#sign-in");
    const popupOpened = browser.context.waitForEvent("page");
    await pane.click("#sign-in");
    const popup = await popupOpened;
    await popup.waitForSelector("#idToken2");
    await popup.fill("#idToken2", "jansen");
    await popup.fill("#idToken3", "Binck-2021!");
    await popup.click("#idToken4_0");
    await popup.waitForSelector("#idToken1");
    await popup.fill("#idToken1", "123456");
    await popup.click("#idToken2_0");
    await popup.waitForSelector("#consentAllow");
    await popup.click("#consentAllow");
    await pane.waitForSelector("#accounts");
    return { page, pane };
  }

  it("refreshes before expiry, then shows the end of the refresh chain", async () => {
    const { pane } = await signIn();
    const tokenCalls = () => world.upstreamCalls.filter((call) => call.endsWith("/access_token")).length;
    const afterSignIn = tokenCalls();
    const firstText = await pane.locator("#session-text").innerText();
    expect(firstText).toMatch(/^Signed in \(bincknlapi\)/);
    await pane.waitForFunction(() => document.querySelector("#session-text")?.textContent === "Signed out — sign in again.", undefined, { timeout: 20_000 });
    // Every refresh on the way was one upstream call, made before the token it replaced ran out.
    expect(tokenCalls() - afterSignIn).toBeGreaterThanOrEqual(2);
    expect(await pane.locator("#sign-in").isVisible()).toBe(true);
    await pane.getByRole("button", { name: /^Diagnostics/ }).click();
    expect(await pane.locator("#diagnostics").textContent()).toContain("Session ended");
  }, 30_000);
});
