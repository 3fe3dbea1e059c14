import { STREAM_LEVELS, type StreamLevel } from "../../../src/core/wire/realtime";
import { HubError } from "./hub-error";
import { describe } from "./protocol";

/**
 * Checks of hub method arguments. Each failure names the method, the argument, the value and the rule
 * (STYLE habit 8); ASP.NET would only say "Error binding arguments".
 */
export function expectArgumentCount(method: string, args: readonly unknown[], names: readonly string[]): void {
  if (args.length === names.length) return;
  const expected = names.length === 0 ? "no arguments" : `${names.length} argument${names.length > 1 ? "s" : ""} (${names.join(", ")})`;
  throw new HubError(`${method} takes ${expected}; got ${args.length}.`);
}

export function stringArgument(method: string, name: string, value: unknown): string {
  if (typeof value !== "string") throw new HubError(`${method}: ${name} must be a string, got ${describe(value)}.`);
  return value;
}

/** An array of strings; `maxLength` only guards the server (business limits are checked by the caller). */
export function stringArrayArgument(method: string, name: string, value: unknown, maxLength: number): string[] {
  if (!Array.isArray(value)) throw new HubError(`${method}: ${name} must be an array of strings, got ${describe(value)}.`);
  if (value.length > maxLength) throw new HubError(`${method}: ${name} has ${value.length} entries; at most ${maxLength} are accepted.`);
  value.forEach((entry, index) => {
    if (typeof entry !== "string") throw new HubError(`${method}: ${name}[${index}] must be a string, got ${describe(entry)}.`);
  });
  return value as string[];
}

/** A level string; matched case-insensitively ("book" is Book), as ASP.NET's enum binding did. */
export function levelArgument(method: string, name: string, value: unknown): StreamLevel {
  const level = typeof value === "string" ? STREAM_LEVELS.find((known) => known.toLowerCase() === value.toLowerCase()) : undefined;
  if (level) return level;
  throw new HubError(`${method}: ${name} must be one of ${STREAM_LEVELS.join(", ")} (in any case; not the REST levels), got ${describe(value)}.`);
}
