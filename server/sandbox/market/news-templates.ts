/**
 * Headline and body templates of the seeded news, per language. `{name}` is a company, `{pct}` a percentage,
 * `{year}` the current year. A headline starting with `*` is headline-only: it has no body (API.md 5.5).
 */
export interface NewsTemplate {
  readonly headline: string;
  readonly body?: string;
  /** `html` bodies carry markup; plain ones do not. */
  readonly format: "plain" | "html";
  /** Whether the item is about one company (then it carries that instrument's id). */
  readonly aboutCompany: boolean;
}

import type { NewsSubscription } from "../../../src/core/wire/instruments";

export type NewsLanguage = "nl" | "fr" | "it";

export const NEWS_TEMPLATES: Readonly<Record<NewsLanguage, readonly NewsTemplate[]>> = {
  nl: [
    { headline: "{name} verhoogt winstverwachting voor {year}", body: "<p>{name} heeft de verwachting voor het lopende boekjaar verhoogd. Het bedrijf rekent nu op een omzetgroei van {pct} procent.</p>", format: "html", aboutCompany: true },
    { headline: "*{name}: resultaten in lijn met verwachting", format: "plain", aboutCompany: true },
    { headline: "Analist verhoogt koersdoel {name}", body: "Een analist heeft het koersdoel voor {name} met {pct} procent verhoogd en het advies op kopen gezet.", format: "plain", aboutCompany: true },
    { headline: "{name} kondigt aandeleninkoop aan", body: "<p>{name} gaat de komende twaalf maanden eigen aandelen inkopen, goed voor circa {pct} procent van het uitstaande kapitaal.</p>", format: "html", aboutCompany: true },
    { headline: "Beurs Amsterdam opent hoger, AEX wint {pct} procent", body: "De Amsterdamse beurs is met winst begonnen aan de handelsdag. Beleggers reageren op economische cijfers uit de Verenigde Staten.", format: "plain", aboutCompany: false },
    { headline: "*Rente Europese staatsobligaties licht lager", format: "plain", aboutCompany: false },
  ],
  fr: [
    { headline: "{name} relève ses objectifs pour {year}", body: "<p>{name} a relevé ses prévisions annuelles et vise désormais une croissance du chiffre d'affaires de {pct} %.</p>", format: "html", aboutCompany: true },
    { headline: "*{name} : résultats conformes aux attentes", format: "plain", aboutCompany: true },
    { headline: "Un analyste relève son objectif de cours sur {name}", body: "Un analyste a relevé de {pct} % son objectif de cours sur {name} et recommande désormais l'achat.", format: "plain", aboutCompany: true },
    { headline: "{name} annonce un programme de rachat d'actions", body: "<p>{name} rachètera environ {pct} % de son capital au cours des douze prochains mois.</p>", format: "html", aboutCompany: true },
    { headline: "La Bourse ouvre en hausse de {pct} %", body: "Les marchés européens ont ouvert en hausse, portés par des indicateurs économiques américains meilleurs que prévu.", format: "plain", aboutCompany: false },
    { headline: "*Les taux des obligations d'État européennes reculent légèrement", format: "plain", aboutCompany: false },
  ],
  it: [
    { headline: "{name} alza le stime per il {year}", body: "<p>{name} ha rivisto al rialzo le previsioni per l'esercizio e ora punta a una crescita dei ricavi del {pct}%.</p>", format: "html", aboutCompany: true },
    { headline: "*{name}: risultati in linea con le attese", format: "plain", aboutCompany: true },
    { headline: "Un analista alza il prezzo obiettivo su {name}", body: "Un analista ha alzato del {pct}% il prezzo obiettivo su {name}, con raccomandazione di acquisto.", format: "plain", aboutCompany: true },
    { headline: "{name} annuncia un piano di riacquisto di azioni proprie", body: "<p>{name} riacquisterà circa il {pct}% del capitale nei prossimi dodici mesi.</p>", format: "html", aboutCompany: true },
    { headline: "Piazza Affari apre in rialzo, FTSE MIB +{pct}%", body: "La Borsa di Milano apre in rialzo sulla scia dei dati macroeconomici statunitensi.", format: "plain", aboutCompany: false },
    { headline: "*Spread BTP-Bund in lieve calo", format: "plain", aboutCompany: false },
  ],
};


/** One news feed per culture; subscriptions of the same culture read the same feed. */
export interface NewsFeed {
  readonly culture: string;
  readonly language: NewsLanguage;
  readonly subscriptions: readonly NewsSubscription[];
  /** Markets whose companies the feed writes about. */
  readonly mics: readonly string[];
}

export const NEWS_FEEDS: readonly NewsFeed[] = [
  { culture: "nl-NL", language: "nl", subscriptions: ["binckNl", "binckNlPro"], mics: ["XAMS"] },
  { culture: "nl-BE", language: "nl", subscriptions: ["binckNlBe"], mics: ["XBRU", "XAMS"] },
  { culture: "fr-BE", language: "fr", subscriptions: ["binckFrBe"], mics: ["XBRU", "XPAR"] },
  { culture: "fr-FR", language: "fr", subscriptions: ["binckFr"], mics: ["XPAR"] },
  { culture: "it-IT", language: "it", subscriptions: ["binckIt"], mics: ["XMIL"] },
];
