import type { FieldProblem, FieldProblemCode } from "../../core";
import type { Language } from "./language";
import { TICKET_TEXTS } from "./ticket-texts";

/**
 * The wording of the order desk's field problems (FieldProblem.code with its params) in the person's language,
 * shown next to the field they concern. Params read (as src/core/orders gives them): value (what was entered), max,
 * allowed, tickSize, from, below, above, type, duration, today, accounts, name. A param the desk did not give leaves its part of the sentence out.
 */
type Params = FieldProblem["params"];
type Wording = (value: (key: string) => string | undefined) => string;

/** " (given: x)"-style parts only when the param is there. */
const part = (text: string | undefined, wrap: (text: string) => string) => (text === undefined || text === "" ? "" : wrap(text));

const en: Record<FieldProblemCode, Wording> = {
  required: () => "This field is required.",
  notANumber: (v) => `${part(v("value"), (x) => `'${x}' `) || "This "}is not a number.`,
  notWhole: (v) => `${part(v("value"), (x) => `${x}: `)}give a whole number.`,
  notPositive: (v) => `${part(v("value"), (x) => `${x}: `)}must be more than 0.`,
  tooLarge: (v) => `${part(v("value"), (x) => `${x} `)}is too large${part(v("max"), (x) => `: at most ${x}`)}.`,
  unknownValue: (v) => `${part(v("value"), (x) => `'${x}' `)}is not a valid choice${part(v("allowed"), (x) => `: choose ${x}`)}.`,
  notOnTick: (v) => `${part(v("value"), (x) => `${x} `)}is not on the tick size${part(v("tickSize"), (x) => ` ${x}`)}${part(fromPart(v), (x) => ` ${FROM.en} ${x}`)}${part(both(v), (x) => `: use ${x}`)}.`,
  notAllowedForType: (v) => `Leave this empty for ${part(v("type"), (x) => `a ${typeName("en", x)} order`) || "this order type"}.`,
  dateInPast: (v) => `${part(v("value"), (x) => `${x} `) || "This date "}is in the past: give today${part(v("today"), (x) => ` (${x})`)} or a later date.`,
  dateNotADate: (v) => `${part(v("value"), (x) => `'${x}' `)}is not a date: use yyyy-mm-dd.`,
  dateNotAllowed: (v) => `A date is only used when the order is valid until a date${part(v("duration"), (x) => `, not ${durationName("en", x)}`)}: leave it empty.`,
  instrumentUnknown: (v) => `No instrument matches${part(v("value"), (x) => ` '${x}'`)}.`,
  instrumentAmbiguous: (v) => `${part(v("value"), (x) => `'${x}' `)}matches several instruments${part(v("candidates"), (x) => `: ${x}`)}; choose one.`,
  instrumentNotTradable: (v) => `${part(v("name") ?? v("value"), (x) => `${x} `)}cannot be traded.`,
  accountUnknown: (v) => `${part(v("value"), (x) => `${x} `) || "This "}is not one of your accounts${part(v("accounts"), (x) => ` (${x})`)}.`,
  accountCannotTrade: (v) => `${part(v("value"), (x) => `Account ${x} `) || "This account "}cannot trade.`,
};

