import type { Frame, Page } from "playwright-core";
import type { TestBrowser } from "./browser";

export interface OpenHostOptions {
  /** Runs on the new page before the host loads (page.route to fake an answer). */
  beforeLoad?: (page: Page) => Promise<unknown>;
  /** What the taskpane shows once it has rendered; by default the sign-in button or the accounts. */
  readySelector?: string;
  /**
   * A workbook never opened starts with the sample sheet, whose ~30 requests would count against the person's
   * 50 a minute in every page a test opens; tests get a blank sheet unless they ask for the sample.
   */
  sampleSheet?: boolean;
  /**
   * How long to wait for the taskpane (30 s by default). Signed in, it shows the accounts once they are read, and a
   * workbook opened within a minute of another's requests may wait for the request budget's window (up to 60 s).
   */
  readyTimeoutMs?: number;
}

/** Opens the browser host on a workbook and returns the taskpane frame once the add-in has rendered. */
export async function openHost(browser: TestBrowser, addinOrigin: string, workbook: string, options: OpenHostOptions = {}): Promise<{ page: Page; pane: Frame }> {
  const page = await browser.context.newPage();
  await options.beforeLoad?.(page);
  await page.goto(`${addinOrigin}/host.html?workbook=${workbook}${options.sampleSheet ? "" : "&sheet=blank"}`);
  await page.frameLocator("#taskpane").locator(options.readySelector ?? "#sign-in, #accounts").first().waitFor({ timeout: options.readyTimeoutMs });
  const pane = page.frames().find((candidate) => candidate.url().endsWith("/taskpane.html"));
  if (!pane) throw new Error("The browser host has no taskpane frame.");
  return { page, pane };
}

export interface PopupLogin {
  username?: string;
  password?: string;
  /** The SMS code, or "skip" for a read-only session. */
  sms?: string;
  consent?: "allow" | "deny";
}

/** Fills the sandbox's login pages in the sign-in pop-up, as a person would. */
export async function logInInPopup(popup: Page, login: PopupLogin): Promise<void> {
  await popup.waitForSelector("#idToken2");
  await popup.fill("#idToken2", login.username ?? "jansen");
  await popup.fill("#idToken3", login.password ?? "Binck-2021!");
  await popup.click("#idToken4_0");
  await popup.waitForSelector("#idToken1");
  if (login.sms === "skip") await popup.click("#idToken2_1");
  else {
    await popup.fill("#idToken1", login.sms ?? "123456");
    await popup.click("#idToken2_0");
  }
  if (login.consent) {
    await popup.waitForSelector("#consentAllow");
    await popup.click(login.consent === "allow" ? "#consentAllow" : "#consentDeny");
  }
}

/** Clicks "Sign in" in the taskpane and completes the login in the pop-up that opens. */
export async function signInThroughPopup(browser: TestBrowser, pane: Frame, login: PopupLogin): Promise<void> {
  const popupOpened = browser.context.waitForEvent("page");
  await pane.click("#sign-in");
  await logInInPopup(await popupOpened, login);
}

/** The preview's automation API (src/host/automation.ts), as the page exposes it on window. */
type Preview = import("../../src/host/automation").PreviewAutomation;

/** Runs `fn` in the page with its window.binckPreview and returns the result. */
export async function preview<T, A = undefined>(page: Page, fn: (api: Preview, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  const api = await page.evaluateHandle(() => (window as unknown as { binckPreview: Preview }).binckPreview);
  return api.evaluate(fn as never, arg) as Promise<T>;
}

/** Opens the preview on a workbook once the add-in's runtime has associated its functions. */
export async function openWorkbook(browser: TestBrowser, addinOrigin: string, workbook: string, options: OpenHostOptions = {}): Promise<{ page: Page; pane: Frame }> {
  const opened = await openHost(browser, addinOrigin, workbook, options);
  await preview(opened.page, (api) => api.waitFor(() => api.associated().includes("VERSION")));
  return opened;
}
