import { BinckError } from "../errors";
import { ISIN_SHAPE, isValidIsin } from "./isin";

/**
 * What an instrument argument names. Binck ids are 5 letters and digits, case-sensitive (API.md 3.1, 6.1), so a
 * 5-character word could be an id or a symbol: symbols are capitals on Binck, so one with a small letter is
 * looked up as an id first, one in capitals as a symbol first, and the other reading is tried when the first
 * finds nothing.
 */
export type InstrumentReference =
  | { kind: "id"; id: string; orSymbol?: string }
  | { kind: "isin"; isin: string; mic?: string }
  | { kind: "symbol"; symbol: string; mic?: string; orId?: string };

export const INSTRUMENT_ARGUMENT_RULE = "give a Binck instrument id, an ISIN, ISIN:MIC, a symbol or SYMBOL:MIC (e.g. NL0010273215, NL0010273215:XAMS, ASML, ASML:XAMS)";

const ID_SHAPE = /^[A-Za-z0-9]{5}$/;
const MIC_SHAPE = /^[A-Za-z0-9]{4}$/;
/** Letters of any script, digits, and the punctuation real symbols use (BRK.B, NOVO B, BP.). */
const SYMBOL_SHAPE = /^[\p{L}\p{N}][\p{L}\p{N} .&/-]{0,19}$/u;

export function parseInstrumentReference(argument: string): InstrumentReference {
  const text = argument.trim();
  if (text === "") refuse(argument, "it is empty");
  const colon = text.lastIndexOf(":");
  let head = text;
  let mic: string | undefined;
  if (colon >= 0) {
    const suffix = text.slice(colon + 1).trim();
    if (!MIC_SHAPE.test(suffix)) refuse(argument, `'${suffix}' after ':' is not a market identification code (4 letters or digits, such as XAMS)`);
    mic = suffix.toUpperCase();
    head = text.slice(0, colon).trim();
    if (head === "") refuse(argument, "nothing comes before ':'");
  }
  const upper = head.toUpperCase();
  if (upper.length === 12 && ISIN_SHAPE.test(upper)) {
    if (!isValidIsin(upper)) refuse(argument, `${upper} has the shape of an ISIN but its check digit is wrong`);
    return mic ? { kind: "isin", isin: upper, mic } : { kind: "isin", isin: upper };
  }
  if (!SYMBOL_SHAPE.test(head)) refuse(argument, "a symbol is 1 to 20 letters, digits, spaces or . & / -");
  if (mic) return { kind: "symbol", symbol: upper, mic };
  if (ID_SHAPE.test(head)) return /[a-z]/.test(head) ? { kind: "id", id: head, orSymbol: upper } : { kind: "symbol", symbol: upper, orId: head };
  return { kind: "symbol", symbol: upper };
}

/** One spelling per reference: the cache and coalescing key. */
export function referenceKey(reference: InstrumentReference): string {
  switch (reference.kind) {
    case "id":
      return `id:${reference.id}`;
    case "isin":
      return `isin:${reference.isin}${reference.mic ? `:${reference.mic}` : ""}`;
    case "symbol":
      return `symbol:${reference.symbol}${reference.mic ? `:${reference.mic}` : ""}`;
  }
}

function refuse(argument: string, reason: string): never {
  const shown = argument.length > 40 ? `${argument.slice(0, 40)}…` : argument;
  throw new BinckError("invalidInput", `Instrument '${shown}': ${reason}; ${INSTRUMENT_ARGUMENT_RULE}.`, `Instrument argument '${shown}' refused: ${reason}.`);
}
