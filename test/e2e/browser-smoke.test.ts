import { launchBrowser, type TestBrowser } from "../support/browser";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

describe("headless Chromium against the sandbox", () => {
  let sandbox: TestSandbox;
  let browser: TestBrowser;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await sandbox.close();
  });

  it("reaches the API over HTTPS and reads the version", async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${sandbox.urls.api}/api/v1/version`);
    expect(response?.status()).toBe(200);
    const body = JSON.parse(await page.locator("body").innerText());
    expect(body.currentVersion).toMatch(/sandbox/);
  });
});
