import { useBrowserWorld } from "../support/browser-world";
import { openHost, signInThroughPopup } from "../support/browser-host";

/**
 * With short token lifetimes set on the sandbox, the taskpane refreshes its token by itself, and when the refresh
 * chain ends it says so: "Signed out — sign in again". Waits are for what the page shows, never fixed sleeps.
 */
describe("session lifetime in the taskpane", () => {
  const stage = useBrowserWorld({ sandbox: { accessTokenLifetimeMs: 4_000, refreshChainMs: 9_000 } });

  async function signIn() {
    const opened = await openHost(stage.browser, stage.world.broker.url, "Lifetime");
    await signInThroughPopup(stage.browser, opened.pane, { consent: "allow" });
    await opened.pane.waitForSelector("#accounts");
    return opened;
  }

  it("refreshes before expiry, then shows the end of the refresh chain", async () => {
    const { pane } = await signIn();
    const tokenCalls = () => stage.world.upstreamCalls.filter((call) => call.endsWith("/access_token")).length;
    const afterSignIn = tokenCalls();
    const firstText = await pane.locator("#session-text").innerText();
    expect(firstText).toMatch(/^Signed in \(Netherlands\)/);
    await pane.waitForFunction(() => document.querySelector("#session-text")?.textContent === "Signed out", undefined, { timeout: 20_000 });
    // The reason is said once, by the sign-in card, not again in the status line.
    expect(await pane.locator("#sign-in-error").innerText()).toBe("Signed out — sign in again.");
    expect(await pane.getByText("Signed out — sign in again.").count()).toBe(1);
    // Every refresh on the way was one upstream call, made before the token it replaced ran out.
    expect(tokenCalls() - afterSignIn).toBeGreaterThanOrEqual(2);
    expect(await pane.locator("#sign-in").isVisible()).toBe(true);
    await pane.getByRole("button", { name: /^Diagnostics/ }).click();
    expect(await pane.locator("#diagnostics").textContent()).toContain("Session ended");
  }, 120_000);
});
