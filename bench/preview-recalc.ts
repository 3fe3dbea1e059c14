import { performance } from "node:perf_hooks";
import { FunctionCatalog } from "../src/host/engine/function-metadata";
import { Workbook } from "../src/host/engine/workbook";

/**
 * `npx tsx bench/preview-recalc.ts`: the preview workbook's recalculation with 10,000 streaming cells (the
 * product's big sheets), each with a dependent formula. Prints the time of one tick of every cell and of 1% of
 * them, against a baseline measured in the same run: re-typing 10,000 plain formulas (=row*2). Asserts nothing.
 */
const CELLS = Number(process.env.BENCH_CELLS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

type Handle = { setResult(value: unknown): void };
const handles: Handle[] = [];
let flush: (() => void) | undefined;
const workbook = new Workbook({ schedule: (run) => { flush = run; } });
workbook.setRuntime({
  catalog: new FunctionCatalog({ functions: [{ id: "QUOTE", name: "QUOTE", parameters: [{ name: "instrument", type: "string" }], result: { type: "number" }, options: { stream: true } }] }, "BINCK"),
  lookup: () => (_instrument: unknown, handle: unknown) => void handles.push(handle as Handle),
});

const time = (run: () => void) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const setup = time(() => {
  for (let row = 1; row <= CELLS; row++) {
    workbook.setInput({ row, col: 1 }, `=BINCK.QUOTE("i${row}")`);
    workbook.setInput({ row, col: 2 }, `=A${row}*2`);
  }
});
const tick = (share: number, round: number) => time(() => {
  const step = Math.round(1 / share);
  for (let index = 0; index < handles.length; index += step) handles[index].setResult(round + index);
  flush?.();
});
const all: number[] = [];
const few: number[] = [];
const baseline: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  all.push(tick(1, round));
  few.push(tick(0.01, round + 0.5));
  baseline.push(time(() => {
    for (let row = 1; row <= CELLS; row++) workbook.setInput({ row, col: 3 }, `=${row + round}*2`);
  }));
}
const out = (line: string) => process.stdout.write(`${line}\n`);
out(`${CELLS} streaming cells + ${CELLS} dependents; set up in ${setup.toFixed(0)} ms; median of ${ROUNDS} rounds:`);
out(`  tick of every cell:  ${median(all).toFixed(1)} ms (${(median(all) / median(baseline)).toFixed(2)} x baseline)`);
out(`  tick of 1% of cells: ${median(few).toFixed(1)} ms (${(median(few) / median(baseline)).toFixed(3)} x baseline)`);
out(`  baseline, re-typing ${CELLS} plain formulas: ${median(baseline).toFixed(1)} ms`);
