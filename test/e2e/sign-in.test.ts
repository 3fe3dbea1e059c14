import { existsSync } from "node:fs";
import path from "node:path";
import type { Frame } from "playwright-core";
import { startBrokerWorld, type BrokerWorld } from "../support/broker";
import { launchBrowser, type TestBrowser } from "../support/browser";
import { logInInPopup, openHost, signInThroughPopup, type OpenHostOptions } from "../support/browser-host";

/**
 * The whole sign-in as a person does it, in headless Chromium: the browser host loads the built taskpane, the
 * taskpane opens the dialog (a real pop-up) on the broker, the sandbox's pages log in, the broker's last page
 * hands the result back with messageParent, and the taskpane lists the accounts.
 */
const DIST = path.resolve(__dirname, "..", "..", "dist", "host.html");

describe("sign-in through the browser host", () => {
  let world: BrokerWorld;
  let browser: TestBrowser;
  const responses: string[] = [];

  beforeAll(async () => {
    if (!existsSync(DIST)) throw new Error("dist/ is missing: npm test builds it (webpack) before the browser suites.");
    world = await startBrokerWorld({ serveDist: true });
    browser = await launchBrowser();
    browser.context.on("response", (response) => {
      void response.text().then((text) => responses.push(text), () => undefined);
    });
  });
  afterAll(async () => {
    await browser.close();
    await world.close();
  });

  const host = (workbook: string, options?: OpenHostOptions) => openHost(browser, world.broker.url, workbook, options);
  /**
   * Signs out and waits until the taskpane shows Sign in: only then is the stored session handle gone, which the next
   * page opened (the next test's) would otherwise resume.
   */
  const signOut = async (pane: Frame) => {
    await pane.locator("#sign-out").click();
    await pane.locator("#sign-in").waitFor();
  };

  it("signs in (login, SMS, consent) and lists the accounts, marking the savings account", async () => {
    const { page, pane } = await host("Book1");
    // The sign-in button shows before the deployment's configuration has loaded: wait for the environment to be known.
    await pane.waitForFunction(() => {
      const text = document.querySelector("#environment")?.textContent;
      return typeof text === "string" && text !== "Environment: …";
    });
    expect(await pane.locator("#environment").innerText()).toContain("Local sandbox (practice data)");
    await signInThroughPopup(browser, pane, { consent: "allow" });
    await pane.locator("#accounts").waitFor();
    // The broker's last page answered the way Excel lets it: Office.context.ui.messageParent after Office.onReady.
    expect(await page.locator("#host-log").textContent()).toContain("Office.context.ui.messageParent: the dialog sent its message");
    const accounts = await pane.locator("#accounts [data-account]").allInnerTexts();
    expect(accounts).toEqual([
      expect.stringMatching(/^A\. Jansen — Beleggen · 190126781 · Trading\s*$/),
      expect.stringMatching(/^A\. Jansen — Sparen · 190126799 · Savings\s+view only$/),
    ]);
    expect(await pane.locator("#session-text").innerText()).toMatch(/^Signed in \(Netherlands\), token valid until/);
    expect(await pane.locator("#read-only").count()).toBe(0);
    expect(await pane.locator("#connection-api").innerText()).toBe("connected");
  });

  it("remembers the chosen account per workbook", async () => {
    const first = await host("Book7");
    await first.pane.locator("#accounts").waitFor();
    // A workbook without a choice gets the first trading account in an effect after the list shows: let it pass first.
    await first.pane.locator("#accounts input:checked").waitFor();
    await first.pane.locator("[data-account='190126799']").click();
    const second = await host("Book7");
    await second.pane.locator("#accounts").waitFor();
    expect(await second.pane.locator("input[value='190126799']").isChecked()).toBe(true);
    // Another workbook has its own choice: by default the first account that may trade.
    const other = await host("Book8");
    await other.pane.locator("#accounts").waitFor();
    await other.pane.locator("input[value='190126781']:checked").waitFor();
    expect(await other.pane.locator("input[value='190126799']").isChecked()).toBe(false);
  });

  it("shows a read-only session when the SMS step was skipped, with order entry disabled and the reason", async () => {
    const { pane } = await host("Book2");
    // The previous test's session resumed from storage: sign out first.
    await pane.locator("#sign-out").click();
    await signInThroughPopup(browser, pane, { sms: "skip" });
    await pane.locator("#read-only").waitFor();
    expect(await pane.locator("#read-only-notice").innerText()).toContain("Order entry is disabled: you signed in without the SMS code");
    await signOut(pane);
  });

  it("shows the refusal when the person does not allow access (signing in by keyboard)", async () => {
    const { page, pane } = await host("Book3");
    const popupOpened = browser.context.waitForEvent("page");
    await pane.locator("#sign-in").focus();
    await page.keyboard.press("Enter");
    await logInInPopup(await popupOpened, { username: "smith", sms: "999000", consent: "deny" });
    await pane.locator("#sign-in-error").waitFor();
    expect(await pane.locator("#sign-in-error").innerText()).toBe("You did not allow the add-in to access your Binck account.");
    expect(await pane.locator("#sign-in").innerText()).toBe("Try again");
  });

  it("tells the person to try again when the sign-in window is closed, and remembers the country and language chosen", async () => {
    const { page, pane } = await host("Book4");
    await pane.selectOption("#realm", "binckbeapi");
    await pane.selectOption("#locale", "frBE");
    const popupOpened = browser.context.waitForEvent("page");
    await pane.click("#sign-in");
    const popup = await popupOpened;
    await popup.waitForSelector("#idToken2");
    expect(new URL(popup.url()).searchParams.get("ui_locales")).toBe("frBE");
    await popup.close();
    await pane.locator("#sign-in-error").waitFor();
    expect(await pane.locator("#sign-in-error").innerText()).toBe("The sign-in window was closed before signing in finished. Click Sign in to try again.");
    await page.close();
    const reopened = await host("Book4b");
    await reopened.pane.waitForFunction(() => (document.querySelector("#realm") as HTMLSelectElement | null)?.value === "binckbeapi");
    expect(await reopened.pane.locator("#locale").inputValue()).toBe("frBE");
    // Back to the Netherlands for the tests that follow: the choice is saved when Sign in is clicked.
    await reopened.pane.selectOption("#realm", "bincknlapi");
    await reopened.pane.selectOption("#locale", "nl");
    const again = browser.context.waitForEvent("page");
    await reopened.pane.click("#sign-in");
    await (await again).close();
    await reopened.pane.locator("#sign-in-error").waitFor();
    await reopened.page.close();
  });

  it("explains a blocked pop-up (Office error 12009) and lets the person try again", async () => {
    const { page, pane } = await host("Book5");
    await page.evaluate(() => {
      window.open = () => null;
    });
    await pane.click("#sign-in");
    await pane.locator("#sign-in-error").waitFor();
    expect(await pane.locator("#sign-in-error").innerText()).toBe(
      "The browser blocked the sign-in window. Allow pop-ups for this add-in (choose Allow when Office asks), then click Sign in again.");
    expect(await pane.locator("#sign-in").isEnabled()).toBe(true);
    await pane.getByRole("button", { name: /^Diagnostics/ }).click();
    expect(await pane.locator("#diagnostics").textContent()).toContain("Office dialog error 12009");
  });

  it("says when the add-in's server cannot be reached, and recovers on Try again", async () => {
    let refused = 0;
    const { pane } = await host("Book6", {
      beforeLoad: (page) => page.route("**/auth/config", async (route) => {
        if (refused++ === 0) return route.abort("connectionrefused");
        await route.continue();
      }),
      readySelector: "#config-error",
    });
    expect(await pane.locator("#config-error").innerText()).toContain("The add-in's server cannot be reached. Check your connection.");
    await pane.locator("#config-retry").click();
    await pane.locator("#environment", { hasText: "Local sandbox (practice data)" }).waitFor();
    expect(await pane.locator("#config-error").count()).toBe(0);
  });

  it("shows Binck's maintenance message when the accounts cannot be read, and recovers on Try again", async () => {
    let answered = 0;
    const { pane: taskpane } = await host("Book9", {
      beforeLoad: (page) => page.route("**/api/v1/accounts", async (route) => {
        if (answered++ > 0) return route.continue();
        await route.fulfill({
          status: 503,
          contentType: "application/json",
          headers: { "Access-Control-Allow-Origin": world.broker.url, "Access-Control-Allow-Credentials": "true" },
          body: JSON.stringify({ DeveloperMessage: "Temporary maintenance mode", EndUserMessage: "Binck is down for planned maintenance. Please try again later.", ErrorCode: "ServiceUnavailable", ErrorId: 503 }),
        });
      }),
      readySelector: "#sign-in",
    });
    await signInThroughPopup(browser, taskpane, {});
    await taskpane.locator("#accounts-error").waitFor();
    expect(await taskpane.locator("#accounts-error").innerText()).toContain("Binck is down for planned maintenance. Please try again later.");
    expect(await taskpane.locator("#connection-api").innerText()).toBe("down for maintenance");
    await taskpane.locator("#accounts-retry").click();
    await taskpane.locator("#accounts").waitFor();
    expect(await taskpane.locator("#connection-api").innerText()).toBe("connected");
    await signOut(taskpane);
  });

  it("loads the accounts by itself when maintenance ends, without a click (GET /version is polled while Binck is down)", async () => {
    let down = true;
    const versionCalls: number[] = [];
    const maintenance = {
      status: 503,
      contentType: "application/json",
      headers: { "Access-Control-Allow-Origin": world.broker.url, "Access-Control-Allow-Credentials": "true" },
      body: JSON.stringify({ DeveloperMessage: "Temporary maintenance mode", EndUserMessage: "Binck is down for planned maintenance. Please try again later.", ErrorCode: "ServiceUnavailable", ErrorId: 503 }),
    };
    const { pane: taskpane } = await host("Book10", {
      beforeLoad: async (page) => {
        await page.route("**/api/v1/accounts", (route) => (down ? route.fulfill(maintenance) : route.continue()));
        await page.route("**/api/v1/version", (route) => {
          versionCalls.push(Date.now());
          return down ? route.fulfill(maintenance) : route.continue();
        });
      },
      readySelector: "#sign-in",
    });
    await signInThroughPopup(browser, taskpane, {});
    await taskpane.locator("#accounts-error").waitFor();
    expect(await taskpane.locator("#connection-api").innerText()).toBe("down for maintenance");
    const pollsBefore = versionCalls.length;
    down = false;
    await taskpane.locator("#accounts").waitFor({ timeout: 15_000 });
    expect(versionCalls.length).toBeGreaterThan(pollsBefore);
    expect(await taskpane.locator("#accounts-error").count()).toBe(0);
    expect(await taskpane.locator("#connection-api").innerText()).toBe("connected");
    await signOut(taskpane);
  });

  it("never exposed the client secret or a refresh token to the browser", () => {
    expect(responses.length).toBeGreaterThan(10);
    const everything = responses.join("\n");
    expect(everything).not.toContain(world.config.clientSecret);
    expect(world.refreshTokens.length).toBeGreaterThan(0);
    for (const token of world.refreshTokens) expect(everything).not.toContain(token);
  });
});
