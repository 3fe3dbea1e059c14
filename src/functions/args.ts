import {
  BinckError,
  parseInstrumentReference,
  QUOTE_FIELDS,
  QUOTE_PROPERTIES,
  type InstrumentReference,
  type QuoteField,
  type QuoteFieldSpec,
  type QuoteProperty,
} from "../core";

/**
 * The arguments of the custom functions, checked and typed: case-insensitive and trimmed; a wrong one is an
 * invalidInput BinckError that names the argument, the value and what is allowed. Excel passes null (or
 * undefined) for an omitted optional argument.
 */
const FIELD_NAMES = [...QUOTE_FIELDS.keys()].join(", ");

export function parseQuoteField(value: unknown, argument = "field"): QuoteFieldSpec {
  const text = requiredText(value, argument, `one of ${FIELD_NAMES}`).toLowerCase();
  const found = QUOTE_FIELDS.get(text as QuoteField);
  if (!found) refuse(argument, value, `is not a quote field; use one of ${FIELD_NAMES}`);
  return found;
}

/** The property of a field: its default when omitted, else one the field has (orders only for book levels). */
export function parseQuoteProperty(field: QuoteFieldSpec, value: unknown, argument = "property"): QuoteProperty {
  if (isOmitted(value)) return field.defaultProperty;
  const text = requiredText(value, argument, `one of ${field.properties.join(", ")}`).toLowerCase();
  if (!QUOTE_PROPERTIES.includes(text as QuoteProperty)) refuse(argument, value, `is not a property; use one of ${QUOTE_PROPERTIES.join(", ")}`);
  if (!field.properties.includes(text as QuoteProperty)) refuse(argument, value, `is not a property of ${field.field}; use one of ${field.properties.join(", ")}`);
  return text as QuoteProperty;
}

/** QUOTES fields: a comma-separated text, or a range of texts (empty cells skipped). */
export function parseQuoteFields(value: unknown, argument = "fields"): QuoteFieldSpec[] {
  const cells = Array.isArray(value) ? (value as unknown[]).flat(2) : [value];
  const names = cells.flatMap((cell) => (isOmitted(cell) ? [] : typeof cell === "string" ? cell.split(",") : [cell]))
    .filter((name) => !(typeof name === "string" && name.trim() === ""));
  if (names.length === 0) refuse(argument, value, `is empty; list fields from ${FIELD_NAMES}`);
  return names.map((name) => parseQuoteField(name, argument));
}

export function parseBookDepth(value: unknown, argument = "depth"): number {
  return wholeNumber(value, argument, 1, 5, 5);
}

export function parseNewsCount(value: unknown, argument = "count"): number {
  return wholeNumber(value, argument, 1, 50, 10);
}

/** An instrument argument: id, ISIN, ISIN:MIC, symbol or SYMBOL:MIC (core/instruments resolves it). */
export function parseInstrumentArgument(value: unknown, argument = "instrument"): InstrumentReference {
  if (typeof value === "number" && Number.isInteger(value)) return parseInstrumentReference(String(value));
  return parseInstrumentReference(requiredText(value, argument, "an instrument"));
}

function wholeNumber(value: unknown, argument: string, min: number, max: number, fallback: number): number {
  if (isOmitted(value)) return fallback;
  const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : NaN;
  if (!Number.isInteger(number) || number < min || number > max) refuse(argument, value, `must be a whole number from ${min} to ${max}`);
  return number;
}

function requiredText(value: unknown, argument: string, expected: string): string {
  if (typeof value !== "string" || value.trim() === "") refuse(argument, value, `is missing or not text; give ${expected}`);
  return value.trim();
}

export function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

export function refuse(argument: string, value: unknown, rule: string): never {
  const shown = typeof value === "string" ? `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'` : Array.isArray(value) ? "a range" : String(value);
  const message = `${argument} ${shown} ${rule}.`;
  throw new BinckError("invalidInput", message, `Argument refused: ${message}`);
}
