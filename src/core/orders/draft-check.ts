import type { Resolution } from "../instruments/instrument-resolver";
import type { AccountModel, InstrumentModel } from "../wire/models";
import type { CheckedOrder, DraftCheck, FieldProblem, OrderFields } from "./contract";
import { isoDateOf } from "./expiration-date";
import { checkPlainFields, FIELD_LABELS, fieldProblem, required, shown, text } from "./field-rules";
import { checkTick } from "./tick-sizes";

/** What checking a draft needs from Binck (cached by the desk) and the runtime. */
export interface DraftCheckDeps {
  nowMs(): number;
  /** The person's accounts (GET /accounts). */
  accounts(): Promise<readonly AccountModel[]>;
  /** The instrument argument resolved (InstrumentResolver.explain). */
  resolve(argument: string, accountNumber: string): Promise<Resolution>;
  /** The instrument with its tick sizes (GET /instruments/{id}?includeTickSizes=true). */
  withTickSizes(accountNumber: string, instrument: InstrumentModel): Promise<InstrumentModel>;
  /** The account used when the draft names none (the taskpane's choice). */
  defaultAccount?(): string | undefined;
  newReferenceId(): string;
}

/**
 * OrderFields → a CheckedOrder, or every problem of every field at once. Fields that need no look-up are checked
 * first; the account and the instrument are looked up together; prices are checked on the instrument's tick sizes.
 */
export async function checkDraft(fields: OrderFields, deps: DraftCheckDeps): Promise<DraftCheck> {
  const { plain, problems } = checkPlainFields(fields, isoDateOf(deps.nowMs()));
  const accountText = text(fields.accountNumber) ?? deps.defaultAccount?.();
  const instrumentText = text(fields.instrument);
  if (accountText === undefined) problems.push(required("accountNumber"));
  if (instrumentText === undefined) problems.push(required("instrument"));

  const accounts = await deps.accounts();
  const account = accountText === undefined ? undefined : accountProblem(accountText, accounts, problems);
  // The search needs an account of the person; with a wrong one the instrument is still checked with the first.
  const searchAccount = accounts.find((candidate) => candidate.number === accountText)?.number ?? accounts[0]?.number;
  let instrument: InstrumentModel | undefined;
  if (instrumentText !== undefined && searchAccount !== undefined) {
    const resolution = await deps.resolve(instrumentText, searchAccount);
    if (resolution.kind === "found") {
      const found = resolution.instrument;
      if (!found.isTradable) {
        problems.push(fieldProblem("instrument", "instrumentNotTradable", { value: shown(instrumentText), name: found.name },
          `Instrument '${shown(instrumentText)}' (${found.name}, ${found.type}) cannot be traded.`));
      } else {
        instrument = await deps.withTickSizes(searchAccount, found);
      }
    } else {
      problems.push(fieldProblem("instrument", resolution.kind === "ambiguous" ? "instrumentAmbiguous" : "instrumentUnknown",
        { value: shown(instrumentText) }, resolution.endUserMessage));
    }
  }
  if (instrument) {
    for (const field of ["limitPrice", "stopPrice"] as const) {
      const price = plain[field];
      if (price === undefined) continue;
      const tick = checkTick(instrument, price);
      if (tick.onTick) continue;
      delete plain[field];
      const from = tick.from > 0 ? ` for prices from ${tick.from}` : "";
      problems.push(fieldProblem(field, "notOnTick", { value: price, tickSize: tick.size, from: tick.from, below: tick.below, above: tick.above },
        `${FIELD_LABELS[field]} ${price} is not on the tick size ${tick.size}${from}: use ${tick.below} or ${tick.above}.`));
    }
  }
  if (problems.length > 0 || !account || !instrument) return { ok: false, problems };
  const { side, quantity, type, duration } = plain;
  const order: CheckedOrder = {
    referenceId: deps.newReferenceId(), accountNumber: account.number, instrument, side: side!, quantity: quantity!, type: type!, duration: duration!,
    ...(plain.limitPrice !== undefined ? { limitPrice: plain.limitPrice } : {}),
    ...(plain.stopPrice !== undefined ? { stopPrice: plain.stopPrice } : {}),
    ...(plain.expirationDate !== undefined ? { expirationDate: plain.expirationDate } : {}),
  };
  return { ok: true, order };
}

function accountProblem(accountText: string, accounts: readonly AccountModel[], problems: FieldProblem[]): AccountModel | undefined {
  const account = accounts.find((candidate) => candidate.number === accountText);
  if (!account) {
    const yours = accounts.map((candidate) => candidate.number).join(", ") || "none";
    problems.push(fieldProblem("accountNumber", "accountUnknown", { value: shown(accountText), accounts: yours },
      `Account '${shown(accountText)}' is not one of your accounts (${yours}).`));
    return undefined;
  }
  if (account.isReadOnly) {
    problems.push(fieldProblem("accountNumber", "accountCannotTrade", { value: account.number, name: account.name },
      `Account ${account.number} (${account.name}) cannot trade in this session.`));
    return undefined;
  }
  return account;
}
