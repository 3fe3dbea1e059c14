import { onPageExit } from "../../../src/platform/page-exit";

/** A window with just what onPageExit uses: its events and its document's visibility. */
function fakeWindow() {
  const document = Object.assign(new EventTarget(), { visibilityState: "visible" as DocumentVisibilityState });
  const target = Object.assign(new EventTarget(), { document });
  return { window: target as unknown as Window, document };
}

describe("onPageExit", () => {
  it("saves when the page is hidden or goes away, not when it is shown again, and no more once stopped", () => {
    const { window, document } = fakeWindow();
    let saves = 0;
    const stop = onPageExit(() => void saves++, window);
    document.dispatchEvent(new Event("visibilitychange")); // shown
    expect(saves).toBe(0);
    document.visibilityState = "hidden";
    document.dispatchEvent(new Event("visibilitychange"));
    expect(saves).toBe(1);
    window.dispatchEvent(new Event("pagehide"));
    expect(saves).toBe(2);
    stop();
    window.dispatchEvent(new Event("pagehide"));
    document.dispatchEvent(new Event("visibilitychange"));
    expect(saves).toBe(2);
  });
});