const nl: Record<FieldProblemCode, Wording> = {
  required: () => "Dit veld is verplicht.",
  notANumber: (v) => `${part(v("value"), (x) => `'${x}' is `) || "Dit is "}geen getal.`,
  notWhole: (v) => `${part(v("value"), (x) => `${x}: `)}geef een heel getal.`,
  notPositive: (v) => `${part(v("value"), (x) => `${x}: `)}moet groter zijn dan 0.`,
  tooLarge: (v) => `${part(v("value"), (x) => `${x} is `)}te groot${part(v("max"), (x) => `: hoogstens ${x}`)}.`,
  unknownValue: (v) => `${part(v("value"), (x) => `'${x}' is `)}geen geldige keuze${part(v("allowed"), (x) => `: kies ${x}`)}.`,
  notOnTick: (v) => `${part(v("value"), (x) => `${x} `)}past niet bij de stapgrootte${part(v("tickSize"), (x) => ` ${x}`)}${part(fromPart(v), (x) => ` ${FROM.nl} ${x}`)}${part(both(v), (x) => `: gebruik ${x}`)}.`,
  notAllowedForType: (v) => `Laat dit leeg bij ${part(v("type"), (x) => `een order van type ${typeName("nl", x)}`) || "dit ordertype"}.`,
  dateInPast: (v) => `${part(v("value"), (x) => `${x} `) || "Deze datum "}ligt in het verleden: geef vandaag${part(v("today"), (x) => ` (${x})`)} of later.`,
  dateNotADate: (v) => `${part(v("value"), (x) => `'${x}' is `)}geen datum: gebruik jjjj-mm-dd.`,
  dateNotAllowed: (v) => `Een datum hoort alleen bij een order die tot een datum geldig is${part(v("duration"), (x) => `, niet bij ${durationName("nl", x)}`)}: laat hem leeg.`,
  instrumentUnknown: (v) => `Geen fonds gevonden${part(v("value"), (x) => ` voor '${x}'`)}.`,
  instrumentAmbiguous: (v) => `${part(v("value"), (x) => `'${x}' `)}past bij meerdere fondsen${part(v("candidates"), (x) => `: ${x}`)}; kies er een.`,
  instrumentNotTradable: (v) => `${part(v("name") ?? v("value"), (x) => `${x} `) || "Dit fonds "}is niet verhandelbaar.`,
  accountUnknown: (v) => `${part(v("value"), (x) => `${x} is `) || "Dit is "}geen rekening van u${part(v("accounts"), (x) => ` (${x})`)}.`,
  accountCannotTrade: (v) => `Met ${part(v("value"), (x) => `rekening ${x}`) || "deze rekening"} kunt u niet handelen.`,
};

const fr: Record<FieldProblemCode, Wording> = {
  required: () => "Ce champ est obligatoire.",
  notANumber: (v) => `${part(v("value"), (x) => `« ${x} » `) || "Ce "}n'est pas un nombre.`,
  notWhole: (v) => `${part(v("value"), (x) => `${x} : `)}indiquez un nombre entier.`,
  notPositive: (v) => `${part(v("value"), (x) => `${x} : `)}doit être supérieur à 0.`,
  tooLarge: (v) => `${part(v("value"), (x) => `${x} : `)}valeur trop élevée${part(v("max"), (x) => ` : au maximum ${x}`)}.`,
  unknownValue: (v) => `${part(v("value"), (x) => `« ${x} » `) || "Ce "}n'est pas un choix valable${part(v("allowed"), (x) => ` : choisissez ${x}`)}.`,
  notOnTick: (v) => `${part(v("value"), (x) => `${x} `) || "Le cours "}ne respecte pas le pas de cotation${part(v("tickSize"), (x) => ` ${x}`)}${part(fromPart(v), (x) => ` ${FROM.fr} ${x}`)}${part(both(v), (x) => ` : utilisez ${x}`)}.`,
  notAllowedForType: (v) => `Laissez ce champ vide pour un ordre${part(v("type"), (x) => ` de type ${typeName("fr", x)}`)}.`,
  dateInPast: (v) => `${part(v("value"), (x) => `${x} `) || "La date "}est dans le passé : indiquez aujourd'hui${part(v("today"), (x) => ` (${x})`)} ou plus tard.`,
  dateNotADate: (v) => `${part(v("value"), (x) => `« ${x} » `) || "Ce "}n'est pas une date : utilisez aaaa-mm-jj.`,
  dateNotAllowed: (v) => `Une date ne sert qu'à un ordre valable jusqu'à une date${part(v("duration"), (x) => `, pas ${durationName("fr", x)}`)} : laissez-la vide.`,
  instrumentUnknown: (v) => `Aucun instrument ne correspond${part(v("value"), (x) => ` à « ${x} »`)}.`,
  instrumentAmbiguous: (v) => `${part(v("value"), (x) => `« ${x} » `) || "Ceci "}correspond à plusieurs instruments${part(v("candidates"), (x) => ` : ${x}`)} ; choisissez-en un.`,
  instrumentNotTradable: (v) => `${part(v("name") ?? v("value"), (x) => `${x} `) || "Cet instrument "}n'est pas négociable.`,
  accountUnknown: (v) => `${part(v("value"), (x) => `${x} `) || "Ce compte "}n'est pas un de vos comptes${part(v("accounts"), (x) => ` (${x})`)}.`,
  accountCannotTrade: (v) => `${part(v("value"), (x) => `Le compte ${x} `) || "Ce compte "}ne permet pas de passer des ordres.`,
};

