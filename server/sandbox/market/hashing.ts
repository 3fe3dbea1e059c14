/**
 * Deterministic hashing for the seeded market: the same seed and inputs always give the same numbers,
 * without any stored random state (so an instrument's price at a moment can be computed on demand).
 */

/** 32-bit FNV-1a of a string. */
export function hashString(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return finalize(hash);
}

/** Mixes integers into one well-spread 32-bit value (murmur3 finalizer per step). */
export function hashInts(a: number, b: number, c = 0, d = 0): number {
  let hash = finalize((a | 0) ^ 0x9e3779b9);
  hash = finalize(hash ^ Math.imul(b | 0, 0x85ebca6b));
  hash = finalize(hash ^ Math.imul(c | 0, 0xc2b2ae35));
  hash = finalize(hash ^ Math.imul(d | 0, 0x27d4eb2f));
  return hash;
}

/** A hash mapped to [0, 1). */
export function unit(hash: number): number {
  return (hash >>> 0) / 4294967296;
}

/** A hash mapped to [-1, 1). */
export function signedUnit(hash: number): number {
  return unit(hash) * 2 - 1;
}

function finalize(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const INSTRUMENT_ID_LENGTH = 5;
export const INSTRUMENT_ID_PATTERN = /^[A-Za-z0-9]{5}$/;

/** A 5-character [A-Za-z0-9] id (the format of real sandbox ids such as `eM1X1`), from a key string. */
export function instrumentIdFor(seed: number, key: string): string {
  let high = hashString(key, seed);
  let low = hashString(`${key}#`, seed ^ 0x5bd1e995);
  let id = "";
  for (let i = 0; i < INSTRUMENT_ID_LENGTH; i++) {
    // Take base-62 digits from two 32-bit halves so all 62^5 ids are reachable.
    const source = i % 2 === 0 ? high : low;
    id += ID_ALPHABET[source % 62];
    if (i % 2 === 0) high = Math.floor(high / 62);
    else low = Math.floor(low / 62);
  }
  return id;
}
