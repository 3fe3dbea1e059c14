import type { Realm } from "../../src/core/wire/auth";

/** What the broker keeps for one signed-in add-in session. The refresh token never leaves the broker. */
export interface BrokerSession {
  realm: Realm;
  refreshToken: string;
  /** The latest access token, kept to sign out upstream (DELETE /sessions). */
  accessToken: string;
  accessTokenExpiresAtMs: number;
  /** When the access token was last issued (sign-in or refresh). */
  issuedAtMs: number;
  scope: string;
  readOnly: boolean;
  signedInAtMs: number;
}

/** A small store interface, so that several broker instances can later share a real store. */
export interface BrokerSessionStore {
  get(handle: string): Promise<BrokerSession | undefined>;
  put(handle: string, session: BrokerSession): Promise<void>;
  delete(handle: string): Promise<void>;
}

/** The default store: a Map in this process, forgetting sessions older than `maxAgeMs` (the refresh chain). */
export class MemoryBrokerSessionStore implements BrokerSessionStore {
  private readonly sessions = new Map<string, BrokerSession>();

  constructor(private readonly now: () => number, private readonly maxAgeMs = 25 * 3_600_000) {}

  async get(handle: string): Promise<BrokerSession | undefined> {
    const session = this.sessions.get(handle);
    if (session && this.now() - session.signedInAtMs > this.maxAgeMs) {
      this.sessions.delete(handle);
      return undefined;
    }
    return session;
  }

  async put(handle: string, session: BrokerSession): Promise<void> {
    this.sessions.set(handle, session);
  }

  async delete(handle: string): Promise<void> {
    this.sessions.delete(handle);
  }
}
