import { cellError, isCellError, type CellError, type CellValue, type Scalar } from "./cell-value";
import { signatureOf, type CatalogEntry, type ParameterMetadata } from "./function-metadata";

/** One argument as the formula engine hands it over: a value, a matrix (range or array), or omitted. */
export type ArgumentInput = { kind: "omitted" } | { kind: "value"; value: CellValue } | { kind: "matrix"; rows: CellValue[][] };

export type ArgumentValue = Scalar | Scalar[][];

/**
 * Excel checks a custom function's arguments against its metadata before calling it: the count, each type
 * (converting what it can, as Excel does), scalar versus matrix; optional arguments left out arrive as null; an
 * error in an argument is the result, and the function is not called.
 */
export function checkArguments(entry: CatalogEntry, inputs: ArgumentInput[]): { ok: true; args: ArgumentValue[] } | { ok: false; error: CellError } {
  const parameters = entry.metadata.parameters;
  const required = parameters.filter((parameter) => !parameter.optional).length;
  if (inputs.length < required || inputs.length > parameters.length) {
    const expected = required === parameters.length ? `${required}` : `${required} to ${parameters.length}`;
    return { ok: false, error: cellError("#VALUE!", `${signatureOf(entry)} takes ${expected} argument${parameters.length === 1 ? "" : "s"}; got ${inputs.length}.`) };
  }
  const args: ArgumentValue[] = [];
  for (let index = 0; index < parameters.length; index++) {
    const parameter = parameters[index];
    const input = inputs[index] ?? { kind: "omitted" as const };
    if (input.kind === "omitted") {
      if (!parameter.optional) return { ok: false, error: cellError("#VALUE!", `${signatureOf(entry)}: ${parameter.name} is required.`) };
      args.push(null);
      continue;
    }
    const checked = checkOne(entry, parameter, input);
    if ("error" in checked) return { ok: false, error: checked.error };
    args.push(checked.value);
  }
  return { ok: true, args };
}

function checkOne(entry: CatalogEntry, parameter: ParameterMetadata, input: Exclude<ArgumentInput, { kind: "omitted" }>): { value: ArgumentValue } | { error: CellError } {
  const where = `${entry.formulaName}: ${parameter.name}`;
  if (parameter.dimensionality === "matrix") {
    const rows = input.kind === "matrix" ? input.rows : [[input.value]];
    const converted: Scalar[][] = [];
    for (const row of rows) {
      const out: Scalar[] = [];
      for (const cell of row) {
        if (isCellError(cell)) return { error: cell };
        const value = convert(parameter, cell, true);
        if (value === undefined) return { error: mismatch(where, parameter, cell) };
        out.push(value);
      }
      converted.push(out);
    }
    return { value: converted };
  }
  if (input.kind === "matrix") {
    const width = input.rows[0]?.length ?? 0;
    if (input.rows.length !== 1 || width !== 1) {
      return { error: cellError("#VALUE!", `${where} takes one value; got a range of ${input.rows.length} × ${width} cells.`) };
    }
    return checkOne(entry, parameter, { kind: "value", value: input.rows[0][0] });
  }
  if (isCellError(input.value)) return { error: input.value };
  const value = convert(parameter, input.value, false);
  return value === undefined ? { error: mismatch(where, parameter, input.value) } : { value };
}

/** Excel's coercions into a typed parameter; undefined when the value cannot be one. */
function convert(parameter: ParameterMetadata, value: Scalar, inMatrix: boolean): Scalar | undefined {
  const type = parameter.type ?? "any";
  if (type === "any" || (value === null && inMatrix)) return value;
  switch (type) {
    case "number":
      if (value === null) return 0;
      if (typeof value === "number") return value;
      if (typeof value === "boolean") return value ? 1 : 0;
      return value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : undefined;
    case "string":
      if (value === null) return "";
      if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
      return String(value);
    case "boolean":
      if (value === null) return false;
      if (typeof value === "boolean") return value;
      if (typeof value === "number") return value !== 0;
      return /^(true|false)$/i.test(value) ? value.toUpperCase() === "TRUE" : undefined;
  }
}

function mismatch(where: string, parameter: ParameterMetadata, value: Scalar): CellError {
  return cellError("#VALUE!", `${where} must be a ${parameter.type}; got ${JSON.stringify(value)}.`);
}
