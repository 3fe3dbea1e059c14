import type { FieldProblemCode } from "../../../src/core";
import { languageOf } from "../../../src/taskpane/i18n/language";
import { problemText } from "../../../src/taskpane/i18n/problem-texts";
import { statusText } from "../../../src/taskpane/i18n/status-texts";
import { TICKET_TEXTS } from "../../../src/taskpane/i18n/ticket-texts";

const CODES: FieldProblemCode[] = ["required", "notANumber", "notWhole", "notPositive", "tooLarge", "unknownValue", "notOnTick", "notAllowedForType",
  "dateInPast", "dateNotADate", "dateNotAllowed", "instrumentUnknown", "instrumentAmbiguous", "instrumentNotTradable", "accountUnknown", "accountCannotTrade"];
const say = (code: FieldProblemCode, params: Record<string, string | number>, language: "nl" | "fr" | "it" | "en") =>
  problemText({ code, params, message: "english fallback" }, language);

describe("the ticket's language", () => {
  it("follows the sign-in's locale, Dutch by default", () => {
    expect(["nl", "nlBE", "frBE", "fr", "it", "en", undefined, "de"].map(languageOf)).toEqual(["nl", "nl", "fr", "fr", "it", "en", "nl", "nl"]);
  });

  it("words every field problem in each language with the value and the rule", () => {
    expect(say("notOnTick", { value: "12.343", tickSize: 0.01, below: 12.34, above: 12.35 }, "en")).toBe("12.343 is not on the tick size 0.01: use 12.34 or 12.35.");
    expect(say("notOnTick", { value: "12.343", tickSize: 0.01, below: 12.34, above: 12.35 }, "nl")).toBe("12.343 past niet bij de stapgrootte 0.01: gebruik 12.34 of 12.35.");
    expect(say("notOnTick", { value: "12.343", tickSize: 0.01, below: 12.34, above: 12.35 }, "fr")).toBe("12.343 ne respecte pas le pas de cotation 0.01 : utilisez 12.34 ou 12.35.");
    expect(say("notOnTick", { value: "12.343", tickSize: 0.01, below: 12.34, above: 12.35 }, "it")).toBe("12.343 non rispetta il tick 0.01: usa 12.34 o 12.35.");
    expect(say("notOnTick", { value: 12.343, tickSize: 0.05, from: 10, below: 12.3, above: 12.35 }, "en")).toBe("12.343 is not on the tick size 0.05 for prices from 10: use 12.3 or 12.35.");
    expect(say("dateNotAllowed", { duration: "goodTillCancelled" }, "en")).toBe("A date is only used when the order is valid until a date, not 'Until cancelled': leave it empty.");
    expect(say("dateNotAllowed", { duration: "day" }, "fr")).toBe("Une date ne sert qu'à un ordre valable jusqu'à une date, pas « Jour » : laissez-la vide.");
    expect(say("accountUnknown", { value: "123", accounts: "190126781, 190126799" }, "nl")).toBe("123 is geen rekening van u (190126781, 190126799).");
    expect(say("notAllowedForType", { type: "stopLimit" }, "it")).toBe("Lascia vuoto per un ordine di tipo stop limite.");
    expect(say("notANumber", { value: "abc" }, "en")).toBe("'abc' is not a number.");
    expect(say("notANumber", {}, "en")).toBe("This is not a number.");
    expect(say("notANumber", { value: "abc" }, "nl")).toBe("'abc' is geen getal.");
    expect(say("tooLarge", { value: 2000000, max: 1000000 }, "it")).toBe("2000000 è troppo grande: al massimo 1000000.");
    expect(say("unknownValue", { value: "short", allowed: "buy, sell" }, "fr")).toBe("« short » n'est pas un choix valable : choisissez buy, sell.");
    expect(say("instrumentAmbiguous", { value: "ING", candidates: "INGA (XAMS), INGA (XBRU)" }, "nl")).toBe("'ING' past bij meerdere fondsen: INGA (XAMS), INGA (XBRU); kies er een.");
    expect(say("dateInPast", { value: "2020-01-02" }, "en")).toBe("2020-01-02 is in the past: give today or a later date.");
    expect(say("accountCannotTrade", { value: "190126799" }, "nl")).toBe("Met rekening 190126799 kunt u niet handelen.");
    expect(say("accountCannotTrade", {}, "nl")).toBe("Met deze rekening kunt u niet handelen.");
    expect(say("notAllowedForType", { type: "market" }, "en")).toBe("Leave this empty for a market order.");
  });

  it("has a non-empty wording for every code in every language, and falls back to the desk's message for a new code", () => {
    for (const language of ["nl", "fr", "it", "en"] as const) {
      for (const code of CODES) {
        const bare = say(code, {}, language);
        const full = say(code, { value: "V1", max: "M1", allowed: "A1", tickSize: "T1", below: "L1", above: "H1", type: "limit", duration: "day", name: "N1" }, language);
        expect(bare).toMatch(/^\S.*[.!?]$/);
        expect(bare).not.toContain("undefined");
        if (code !== "required") expect(full).toMatch(/V1|N1|limi|Today|Vandaag|Jour|Oggi/i);
      }
    }
    expect(problemText({ code: "brandNew" as FieldProblemCode, params: {}, message: "english fallback" }, "fr")).toBe("english fallback");
  });

  it("has every UI text in every language", () => {
    const keys = (value: object): string[] => Object.entries(value).flatMap(([key, inner]) => (typeof inner === "object" ? keys(inner).map((sub) => `${key}.${sub}`) : [key])).sort();
    for (const language of ["nl", "fr", "it"] as const) expect(keys(TICKET_TEXTS[language])).toEqual(keys(TICKET_TEXTS.en));
    expect(TICKET_TEXTS.it.placed(4711)).toBe("Ordine 4711 inserito.");
    expect(TICKET_TEXTS.nl.cancelQuestion(12)).toBe("Order 12 annuleren?");
  });
});

describe("order statuses", () => {
  it("are worded per language, and a new status is shown as Binck sent it", () => {
    expect(["nl", "fr", "it", "en"].map((language) => statusText("partiallyExecuted", language as "nl"))).toEqual(["deels uitgevoerd", "exécuté en partie", "eseguito in parte", "partly executed"]);
    expect(statusText("parked", "nl")).toBe("parked");
  });
});
