/**
 * A draft's referenceId (NewOrderModel.referenceId, at most 40 characters): the key by which a placement whose
 * answer was lost is found again. `xl-` + the time in base 36 + 12 random base-36 characters: unique across
 * workbooks and runtimes, and made of nothing secret (no account, no token).
 */
export const REFERENCE_ID_MAX_LENGTH = 40;
const RANDOM_CHARACTERS = 12;

export type RandomBytes = (count: number) => Uint8Array;

/** Web Crypto's random values (browsers and Node 19+ have it on globalThis). */
export const cryptoRandomBytes: RandomBytes = (count) => crypto.getRandomValues(new Uint8Array(count));

export function newReferenceId(nowMs: number, random: RandomBytes = cryptoRandomBytes): string {
  const bytes = random(RANDOM_CHARACTERS);
  const tail = Array.from(bytes, (byte) => (byte % 36).toString(36)).join("");
  return `xl-${Math.floor(nowMs).toString(36)}-${tail}`;
}

export function isReferenceId(value: string): boolean {
  return value.length > 0 && value.length <= REFERENCE_ID_MAX_LENGTH && /^[A-Za-z0-9._-]+$/.test(value);
}
