import type { Scope } from "../../../src/core/wire/auth";

/** Which scopes each person granted to each client; the consent page is shown once per person and client (API.md 2.1). */
export class ConsentStore {
  private readonly granted = new Map<string, Set<Scope>>();

  /** Forgets every consent (sandbox reset). */
  clear(): void {
    this.granted.clear();
  }

  /** True when every requested scope was granted before. */
  covers(personId: string, clientId: string, scopes: readonly Scope[]): boolean {
    const granted = this.granted.get(key(personId, clientId));
    return !!granted && scopes.every((scope) => granted.has(scope));
  }

  grant(personId: string, clientId: string, scopes: readonly Scope[]): void {
    const id = key(personId, clientId);
    const granted = this.granted.get(id) ?? new Set<Scope>();
    for (const scope of scopes) granted.add(scope);
    this.granted.set(id, granted);
  }
}

function key(personId: string, clientId: string): string {
  return JSON.stringify([personId, clientId]);
}
