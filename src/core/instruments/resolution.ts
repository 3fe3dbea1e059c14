import type { InstrumentModel, InstrumentType } from "../wire/models";

/** A look-up's answer as cached: the instrument, or why there is none (unknown and ambiguous are answers too). */
export type Resolution =
  | { kind: "found"; instrument: InstrumentModel }
  | { kind: "unknown" | "ambiguous"; endUserMessage: string; developerMessage: string };

/** Classes have no quotes (API.md 5.7): an equity wins over the option class or SRD class of the same symbol or ISIN. */
const CLASS_TYPES: ReadonlySet<InstrumentType> = new Set(["optionClass", "futureClass", "srdClass"]);
const CANDIDATES_SHOWN = 5;

export function isQuotable(instrument: InstrumentModel): boolean {
  return !CLASS_TYPES.has(instrument.type);
}

export function preferQuotable(instruments: InstrumentModel[]): InstrumentModel[] {
  const quotable = instruments.filter(isQuotable);
  return quotable.length > 0 ? quotable : instruments;
}

/** The one candidate, or an ambiguity that names the candidates and how to choose. */
export function pick(candidates: InstrumentModel[], shown: string, stem: string): Resolution {
  if (candidates.length === 1) return { kind: "found", instrument: candidates[0] };
  const mics = candidates.map((instrument) => instrument.marketIdentificationCode);
  const micsTell = mics.every((mic) => mic !== undefined) && new Set(mics).size === mics.length;
  const listed = candidates.slice(0, CANDIDATES_SHOWN).map((instrument) =>
    micsTell ? `${instrument.name} (${instrument.marketIdentificationCode})` : `${instrument.name} (${[instrument.marketIdentificationCode, `id ${instrument.id}`].filter(Boolean).join(", ")})`);
  const more = candidates.length > CANDIDATES_SHOWN ? `, and ${candidates.length - CANDIDATES_SHOWN} more` : "";
  const hint = micsTell ? `use ${stem}:${candidates[0].marketIdentificationCode}` : `use the instrument id, e.g. ${candidates[0].id}`;
  const message = `${shown} is ambiguous: ${listed.join(", ")}${more} — ${hint}.`;
  return { kind: "ambiguous", endUserMessage: message, developerMessage: `Instrument '${shown}' is ambiguous (${candidates.length} candidates: ${candidates.map((instrument) => instrument.id).join(", ")}).` };
}

export function unknown(message: string): Resolution {
  return { kind: "unknown", endUserMessage: message, developerMessage: `Instrument look-up found nothing: ${message}` };
}
