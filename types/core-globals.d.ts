/**
 * The only host globals src/core may use, for the core project's type check (tsconfig.core.json): core runs
 * in Node and in the Office runtimes alike, so it sees neither DOM nor Node types. Browsers and Node both
 * provide these, with richer types that the other projects see.
 */
declare function setTimeout(callback: () => void, delayMs?: number): unknown;
declare function clearTimeout(handle: unknown): void;

interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Response {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  text(): Promise<string>;
}

declare function fetch(url: string, init?: RequestInit): Promise<Response>;

declare class URLSearchParams {
  constructor(init?: Record<string, string> | Array<[string, string]>);
  toString(): string;
}

/** Web Crypto's random values (browsers; Node 19+ on globalThis): the order desk's referenceIds. */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
