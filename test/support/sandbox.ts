import type { TokenResponse } from "../../src/core/wire/auth";
import { startSandbox, type CreateSandboxOptions, type RunningSandbox } from "../../server/sandbox";

export interface TestSandbox extends RunningSandbox {
  /** Fetch on the API origin; `path` starts with /api/v1 or /_sandbox. */
  api(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  /** A session made through the control surface, as if the person had signed in. */
  signIn(username: string, options?: { realm?: string; scope?: string; readOnly?: boolean }): Promise<TokenResponse>;
  control(action: string, body?: unknown): Promise<Response>;
}

/** A sandbox on free ports for one test file. Call close() in afterAll. */
export async function startTestSandbox(options: CreateSandboxOptions = {}): Promise<TestSandbox> {
  const running = await startSandbox({ ...options, ports: { login: 0, api: 0, realtime: 0 } });
  const api: TestSandbox["api"] = (path, init = {}) => {
    const { token, headers, ...rest } = init;
    const merged = new Headers(headers);
    if (token) merged.set("Authorization", `Bearer ${token}`);
    if (rest.body !== undefined && !merged.has("Content-Type")) merged.set("Content-Type", "application/json; charset=utf-8");
    return fetch(`${running.urls.api}${path}`, { ...rest, headers: merged });
  };
  const control: TestSandbox["control"] = (action, body) =>
    api(`/_sandbox/${action}`, { method: "POST", body: JSON.stringify(body ?? {}) });
  return {
    ...running,
    api,
    control,
    async signIn(username, signInOptions = {}) {
      const response = await control("sessions", { username, ...signInOptions });
      if (response.status !== 200) throw new Error(`Control sign-in of ${username} failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as TokenResponse;
    },
  };
}
