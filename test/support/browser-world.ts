import { startBrokerWorld, type BrokerWorld } from "./broker";
import { launchBrowser, type TestBrowser } from "./browser";

/**
 * The stage of the end-to-end suites: a sandbox and the broker serving the built add-in (dist/), and headless
 * Chromium, started before the suite's tests and stopped after them. Read `world` and `browser` inside tests.
 */
export function useBrowserWorld(options: Parameters<typeof startBrokerWorld>[0] = {}): { readonly world: BrokerWorld; readonly browser: TestBrowser } {
  const stage = {} as { world: BrokerWorld; browser: TestBrowser };
  beforeAll(async () => {
    stage.world = await startBrokerWorld({ serveDist: true, ...options });
    stage.browser = await launchBrowser();
  });
  afterAll(async () => {
    await stage.browser?.close();
    await stage.world?.close();
  });
  return stage;
}
