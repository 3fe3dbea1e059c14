import type { Realm } from "../../../src/core/wire/auth";
import type { AccountModel, TradingType } from "../../../src/core/wire/models";

/** Languages the sandbox speaks on its pages and in `endUserMessage`. */
export type Language = "nl" | "fr" | "it" | "en";

export interface SeedPosition {
  isin: string;
  mic: string;
  quantity: number;
  averagePrice: number;
}

export interface SeedAccount {
  number: string;
  iban: string;
  name: string;
  type: AccountModel["type"];
  realm: Realm;
  currency: "EUR";
  tradingAllowed: TradingType[];
  cash: number;
  positions: SeedPosition[];
  newsSubscription: "binckNl" | "binckNlPro" | "binckIt" | "binckFrBe" | "binckNlBe" | "binckFr";
}

export interface Person {
  id: string;
  username: string;
  password: string;
  smsCode: string;
  displayName: string;
  language: Language;
  accounts: SeedAccount[];
}

const fullTrading: TradingType[] = ["equities", "optionsNl", "optionsBe", "optionsFr", "optionsUsa", "optionsDe",
  "optionsIt", "futuresNl", "futuresBe", "futuresFr", "futuresUsa", "futuresDe", "futuresIt"];

/** Test persons. README lists them; tests and demos sign in with these. */
export const PEOPLE: readonly Person[] = [
  {
    id: "p-jansen", username: "jansen", password: "Binck-2021!", smsCode: "123456",
    displayName: "Anna Jansen", language: "nl",
    accounts: [
      {
        number: "190126781", iban: "NL91BICK0190126781", name: "A. Jansen — Beleggen", type: "binckComplete",
        realm: "bincknlapi", currency: "EUR", tradingAllowed: fullTrading, cash: 25_000, newsSubscription: "binckNl",
        positions: [
          { isin: "NL0010273215", mic: "XAMS", quantity: 40, averagePrice: 512.3 },
          { isin: "NL0011821202", mic: "XAMS", quantity: 500, averagePrice: 11.42 },
          { isin: "FR0000120644", mic: "XPAR", quantity: 60, averagePrice: 57.8 },
          { isin: "US0378331005", mic: "XNAS", quantity: 25, averagePrice: 142.1 },
        ],
      },
      {
        number: "190126799", iban: "NL64BICK0190126799", name: "A. Jansen — Sparen", type: "savings",
        realm: "bincknlapi", currency: "EUR", tradingAllowed: [], cash: 12_500, newsSubscription: "binckNl", positions: [],
      },
    ],
  },
  {
    id: "p-peeters", username: "peeters", password: "Binck-2021!", smsCode: "654321",
    displayName: "Luc Peeters", language: "fr",
    accounts: [
      {
        number: "270055410", iban: "BE71096123456769", name: "L. Peeters — Trading BE", type: "binckComplete",
        realm: "binckbeapi", currency: "EUR", tradingAllowed: [...fullTrading, "srd"], cash: 40_000, newsSubscription: "binckFrBe",
        positions: [
          { isin: "BE0974293251", mic: "XBRU", quantity: 120, averagePrice: 55.2 },
          { isin: "DE0007164600", mic: "XETR", quantity: 30, averagePrice: 118.4 },
        ],
      },
      {
        number: "190277315", iban: "NL02BICK0190277315", name: "L. Peeters — Beleggen NL", type: "binckComplete",
        realm: "bincknlapi", currency: "EUR", tradingAllowed: fullTrading, cash: 8_000, newsSubscription: "binckNl",
        positions: [{ isin: "NL0000009538", mic: "XAMS", quantity: 200, averagePrice: 24.9 }],
      },
    ],
  },
  {
    id: "p-rossi", username: "rossi", password: "Binck-2021!", smsCode: "111222",
    displayName: "Giulia Rossi", language: "it",
    accounts: [
      {
        number: "380091127", iban: "IT60X0542811101000000123456", name: "G. Rossi — Trading", type: "binckComplete",
        realm: "binckitapi", currency: "EUR", tradingAllowed: fullTrading, cash: 15_000, newsSubscription: "binckIt",
        positions: [{ isin: "IT0003132476", mic: "XMIL", quantity: 800, averagePrice: 12.05 }],
      },
    ],
  },
  {
    id: "p-martin", username: "martin", password: "Binck-2021!", smsCode: "333444",
    displayName: "Claire Martin", language: "fr",
    accounts: [
      {
        number: "450033218", iban: "FR7630006000011234567890189", name: "C. Martin — PEA", type: "planEpargneAction",
        realm: "binckfrapi", currency: "EUR", tradingAllowed: ["equities", "srd"], cash: 9_000, newsSubscription: "binckFr",
        positions: [{ isin: "FR0000120644", mic: "XPAR", quantity: 35, averagePrice: 61.4 }],
      },
    ],
  },
  {
    id: "p-smith", username: "smith", password: "Binck-2021!", smsCode: "999000",
    displayName: "John Smith", language: "en",
    accounts: [
      {
        number: "190300007", iban: "NL17BICK0190300007", name: "J. Smith — Investing", type: "binckComplete",
        realm: "bincknlapi", currency: "EUR", tradingAllowed: fullTrading, cash: 100_000, newsSubscription: "binckNlPro",
        positions: [],
      },
    ],
  },
];

export function findPersonByUsername(username: string): Person | undefined {
  const wanted = username.trim().toLowerCase();
  return PEOPLE.find((person) => person.username === wanted);
}

export function findPersonById(id: string): Person | undefined {
  return PEOPLE.find((person) => person.id === id);
}

/** The accounts a session of this person in this realm may see: never another realm's or person's. */
export function accountsInRealm(person: Person, realm: Realm): SeedAccount[] {
  return person.accounts.filter((account) => account.realm === realm);
}

export function allAccounts(): SeedAccount[] {
  return PEOPLE.flatMap((person) => person.accounts);
}
