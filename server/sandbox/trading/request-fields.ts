import { badRequest } from "../rest/api-error";
import { clip } from "../../shared/clip";

/**
 * Readers for the fields of a JSON order body. Every error is a 400 naming the field, the value and the rule.
 *
 * Two habits of the real API (ASP.NET, Newtonsoft) that clients rely on:
 * - JSON `null` for an optional field counts as absent: swagger-generated clients send `"srd": null`,
 *   `"limitPrice": null`, … for every property they do not use. A null required field is still a 400.
 * - Enum values match case-insensitively (`"Limit"`, `"BUY"`, `"GoodTillDate"`); the canonical wire
 *   spelling is what the rest of the sandbox sees and answers with.
 */

/** Absent from the body: not there, or JSON null. */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** The 400 for a missing required field; a null says so, so the client sees why its value did not count. */
export function requiredError(value: unknown, field: string, hint = ""): Error {
  const suffix = hint ? ` (${hint})` : "";
  return value === null
    ? badRequest(field, `null is not allowed: the field is required${suffix}.`)
    : badRequest(field, `is required${suffix}.`);
}

export function objectAt(value: unknown, field: string): Record<string, unknown> {
  if (isAbsent(value)) throw requiredError(value, field);
  if (typeof value !== "object" || Array.isArray(value)) throw badRequest(field, `must be a JSON object, not ${describe(value)}.`);
  return value as Record<string, unknown>;
}

/** The body itself: a JSON object (a null body is reported as such, not as "required"). */
export function bodyAt(value: unknown): Record<string, unknown> {
  if (value === undefined) throw badRequest("body", "is required.");
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw badRequest("body", `must be a JSON object, not ${describe(value)}.`);
  return value as Record<string, unknown>;
}

/** An enum value matched case-insensitively; answers the canonical spelling of `allowed`. */
export function enumAt<T extends string>(value: unknown, field: string, allowed: readonly T[], required: true): T;
export function enumAt<T extends string>(value: unknown, field: string, allowed: readonly T[], required: false): T | undefined;
export function enumAt<T extends string>(value: unknown, field: string, allowed: readonly T[], required: boolean): T | undefined {
  if (isAbsent(value)) {
    if (required) throw requiredError(value, field, `one of ${allowed.join(", ")}`);
    return undefined;
  }
  const match = typeof value === "string" ? allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase()) : undefined;
  if (match === undefined) throw badRequest(field, `${describe(value)} is not one of ${allowed.join(", ")}.`);
  return match;
}

export function stringAt(value: unknown, field: string, maxLength: number): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== "string") throw badRequest(field, `${describe(value)} is not a string.`);
  if (value.length > maxLength) throw badRequest(field, `'${clip(value)}' is longer than ${maxLength} characters.`);
  return value;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * An ISO-8601 date or date-time that exists on the calendar. `Date.parse` rolls `2026-02-30` over to
 * 2 March; the real API refused it, so this checks month, day, hour, minute, second and offset first.
 */
export function dateAt(value: unknown, field: string): { text: string; timeMs: number } {
  if (typeof value !== "string") throw badRequest(field, `${describe(value)} is not a date-time string.`);
  const parts = ISO_DATE_TIME.exec(value);
  if (!parts) throw badRequest(field, `'${clip(value)}' is not an ISO-8601 date-time.`);
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12) throw badRequest(field, `'${clip(value)}' is not a calendar date: month ${parts[2]} does not exist.`);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    throw badRequest(field, `'${clip(value)}' is not a calendar date: ${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth} days.`);
  }
  const [hour, minute, second] = [Number(parts[4] ?? 0), Number(parts[5] ?? 0), Number(parts[6] ?? 0)];
  const [offsetHour, offsetMinute] = [Number(parts[8] ?? 0), Number(parts[9] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59 || offsetHour > 23 || offsetMinute > 59) {
    throw badRequest(field, `'${clip(value)}' is not a valid time of day (hours 00-23, minutes and seconds 00-59).`);
  }
  // Without an offset the time is taken as UTC, so the answer does not depend on the server's time zone.
  const utc = value.length === 10 ? `${value}T00:00:00Z` : `${value.replace(" ", "T")}${parts[7] === undefined ? "Z" : ""}`;
  const timeMs = Date.parse(utc);
  if (Number.isNaN(timeMs)) throw badRequest(field, `'${clip(value)}' is not an ISO-8601 date-time.`);
  return { text: value, timeMs };
}

/** How a wrong value is quoted back: short, with its JSON type. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (typeof value === "string") return `the string '${clip(value)}'`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

export function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
