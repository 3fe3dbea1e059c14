import { clip } from "../../shared/clip";
import { badRequest } from "./api-error";

/**
 * Typed access to query parameters. Empty values count as absent (the official client sends `range=`),
 * enum values match case-insensitively and come back spelled as on the wire (API.md 3.1).
 */
export class Query {
  constructor(private readonly raw: Record<string, unknown>) {}

  private value(name: string): string | undefined {
    const found = this.raw[name];
    if (found === undefined) return undefined;
    if (Array.isArray(found)) throw badRequest(name, `is given ${found.length} times; give it once.`);
    if (typeof found !== "string") throw badRequest(name, "must be a plain value.");
    return found === "" ? undefined : found;
  }

  has(name: string): boolean {
    return this.value(name) !== undefined;
  }

  string(name: string, rule: { required?: boolean; pattern?: RegExp; minLength?: number; maxLength?: number } = {}): string | undefined {
    const value = this.value(name);
    if (value === undefined) {
      if (rule.required) throw badRequest(name, "is required.");
      return undefined;
    }
    if (rule.minLength !== undefined && value.length < rule.minLength) {
      throw badRequest(name, `'${clip(value)}' is shorter than ${rule.minLength} characters.`);
    }
    if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      throw badRequest(name, `'${clip(value)}' is longer than ${rule.maxLength} characters.`);
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      throw badRequest(name, `'${clip(value)}' does not match ${rule.pattern.source}.`);
    }
    return value;
  }

  requiredString(name: string, rule: { pattern?: RegExp; minLength?: number; maxLength?: number } = {}): string {
    return this.string(name, { ...rule, required: true })!;
  }

  enumValue<T extends string>(name: string, allowed: readonly T[], fallback?: T): T | undefined {
    const value = this.value(name);
    if (value === undefined) return fallback;
    const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (!match) throw badRequest(name, `'${clip(value)}' is not one of ${allowed.join(", ")}.`);
    return match;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.value(name);
    if (value === undefined) return fallback;
    const lower = value.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
    throw badRequest(name, `'${clip(value)}' is not true or false.`);
  }

  integer(name: string, rule: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const value = this.value(name);
    if (value === undefined) {
      if (rule.required) throw badRequest(name, "is required.");
      return undefined;
    }
    if (!/^-?\d+$/.test(value)) throw badRequest(name, `'${clip(value)}' is not a whole number.`);
    const parsed = Number(value);
    if (rule.min !== undefined && parsed < rule.min) throw badRequest(name, `${parsed} is below ${rule.min}.`);
    if (rule.max !== undefined && parsed > rule.max) throw badRequest(name, `${parsed} is above ${rule.max}.`);
    return parsed;
  }

  number(name: string): number | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) throw badRequest(name, `'${clip(value)}' is not a number.`);
    return parsed;
  }

  /** A date as `YYYY-MM-DD` or full ISO-8601; returns epoch milliseconds (UTC). */
  date(name: string, rule: { required?: boolean } = {}): number | undefined {
    const value = this.value(name);
    if (value === undefined) {
      if (rule.required) throw badRequest(name, "is required.");
      return undefined;
    }
    if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
      throw badRequest(name, `'${clip(value)}' is not a date (YYYY-MM-DD or ISO-8601).`);
    }
    const parsed = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(parsed) || !isCalendarDate(value)) throw badRequest(name, `'${clip(value)}' is not a valid date.`);
    return parsed;
  }

  /** A comma-separated list (URL-encoded commas arrive decoded). */
  list(name: string, rule: { required?: boolean; maxItems?: number } = {}): string[] | undefined {
    const value = this.string(name, { required: rule.required });
    if (value === undefined) return undefined;
    const items = value.split(",").map((item) => item.trim()).filter((item) => item !== "");
    if (items.length === 0 && rule.required) throw badRequest(name, "is required.");
    if (rule.maxItems !== undefined && items.length > rule.maxItems) {
      throw badRequest(name, `has ${items.length} items; at most ${rule.maxItems} are allowed.`);
    }
    return items;
  }
}


/** Date.parse rolls 2026-02-30 over to March: check that the day exists in its month. */
export function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
