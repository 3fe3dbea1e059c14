import { requireAddress } from "../../../src/host/engine/cell-address";
import { Workbook } from "../../../src/host/engine/workbook";
import { RuntimeLink } from "../../../src/host/runtime-link";
import type { AssociatedFunction, RuntimeAssociations } from "../../../src/platform/host-bridge";
import { METADATA } from "./fake-runtime";

/** Associations of one runtime (one load of the taskpane page), with a streaming QUOTE that records its fate. */
function runtime() {
  const canceled: string[] = [];
  const started: string[] = [];
  const functions = new Map<string, AssociatedFunction>();
  const associations: RuntimeAssociations = { functions, actions: new Map() };
  const quote: AssociatedFunction = (instrument, _field, handle) => {
    started.push(String(instrument));
    const invocation = handle as { setResult(value: unknown): void; onCanceled?: () => void };
    invocation.onCanceled = () => canceled.push(String(instrument));
    invocation.setResult(`${instrument} from this runtime`);
  };
  return { associations, functions, quote, canceled, started };
}

const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe("the link between the preview workbook and the add-in runtime", () => {
  it("waits for functions.json and the associations, recalculates when more arrive, and replaces a reloaded runtime", async () => {
    const workbook = new Workbook({ schedule: (flush) => queueMicrotask(flush) });
    const lines: string[] = [];
    const link = new RuntimeLink(workbook, (line) => lines.push(line));
    workbook.setInput(requireAddress("A1"), '=BINCK.QUOTE("ASML")');
    const first = runtime();
    link.register(first.associations);
    await settle();
    expect(workbook.value(requireAddress("A1"))).toEqual({ error: "#NAME?", message: "Function BINCK.QUOTE is not implemented." });

    link.setMetadata({ functions: METADATA }, "BINCK");
    await settle();
    expect(workbook.value(requireAddress("A1"))).toMatchObject({ error: "#NAME?", message: expect.stringContaining("did not associate id QUOTE") });
    // functions.js associates after the stand-in announced the (then empty) runtime: the same runtime, recalculated.
    first.functions.set("QUOTE", first.quote);
    link.register(first.associations);
    await settle();
    expect(workbook.value(requireAddress("A1"))).toBe("ASML from this runtime");
    expect(link.associated()).toEqual(["QUOTE"]);

    // The taskpane page reloaded: a new runtime; the old one's invocations are cancelled, the new one's start.
    const second = runtime();
    second.functions.set("QUOTE", second.quote);
    link.register(second.associations);
    await settle();
    expect(first.canceled).toEqual(["ASML"]);
    expect(second.started).toEqual(["ASML"]);
    expect(first.started).toEqual(["ASML"]);
    expect(lines).toEqual([
      "functions.json: BINCK.QUOTE, BINCK.QUOTES, BINCK.VERSION, BINCK.TIMES, BINCK.FLAG, BINCK.LATER, BINCK.MISSING",
      "runtime associated: nothing yet",
      "runtime associated: QUOTE",
      "runtime associated: QUOTE",
    ]);
  });
});
