/**
 * functions.json as custom-functions-metadata writes it (learn.microsoft.com, "Manually create JSON metadata"),
 * and the catalogue of the functions a workbook can call: NAMESPACE.NAME, matched case-insensitively.
 */
export type ParameterType = "number" | "string" | "boolean" | "any";

export interface ParameterMetadata {
  name: string;
  type?: ParameterType;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result?: { type?: ParameterType; dimensionality?: "scalar" | "matrix" };
  options?: { stream?: boolean; cancelable?: boolean; volatile?: boolean; requiresAddress?: boolean };
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
}

export interface CatalogEntry {
  /** As a formula names it: NAMESPACE.NAME in capitals. */
  formulaName: string;
  metadata: FunctionMetadata;
}

export class FunctionCatalog {
  private readonly byName = new Map<string, CatalogEntry>();

  constructor(metadata: FunctionsMetadata, readonly namespace: string) {
    if (!Array.isArray(metadata?.functions)) throw new Error("functions.json has no \"functions\" list.");
    for (const fn of metadata.functions) {
      const formulaName = `${namespace}.${fn.name}`.toUpperCase();
      this.byName.set(formulaName, { formulaName, metadata: { ...fn, parameters: fn.parameters ?? [] } });
    }
  }

  get(formulaName: string): CatalogEntry | undefined {
    return this.byName.get(formulaName.toUpperCase());
  }

  entries(): CatalogEntry[] {
    return [...this.byName.values()];
  }
}

/** "BINCK.QUOTE(instrument, [field], [property])", for messages. */
export function signatureOf(entry: CatalogEntry): string {
  const names = entry.metadata.parameters.map((parameter) => (parameter.optional ? `[${parameter.name}]` : parameter.name));
  return `${entry.formulaName}(${names.join(", ")})`;
}
