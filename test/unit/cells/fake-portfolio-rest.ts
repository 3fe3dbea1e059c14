import { BinckError } from "../../../src/core/errors";
import type { PortfolioRest } from "../../../src/core/portfolio/portfolio";
import type { HistoricalQuote, Balances } from "../../../src/core/rest/client";
import type { SearchQuery } from "../../../src/core/rest/queries";
import type { AccountModel, InstrumentModel, OrderModel, PositionModel, TransactionModel } from "../../../src/core/wire/models";

/** Binck's data for the portfolio cells, set by the test; every call is recorded, and `down` answers 503. */
export class FakePortfolioRest implements PortfolioRest {
  readonly calls: string[] = [];
  accounts: AccountModel[] = [{ number: "190126781", name: "Jan Jansen", type: "binckComplete", isReadOnly: false, iban: "NL01BINK0190126781" }];
  positions = new Map<string, PositionModel[]>();
  balances = new Map<string, Balances>();
  orders = new Map<string, OrderModel[]>();
  transactions = new Map<string, TransactionModel[]>();
  history: HistoricalQuote[] = [];
  instruments: InstrumentModel[] = [];
  /** Binck's maintenance message while set. */
  down: string | undefined;

  async getAccounts() {
    this.note("accounts");
    return this.accounts;
  }
  async getBalances(account: string) {
    this.note(`balances ${account}`);
    return this.balances.get(account) ?? {};
  }
  async getPositions(account: string) {
    this.note(`positions ${account}`);
    return this.positions.get(account) ?? [];
  }
  async getOrders(account: string, query: { status?: string } = {}) {
    this.note(`orders ${account} ${query.status ?? "all"}`);
    return this.orders.get(account) ?? [];
  }
  async getTransactions(account: string, query: { fromDate?: string; toDate?: string } = {}) {
    this.note(`transactions ${account} ${query.fromDate ?? ""}..${query.toDate ?? ""}`);
    return this.transactions.get(account) ?? [];
  }
  async getQuoteHistory(query: { instrumentId: string; interval: string }) {
    this.note(`history ${query.instrumentId} ${query.interval}`);
    return this.history;
  }
  async getQuotes() {
    this.note("quotes");
    return [];
  }
  async getInstruments(_account: string, ids: readonly string[]) {
    this.note(`instruments ${ids.join(",")}`);
    return this.instruments.filter((instrument) => ids.includes(instrument.id));
  }
  async searchInstruments(query: SearchQuery) {
    this.note(`search ${query.searchText} ${query.instrumentType ?? ""} ${query.range ?? ""}`);
    return this.instruments.filter((instrument) => instrument.name.toLowerCase().includes((query.searchText ?? "").toLowerCase()));
  }

  private note(call: string): void {
    this.calls.push(call);
    if (this.down !== undefined) throw new BinckError("maintenance", this.down, `503 on ${call}`);
  }
}
