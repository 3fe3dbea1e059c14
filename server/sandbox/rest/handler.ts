import type { ApiSession } from "../auth/session-store";
import type { SandboxContext } from "../context";
import type { Language } from "../seed/people";
import type { Person } from "../seed/people";
import type { Query } from "./query";

/** A REST request after authentication: handlers never see Express. */
export interface ApiRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Query;
  /** The parsed JSON body, not yet validated (undefined when there was none). */
  readonly body: unknown;
  readonly session: ApiSession;
  readonly person: Person;
  /** The customer's language: endUserMessage texts follow it. */
  readonly language: Language;
  readonly ctx: SandboxContext;
}

export type ApiResult =
  | { status?: number; body: object }
  | { status?: number; binary: Buffer; contentType: string; filename: string };

export type Handler = (request: ApiRequest) => ApiResult | Promise<ApiResult>;

/** An operation that needs no token (GET /version): it sees no session. */
export type PublicHandler = () => ApiResult;
