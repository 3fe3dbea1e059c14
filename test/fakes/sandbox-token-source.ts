import { BinckError, SIGNED_OUT_MESSAGE } from "../../src/core/errors";
import type { TokenSource } from "../../src/core/session/token-source";
import type { Realm, TokenResponse } from "../../src/core/wire/auth";
import type { TestSandbox } from "../support/sandbox";

/**
 * A TokenSource over a sandbox session made through the control surface: `refresh()` rotates the tokens through the
 * sandbox's session store (as the broker's refresh would) and announces the new access token.
 */
export class SandboxTokenSource implements TokenSource {
  activity = 0;
  refreshes = 0;
  signedOut = false;
  private listeners = new Set<(token: string) => void>();

  constructor(private readonly sandbox: TestSandbox, private tokens: TokenResponse, private readonly realm: Realm = "bincknlapi") {}

  static async signIn(sandbox: TestSandbox, username = "jansen"): Promise<SandboxTokenSource> {
    return new SandboxTokenSource(sandbox, await sandbox.signIn(username));
  }

  get accessToken(): string {
    return this.tokens.access_token;
  }

  getAccessToken(): string {
    if (this.signedOut) throw new BinckError("signInRequired", SIGNED_OUT_MESSAGE, "The test session was signed out.");
    return this.tokens.access_token;
  }

  async renewAfterRejection(): Promise<boolean> {
    try {
      this.refresh();
      return true;
    } catch {
      this.signedOut = true;
      return false;
    }
  }

  noteActivity(): void {
    this.activity++;
  }

  onTokenRefreshed(listener: (accessToken: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Rotates the tokens; throws when the sandbox ended the session. */
  refresh(): string {
    const result = this.sandbox.sandbox.ctx.sessions.refresh(this.tokens.refresh_token, "sandbox-control", this.realm);
    if (!result.ok) throw new Error(result.description);
    this.tokens = result.tokens;
    this.refreshes++;
    for (const listener of this.listeners) listener(this.tokens.access_token);
    return this.tokens.access_token;
  }
}
