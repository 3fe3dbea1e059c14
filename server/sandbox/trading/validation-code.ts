import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Clock } from "../../../src/core/clock";

/** A preview's validation code stays usable this long. */
export const VALIDATION_CODE_LIFETIME_MS = 15 * 60_000;

export type CodeCheck = { ok: true } | { ok: false; reason: string };

/**
 * Validation codes bound to exactly one order content of one account (API.md 3.3 #14/#16): an HMAC over
 * the content and the issue time, so any changed field, another account or an old code fails.
 */
export class ValidationCodes {
  private secret = randomBytes(32);

  constructor(private readonly clock: Clock) {}

  issue(accountNumber: string, content: string): string {
    const issuedAt = this.clock.now();
    return `${issuedAt.toString(36)}.${this.sign(accountNumber, content, issuedAt)}`;
  }

  check(code: string, accountNumber: string, content: string): CodeCheck {
    const match = /^([0-9a-z]{1,12})\.([0-9a-f]{32})$/.exec(code);
    if (!match) return { ok: false, reason: "it is not a validation code issued by a preview" };
    const issuedAt = parseInt(match[1], 36);
    const expected = Buffer.from(this.sign(accountNumber, content, issuedAt));
    if (!timingSafeEqual(expected, Buffer.from(match[2]))) {
      return { ok: false, reason: "it was issued for a different order content or account; preview this exact order again" };
    }
    const age = this.clock.now() - issuedAt;
    if (age > VALIDATION_CODE_LIFETIME_MS || age < 0) {
      return { ok: false, reason: `it has expired (valid for ${VALIDATION_CODE_LIFETIME_MS / 60_000} minutes); preview the order again` };
    }
    return { ok: true };
  }

  /** Codes issued before a reset stop working. */
  rotate(): void {
    this.secret = randomBytes(32);
  }

  private sign(accountNumber: string, content: string, issuedAt: number): string {
    return createHmac("sha256", this.secret).update(`${accountNumber}\n${issuedAt}\n${content}`).digest("hex").slice(0, 32);
  }
}