const it: Record<FieldProblemCode, Wording> = {
  required: () => "Questo campo è obbligatorio.",
  notANumber: (v) => `${part(v("value"), (x) => `'${x}' `) || "Questo "}non è un numero.`,
  notWhole: (v) => `${part(v("value"), (x) => `${x}: `)}indica un numero intero.`,
  notPositive: (v) => `${part(v("value"), (x) => `${x}: `)}deve essere maggiore di 0.`,
  tooLarge: (v) => `${part(v("value"), (x) => `${x} `) || "Il valore "}è troppo grande${part(v("max"), (x) => `: al massimo ${x}`)}.`,
  unknownValue: (v) => `${part(v("value"), (x) => `'${x}' `) || "Questa "}non è una scelta valida${part(v("allowed"), (x) => `: scegli ${x}`)}.`,
  notOnTick: (v) => `${part(v("value"), (x) => `${x} `) || "Il prezzo "}non rispetta il tick${part(v("tickSize"), (x) => ` ${x}`)}${part(fromPart(v), (x) => ` ${FROM.it} ${x}`)}${part(both(v), (x) => `: usa ${x}`)}.`,
  notAllowedForType: (v) => `Lascia vuoto per un ordine${part(v("type"), (x) => ` di tipo ${typeName("it", x)}`)}.`,
  dateInPast: (v) => `${part(v("value"), (x) => `${x} `) || "La data "}è nel passato: indica oggi${part(v("today"), (x) => ` (${x})`)} o una data successiva.`,
  dateNotADate: (v) => `${part(v("value"), (x) => `'${x}' `) || "Questa "}non è una data: usa aaaa-mm-gg.`,
  dateNotAllowed: (v) => `Una data serve solo a un ordine valido fino a una data${part(v("duration"), (x) => `, non ${durationName("it", x)}`)}: lasciala vuota.`,
  instrumentUnknown: (v) => `Nessuno strumento corrisponde${part(v("value"), (x) => ` a '${x}'`)}.`,
  instrumentAmbiguous: (v) => `${part(v("value"), (x) => `'${x}' `) || "Questo "}corrisponde a più strumenti${part(v("candidates"), (x) => `: ${x}`)}; scegline uno.`,
  instrumentNotTradable: (v) => `${part(v("name") ?? v("value"), (x) => `${x} `) || "Questo strumento "}non è negoziabile.`,
  accountUnknown: (v) => `${part(v("value"), (x) => `${x} `) || "Questo conto "}non è uno dei tuoi conti${part(v("accounts"), (x) => ` (${x})`)}.`,
  accountCannotTrade: (v) => `${part(v("value"), (x) => `Il conto ${x} `) || "Questo conto "}non può operare.`,
};

/** "12.34 or 12.35" from the nearest valid prices, in the language's "or". */
function both(v: (key: string) => string | undefined): string | undefined {
  const lower = v("below");
  const higher = v("above");
  if (lower === undefined || higher === undefined) return lower ?? higher;
  return `${lower} | ${higher}`;
}

/** An order type or duration in the person's words ("Stop limit", "Today"); the wire word when unknown. */
function typeName(language: Language, type: string): string {
  const names: Record<string, string> = TICKET_TEXTS[language].types;
  return (names[type] ?? type).toLowerCase();
}

function durationName(language: Language, duration: string): string {
  const names: Record<string, string> = TICKET_TEXTS[language].durations;
  const name = names[duration] ?? duration;
  return language === "fr" ? `« ${name} »` : `'${name}'`;
}

/** "from 10" only where a band starts above 0. */
function fromPart(v: (key: string) => string | undefined): string | undefined {
  const from = v("from");
  return from === undefined || Number(from) === 0 ? undefined : from;
}

const FROM: Record<Language, string> = { en: "for prices from", nl: "voor koersen vanaf", fr: "pour les cours à partir de", it: "per prezzi da" };
const OR: Record<Language, string> = { en: "or", nl: "of", fr: "ou", it: "o" };
const WORDINGS: Record<Language, Record<FieldProblemCode, Wording>> = { en, nl, fr, it };

/** The problem in the person's language; the desk's English message when the code is one this surface does not know. */
export function problemText(problem: Pick<FieldProblem, "code" | "params" | "message">, language: Language): string {
  const wording = WORDINGS[language][problem.code];
  if (!wording) return problem.message;
  return wording((key) => paramText(problem.params, key)).replace(" | ", ` ${OR[language]} `);
}

function paramText(params: Params, key: string): string | undefined {
  const value = params[key];
  return value === undefined ? undefined : String(value);
}
