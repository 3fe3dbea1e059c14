/**
 * The ASP.NET Core SignalR JSON hub protocol, server side: parse what a client sends, write what the hub sends.
 * Pure: strings in, records out. Nothing else in the hub touches bytes (STYLE habit 2).
 * Wire facts: toolchain-probe.md section 7 (checked against @microsoft/signalr 10); API.md 5.1.
 */
import { clip } from "../../shared/clip";

/** Every record, the handshake included, ends with this character. */
export const RECORD_SEPARATOR = "\x1e";

export const MessageType = {
  Invocation: 1,
  StreamItem: 2,
  Completion: 3,
  StreamInvocation: 4,
  CancelInvocation: 5,
  Ping: 6,
  Close: 7,
} as const;

/** The one hub protocol this hub speaks, and its version. */
export const HUB_PROTOCOL = { name: "json", version: 1 } as const;

export interface InvocationMessage {
  readonly type: typeof MessageType.Invocation;
  /** Absent for `send()` (no completion expected) and for server pushes. */
  readonly invocationId?: string;
  readonly target: string;
  readonly arguments: readonly unknown[];
}

export interface StreamInvocationMessage {
  readonly type: typeof MessageType.StreamInvocation;
  readonly invocationId: string;
  readonly target: string;
}

export interface CompletionMessage {
  readonly type: typeof MessageType.Completion;
  readonly invocationId: string;
  readonly result?: unknown;
  readonly error?: string;
}

export interface CloseMessage {
  readonly type: typeof MessageType.Close;
  readonly error?: string;
  readonly allowReconnect?: boolean;
}

/** What a client may send after the handshake, as the hub sees it. */
export type ClientMessage =
  | InvocationMessage
  | StreamInvocationMessage
  | { readonly type: typeof MessageType.StreamItem | typeof MessageType.Completion | typeof MessageType.CancelInvocation | typeof MessageType.Ping | typeof MessageType.Close }
  | { readonly type: "unknown"; readonly typeNumber: number };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Splits received text into complete records; `rest` is an unterminated tail to prepend to the next frame. */
export function splitRecords(text: string): { records: string[]; rest: string } {
  const parts = text.split(RECORD_SEPARATOR);
  const rest = parts.pop() ?? "";
  return { records: parts, rest };
}

/** Checks the client's handshake request (`{"protocol":"json","version":1}`). */
export function parseHandshake(record: string): ParseResult<{ protocol: string; version: number }> {
  const json = parseJsonObject(record, "handshake request");
  if (!json.ok) return json;
  const { protocol, version } = json.value;
  if (typeof protocol !== "string") return fail(`The handshake request has no 'protocol' string (got ${describe(protocol)}); send {"protocol":"json","version":1}.`);
  if (typeof version !== "number" || !Number.isInteger(version)) return fail(`The handshake request has no integer 'version' (got ${describe(version)}).`);
  if (protocol !== HUB_PROTOCOL.name) return fail(`The protocol '${clip(protocol, 40)}' is not supported: this hub speaks '${HUB_PROTOCOL.name}' only.`);
  if (version !== HUB_PROTOCOL.version) return fail(`The server does not support version ${version} of the '${HUB_PROTOCOL.name}' protocol (only ${HUB_PROTOCOL.version}).`);
  return { ok: true, value: { protocol, version } };
}

/** `{}` accepts the handshake; `{"error":…}` refuses it (the connection is then closed). */
export function writeHandshakeResponse(error?: string): string {
  return JSON.stringify(error === undefined ? {} : { error }) + RECORD_SEPARATOR;
}

/** Parses one record sent after the handshake. A malformed record is an error; an unknown type is not (newer peers). */
export function parseClientMessage(record: string): ParseResult<ClientMessage> {
  const json = parseJsonObject(record, "message");
  if (!json.ok) return json;
  const message = json.value;
  const type = message.type;
  if (typeof type !== "number" || !Number.isInteger(type)) return fail(`The message has no integer 'type' (got ${describe(type)}).`);
  switch (type) {
    case MessageType.Invocation:
    case MessageType.StreamInvocation: {
      const { invocationId, target } = message;
      const args = message.arguments;
      if (invocationId !== undefined && typeof invocationId !== "string") return fail(`The invocation's 'invocationId' must be a string (got ${describe(invocationId)}).`);
      if (typeof target !== "string" || target === "") return fail(`The invocation has no 'target' method name (got ${describe(target)}).`);
      if (!Array.isArray(args)) return fail(`The invocation of '${clip(target, 40)}' has no 'arguments' array (got ${describe(args)}).`);
      if (type === MessageType.StreamInvocation) {
        if (invocationId === undefined) return fail(`The stream invocation of '${clip(target, 40)}' has no 'invocationId'.`);
        return { ok: true, value: { type, invocationId, target } };
      }
      return { ok: true, value: invocationId === undefined ? { type, target, arguments: args } : { type, invocationId, target, arguments: args } };
    }
    case MessageType.StreamItem:
    case MessageType.Completion:
    case MessageType.CancelInvocation:
    case MessageType.Ping:
    case MessageType.Close:
      return { ok: true, value: { type } };
    default:
      return { ok: true, value: { type: "unknown", typeNumber: type } };
  }
}

/** A server push: an invocation without invocationId, so the client sends no completion. */
export function writeInvocation(target: string, args: readonly unknown[]): string {
  return JSON.stringify({ type: MessageType.Invocation, target, arguments: args }) + RECORD_SEPARATOR;
}

/** The answer to an invocation: a result, nothing (void method), or an error; never both. */
export function writeCompletion(invocationId: string, outcome: { result?: unknown } | { error: string }): string {
  const message: CompletionMessage = "error" in outcome
    ? { type: MessageType.Completion, invocationId, error: outcome.error }
    : outcome.result === undefined
      ? { type: MessageType.Completion, invocationId }
      : { type: MessageType.Completion, invocationId, result: outcome.result };
  return JSON.stringify(message) + RECORD_SEPARATOR;
}

export const PING_RECORD = JSON.stringify({ type: MessageType.Ping }) + RECORD_SEPARATOR;

/** Tells the client the server is closing; with allowReconnect the official client reconnects (if configured). */
export function writeClose(error?: string, allowReconnect = false): string {
  const message: CloseMessage = {
    type: MessageType.Close,
    ...(error === undefined ? {} : { error }),
    ...(allowReconnect ? { allowReconnect: true } : {}),
  };
  return JSON.stringify(message) + RECORD_SEPARATOR;
}

/** A short, safe rendering of a received value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "string") return `'${clip(value, 40)}'`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}


function parseJsonObject(record: string, what: string): ParseResult<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(record);
  } catch (error) {
    return fail(`The ${what} is not valid JSON (${(error as Error).message}): ${clip(JSON.stringify(record), 60)}.`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail(`The ${what} must be a JSON object, got ${describe(value)}.`);
  return { ok: true, value: value as Record<string, unknown> };
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
