import { customFunctionsTypes } from "../../../src/host/engine/custom-functions-error";
import { FunctionCatalog, type FunctionMetadata } from "../../../src/host/engine/function-metadata";
import type { AssociatedFunction } from "../../../src/host/engine/invocations";
import { Workbook } from "../../../src/host/engine/workbook";
import { requireAddress } from "../../../src/host/engine/cell-address";

/** A streaming invocation as the fake functions see it. */
export interface FakeInvocation {
  args: unknown[];
  setResult(value: unknown): void;
  onCanceled?: () => void;
  canceled: boolean;
}

const stream = { stream: true };
const any = (name: string, optional = false) => ({ name, type: "any" as const, optional });

/** Metadata shaped like the add-in's: streaming scalar and spill functions, a plain one, a typed one. */
export const METADATA: FunctionMetadata[] = [
  { id: "QUOTE", name: "QUOTE", parameters: [{ name: "instrument", type: "string" }, { name: "field", type: "string", optional: true }], result: { type: "number" }, options: stream },
  { id: "QUOTES", name: "QUOTES", parameters: [{ name: "instruments", type: "any", dimensionality: "matrix" }, { name: "fields", type: "string", optional: true }], result: { dimensionality: "matrix" }, options: stream },
  { id: "VERSION", name: "VERSION", parameters: [], result: { type: "string" } },
  { id: "TIMES", name: "TIMES", parameters: [{ name: "a", type: "number" }, { name: "b", type: "number", optional: true }], result: { type: "number" } },
  { id: "FLAG", name: "FLAG", parameters: [{ name: "on", type: "boolean" }, any("extra", true)], result: { type: "string" } },
  { id: "LATER", name: "LATER", parameters: [any("value")], result: { type: "any" } },
  { id: "MISSING", name: "MISSING", parameters: [], result: { type: "any" } },
];

/** A workbook with the fake BINCK functions; flush() runs what the browser would run on the next frame. */
export function fakeWorkbook(overrides: Record<string, AssociatedFunction> = {}) {
  const invocations: Record<string, FakeInvocation[]> = { QUOTE: [], QUOTES: [] };
  const streaming = (name: string) => (...args: unknown[]) => {
    const handle = args.pop() as FakeInvocation;
    const record: FakeInvocation = { args, canceled: false, setResult: (value) => handle.setResult(value) };
    handle.onCanceled = () => {
      record.canceled = true;
    };
    invocations[name].push(record);
  };
  const functions: Record<string, AssociatedFunction> = {
    QUOTE: streaming("QUOTE"),
    QUOTES: streaming("QUOTES"),
    VERSION: () => "1.2.3",
    TIMES: (a, b) => (a as number) * ((b as number | null) ?? 2),
    FLAG: (on, extra) => `${on}/${extra}`,
    LATER: () => new Promise(() => undefined),
    ...overrides,
  };
  let scheduled: (() => void) | undefined;
  const logLines: string[] = [];
  const workbook = new Workbook({ schedule: (flush) => { scheduled = flush; }, log: (line) => logLines.push(line) });
  workbook.setRuntime({ catalog: new FunctionCatalog({ functions: METADATA }, "BINCK"), lookup: (id) => functions[id.toUpperCase()] });
  const changes: string[][] = [];
  workbook.onChange((changed) => changes.push([...changed]));
  return {
    workbook,
    invocations,
    logLines,
    changes,
    errors: customFunctionsTypes,
    set: (address: string, text: string) => workbook.setInput(requireAddress(address), text),
    get: (address: string) => workbook.value(requireAddress(address)),
    flush() {
      const run = scheduled;
      scheduled = undefined;
      run?.();
    },
  };
}
