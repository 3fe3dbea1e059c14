import type { FieldProblem, OrderField } from "../../core";
import { problemText } from "../i18n/problem-texts";
import type { Language } from "../i18n/language";
import { fieldId } from "./ticket-form";

/** Fluent Field props that show a field's problems as its validation message (id `ticket-<field>-problem`). */
export function problemProps(field: OrderField, problems: ReadonlyMap<OrderField, readonly FieldProblem[]>, language: Language) {
  const own = problems.get(field);
  if (!own || own.length === 0) return {};
  return {
    validationState: "error" as const,
    validationMessage: { id: `${fieldId(field)}-problem`, children: own.map((problem) => problemText(problem, language)).join(" ") },
  };
}
