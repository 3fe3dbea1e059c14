import type { CreateSandboxOptions } from "../../server/sandbox";
import type { SandboxEventMap } from "../../server/sandbox/events";
import { startTestSandbox, type TestSandbox } from "./sandbox";

/** A status and the parsed JSON body. */
export interface ApiAnswer {
  status: number;
  body: any;
}

export interface OrderApi {
  /** Calls `/api/v1{path}` with the client's token, or `accessToken` when given; a string body goes as it is (to send broken JSON). */
  call(method: string, path: string, body?: unknown, accessToken?: string): Promise<ApiAnswer>;
  /** Previews (expecting 200), then places with the preview's validationCode; returns the placement answer. */
  previewAndPlace(account: string, order: Record<string, unknown>): Promise<ApiAnswer>;
}

/** One REST client of a test sandbox; both are read at call time, as they are set in beforeAll. */
function orderApi(sandbox: () => TestSandbox, token: () => string): OrderApi {
  const call: OrderApi["call"] = async (method, path, body, accessToken) => {
    const response = await sandbox().api(`/api/v1${path}`, {
      method, token: accessToken ?? token(), ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    call,
    async previewAndPlace(account, order) {
      const preview = await call("POST", `/accounts/${account}/orders/preview`, order);
      expect(preview.status).toBe(200);
      return call("POST", `/accounts/${account}/orders`, { ...order, validationCode: preview.body.previewOrder.validationCode });
    },
  };
}

export interface OrderSandbox extends OrderApi {
  /** The order events so far in this test. */
  readonly events: Array<SandboxEventMap["order"]>;
  signIn: TestSandbox["signIn"];
}

/** Registers the hooks of a sandbox for one file, with smith as the client; its order events are kept and cleared before each test. */
export function useOrderSandbox(options: CreateSandboxOptions): OrderSandbox {
  let sandbox: TestSandbox;
  let token: string;
  const events: Array<SandboxEventMap["order"]> = [];
  beforeAll(async () => {
    sandbox = await startTestSandbox(options);
    sandbox.sandbox.ctx.events.on("order", (event) => events.push(event));
    token = (await sandbox.signIn("smith")).access_token;
  });
  beforeEach(() => {
    events.length = 0;
  });
  afterAll(() => sandbox.close());
  return { ...orderApi(() => sandbox, () => token), events, signIn: (username, signInOptions) => sandbox.signIn(username, signInOptions) };
}
