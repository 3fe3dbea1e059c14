import { useBrowserWorld } from "../support/browser-world";
import { openHost, signInThroughPopup } from "../support/browser-host";

/**
 * issue 7, finding 6: with short tokens, maintenance that outlasts the token. The taskpane must say what is true
 * now (no "valid until" a past time, no "connected" after refreshes fail) and recover within seconds of the end
 * of maintenance, not at the next 30 s backoff step.
 */
describe("the taskpane through maintenance", () => {
  const stage = useBrowserWorld({ sandbox: { accessTokenLifetimeMs: 6_000 } });

  const control = (path: string, body: unknown) =>
    fetch(`${stage.world.sandbox.urls.api}/_sandbox/${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  it("shows maintenance, then the expired token being renewed, then recovers by itself when maintenance ends", async () => {
    const { pane } = await openHost(stage.browser, stage.world.broker.url, "Maintenance");
    await signInThroughPopup(stage.browser, pane, { consent: "allow" });
    await pane.locator("#accounts").waitFor();
    expect(await pane.locator("#connection-api").innerText()).toBe("connected");

    expect((await control("maintenance", { on: true })).status).toBe(200);
    // The next refresh fails with 503: the badge says so instead of "connected".
    await pane.locator("#connection-api", { hasText: "down for maintenance" }).waitFor({ timeout: 15_000 });
    // When the token runs out, the status line no longer claims it is valid.
    await pane.locator("#session-text", { hasText: "Your Binck token expired and is being renewed." }).waitFor({ timeout: 15_000 });
    expect(await pane.locator("#session-text").innerText()).not.toContain("valid until");

    expect((await control("maintenance", { on: false })).status).toBe(200);
    const endedAt = Date.now();
    await pane.locator("#session-text", { hasText: /^Signed in \(Netherlands\), token valid until/ }).waitFor({ timeout: 15_000 });
    const recoveredAfterMs = Date.now() - endedAt;
    await pane.locator("#accounts").waitFor();
    expect(await pane.locator("#connection-api").innerText()).toBe("connected");
    // Logged for the record (no wall-clock assertion): the probe polls every 3 s.
    process.stdout.write(`recovered ${recoveredAfterMs} ms after maintenance ended\n`);
  }, 120_000);
});
