import type { FieldProblem, OrderPreview, PlacementOutcome } from "../../../src/core";
import { EDITING, canConfirm, firstProblemField, flowReducer, problemsByField, type FlowAction, type TicketFlow } from "../../../src/taskpane/ticket/ticket-flow";

const preview = (toConfirm: string[], canBeRegistered = true) => ({
  order: { referenceId: "r-1" }, canBeRegistered, warningsToBeShown: ["Prices move."], warningsToBeConfirmed: toConfirm,
  costs: { categories: [], totalInEuro: 0 }, kids: [], currency: "EUR",
}) as unknown as OrderPreview;

const run = (...actions: FlowAction[]) => actions.reduce<TicketFlow>(flowReducer, EDITING);
const problem = (field: FieldProblem["field"], code: FieldProblem["code"] = "required"): FieldProblem => ({ field, code, params: {}, message: `${field} ${code}` });

describe("the ticket's flow from draft to answer", () => {
  it("confirms only a registrable preview whose every warning is accepted", () => {
    const shown = run({ kind: "checking" }, { kind: "previewed", preview: preview(["far from market", "KID not read"]) });
    expect(canConfirm(shown)).toBe(false);
    const one = flowReducer(shown, { kind: "accept", warning: "far from market", accepted: true });
    expect(canConfirm(one)).toBe(false);
    expect(flowReducer(one, { kind: "placing" })).toBe(one);
    const both = flowReducer(one, { kind: "accept", warning: "KID not read", accepted: true });
    expect(canConfirm(both)).toBe(true);
    expect(canConfirm(flowReducer(both, { kind: "accept", warning: "KID not read", accepted: false }))).toBe(false);
    expect(canConfirm(run({ kind: "checking" }, { kind: "previewed", preview: preview([], false) }))).toBe(false);
  });

  it("places once: a second confirmation while placing or after the answer changes nothing", () => {
    const placing = run({ kind: "checking" }, { kind: "previewed", preview: preview([]) }, { kind: "placing" });
    expect(placing.phase).toBe("placing");
    expect(flowReducer(placing, { kind: "placing" })).toBe(placing);
    expect(flowReducer(placing, { kind: "edited" })).toBe(placing);
    const outcome: PlacementOutcome = { kind: "placed", orderNumber: 4711, referenceId: "r-1", recovered: false };
    const done = flowReducer(placing, { kind: "outcome", outcome });
    expect(done).toMatchObject({ phase: "done", outcome });
    expect(flowReducer(done, { kind: "placing" })).toBe(done);
    expect(flowReducer(done, { kind: "checking" })).toBe(done);
    expect(flowReducer(done, { kind: "restart" })).toBe(EDITING);
  });

  it("drops a preview when the draft changes, and problems or an error once the person types", () => {
    const shown = run({ kind: "checking" }, { kind: "previewed", preview: preview([]) });
    expect(flowReducer(shown, { kind: "edited" })).toBe(EDITING);
    const problems = run({ kind: "checking" }, { kind: "problems", problems: [problem("quantity")] });
    expect(problems).toEqual({ phase: "editing", problems: [problem("quantity")] });
    expect(flowReducer(problems, { kind: "edited" })).toBe(EDITING);
    expect(run({ kind: "checking" }, { kind: "failed", error: "Binck cannot be reached." })).toEqual({ phase: "editing", problems: [], error: "Binck cannot be reached." });
    // An answer that arrives after the draft changed is not shown.
    expect(run({ kind: "previewed", preview: preview([]) })).toBe(EDITING);
  });

  it("groups problems by field in the form's order and names the first one for the focus", () => {
    const problems = [problem("limitPrice", "notOnTick"), problem("quantity", "notWhole"), problem("quantity", "tooLarge"), problem("instrument", "instrumentUnknown")];
    expect([...problemsByField(problems).keys()]).toEqual(["instrument", "quantity", "limitPrice"]);
    expect(problemsByField(problems).get("quantity")?.map((one) => one.code)).toEqual(["notWhole", "tooLarge"]);
    expect(firstProblemField(problems)).toBe("instrument");
    expect(firstProblemField([])).toBeUndefined();
  });
});
