import type { FieldProblem, OrderField, OrderPreview, PlacementOutcome } from "../../core";
import { FIELD_ORDER } from "./ticket-form";

/**
 * Where the ticket is between typing and the answer: editing (with the desk's field problems, or an error),
 * checking and previewing, previewed (warnings to accept), placing, and done. Confirm is possible only from
 * "previewed" with every warning accepted; "placing" and "done" take no second confirmation.
 */
export type TicketFlow =
  | { phase: "editing"; problems: readonly FieldProblem[]; error?: string }
  | { phase: "checking" }
  | { phase: "previewed"; preview: OrderPreview; accepted: readonly string[] }
  | { phase: "placing"; preview: OrderPreview; accepted: readonly string[] }
  | { phase: "done"; preview: OrderPreview; accepted: readonly string[]; outcome: PlacementOutcome };

export type FlowAction =
  /** Any change to the form: a preview belongs to the draft it was made of. */
  | { kind: "edited" }
  | { kind: "checking" }
  | { kind: "problems"; problems: readonly FieldProblem[] }
  | { kind: "failed"; error: string }
  | { kind: "previewed"; preview: OrderPreview }
  | { kind: "accept"; warning: string; accepted: boolean }
  | { kind: "placing" }
  | { kind: "outcome"; outcome: PlacementOutcome }
  /** "New order" after an answer. */
  | { kind: "restart" };

export const EDITING: TicketFlow = { phase: "editing", problems: [] };

export function flowReducer(flow: TicketFlow, action: FlowAction): TicketFlow {
  switch (action.kind) {
    case "edited":
      // While placing or after the answer the form is locked; a preview or problems no longer fit the new draft.
      if (flow.phase === "placing" || flow.phase === "done" || flow.phase === "checking") return flow;
      return flow.phase === "editing" && flow.problems.length === 0 && !flow.error ? flow : EDITING;
    case "checking":
      return flow.phase === "editing" || flow.phase === "previewed" ? { phase: "checking" } : flow;
    case "problems":
      return flow.phase === "checking" ? { phase: "editing", problems: action.problems } : flow;
    case "failed":
      return flow.phase === "checking" ? { phase: "editing", problems: [], error: action.error } : flow;
    case "previewed":
      return flow.phase === "checking" ? { phase: "previewed", preview: action.preview, accepted: [] } : flow;
    case "accept": {
      if (flow.phase !== "previewed") return flow;
      const others = flow.accepted.filter((warning) => warning !== action.warning);
      return { ...flow, accepted: action.accepted ? [...others, action.warning] : others };
    }
    case "placing":
      return canConfirm(flow) ? { phase: "placing", preview: flow.preview, accepted: flow.accepted } : flow;
    case "outcome":
      return flow.phase === "placing" || flow.phase === "done" ? { phase: "done", preview: flow.preview, accepted: flow.accepted, outcome: action.outcome } : flow;
    case "restart":
      return flow.phase === "done" ? EDITING : flow;
  }
}

/** Previewed, registrable, and every warning that needs consent ticked. */
export function canConfirm(flow: TicketFlow): flow is Extract<TicketFlow, { phase: "previewed" }> {
  return flow.phase === "previewed" && flow.preview.canBeRegistered
    && flow.preview.warningsToBeConfirmed.every((warning) => flow.accepted.includes(warning));
}

/** The problems of each field, in the form's order. */
export function problemsByField(problems: readonly FieldProblem[]): Map<OrderField, FieldProblem[]> {
  const byField = new Map<OrderField, FieldProblem[]>();
  for (const field of FIELD_ORDER) {
    const own = problems.filter((problem) => problem.field === field);
    if (own.length > 0) byField.set(field, own);
  }
  return byField;
}

/** The first field, top to bottom, that has a problem: focus moves there. */
export function firstProblemField(problems: readonly FieldProblem[]): OrderField | undefined {
  return problemsByField(problems).keys().next().value;
}
