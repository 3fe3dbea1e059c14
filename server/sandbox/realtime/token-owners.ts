/**
 * One active realtime connection per access token (API.md 5.7, guide.txt "only one session per token"):
 * the first connection that subscribes with a token owns it until it closes.
 */
export class TokenOwners<Owner> {
  private readonly ownerByToken = new Map<string, Owner>();

  /** True when `owner` now owns `token`; false when another owner still holds it. */
  claim(token: string, owner: Owner, isAlive: (other: Owner) => boolean): boolean {
    const current = this.ownerByToken.get(token);
    if (current !== undefined && current !== owner && isAlive(current)) return false;
    this.ownerByToken.set(token, owner);
    return true;
  }

  ownerOf(token: string): Owner | undefined {
    return this.ownerByToken.get(token);
  }

  releaseToken(token: string, owner: Owner): void {
    if (this.ownerByToken.get(token) === owner) this.ownerByToken.delete(token);
  }

  releaseAll(owner: Owner): void {
    for (const [token, current] of this.ownerByToken) if (current === owner) this.ownerByToken.delete(token);
  }
}
