import type { Localized } from "../i18n";

/** Texts the trading part shows to the customer (warnings, refusals), in every sandbox language. */
export const tradingTexts = {
  limitFarFromMarket: (limit: string, last: string, percent: string): Localized => ({
    en: `Your limit price ${limit} is ${percent}% away from the last price ${last}. Please confirm this price.`,
    nl: `Uw limietkoers ${limit} ligt ${percent}% van de laatste koers ${last}. Bevestig deze koers.`,
    fr: `Votre cours limite ${limit} s'écarte de ${percent} % du dernier cours ${last}. Veuillez confirmer ce cours.`,
    it: `Il prezzo limite ${limit} si discosta del ${percent}% dall'ultimo prezzo ${last}. Conferma questo prezzo.`,
  }),
  strategyLimitFarFromMarket: (limit: string, net: string, percent: string): Localized => ({
    en: `Your net price ${limit} is ${percent}% away from the current net price ${net} of the strategy's legs. Please confirm this price.`,
    nl: `Uw nettokoers ${limit} ligt ${percent}% van de huidige nettokoers ${net} van de legs van de strategie. Bevestig deze koers.`,
    fr: `Votre prix net ${limit} s'écarte de ${percent} % du prix net actuel ${net} des jambes de la stratégie. Veuillez confirmer ce prix.`,
    it: `Il prezzo netto ${limit} si discosta del ${percent}% dal prezzo netto attuale ${net} delle gambe della strategia. Conferma questo prezzo.`,
  }),
  largeOrder: (percent: string): Localized => ({
    en: `This order is ${percent}% of the value of your portfolio. Please confirm that you want to invest this much in one order.`,
    nl: `Deze order is ${percent}% van de waarde van uw portefeuille. Bevestig dat u zoveel in één order wilt beleggen.`,
    fr: `Cet ordre représente ${percent} % de la valeur de votre portefeuille. Veuillez confirmer ce montant.`,
    it: `Questo ordine vale il ${percent}% del tuo portafoglio. Conferma di voler investire questo importo in un solo ordine.`,
  }),
  kidNotRead: (name: string): Localized => ({
    en: `Please confirm that you have read the Key Information Document (KID) of ${name}.`,
    nl: `Bevestig dat u het Essentiële-informatiedocument (KID) van ${name} heeft gelezen.`,
    fr: `Veuillez confirmer que vous avez lu le document d'informations clés (DIC) de ${name}.`,
    it: `Conferma di aver letto il documento contenente le informazioni chiave (KID) di ${name}.`,
  }),
  stopAlreadyReached: (stop: string, last: string): Localized => ({
    en: `The stop price ${stop} has already been reached (last price ${last}): the order will be triggered at once.`,
    nl: `De stopkoers ${stop} is al bereikt (laatste koers ${last}): de order wordt direct geactiveerd.`,
    fr: `Le cours de déclenchement ${stop} est déjà atteint (dernier cours ${last}) : l'ordre sera déclenché immédiatement.`,
    it: `Il prezzo di stop ${stop} è già stato raggiunto (ultimo prezzo ${last}): l'ordine sarà attivato subito.`,
  }),
  expiryCapped: (date: string): Localized => ({
    en: `Orders stay valid for at most two weeks: this order expires on ${date}.`,
    nl: `Orders blijven maximaal twee weken geldig: deze order vervalt op ${date}.`,
    fr: `Les ordres restent valables deux semaines au plus : cet ordre expire le ${date}.`,
    it: `Gli ordini restano validi al massimo due settimane: questo ordine scade il ${date}.`,
  }),
  insufficientSpendingLimit: (needed: string, available: string): Localized => ({
    en: `Your spending limit is insufficient: this order needs EUR ${needed}, your available spending limit is EUR ${available}.`,
    nl: `Uw bestedingsruimte is onvoldoende: deze order vraagt EUR ${needed}, uw beschikbare bestedingsruimte is EUR ${available}.`,
    fr: `Votre limite de dépense est insuffisante : cet ordre nécessite EUR ${needed}, votre limite disponible est EUR ${available}.`,
    it: `Il tuo limite di spesa è insufficiente: questo ordine richiede EUR ${needed}, il limite disponibile è EUR ${available}.`,
  }),
  noPositionToSell: (quantity: string, available: string, name: string): Localized => ({
    en: `You cannot sell ${quantity} ${name}: you hold ${available} that are not already in a sell order.`,
    nl: `U kunt geen ${quantity} ${name} verkopen: u heeft er ${available} die nog niet in een verkooporder zitten.`,
    fr: `Vous ne pouvez pas vendre ${quantity} ${name} : vous en détenez ${available} qui ne sont pas déjà dans un ordre de vente.`,
    it: `Non puoi vendere ${quantity} ${name}: ne possiedi ${available} non già impegnati in un ordine di vendita.`,
  }),
  productNotEnabled: (tradingType: string): Localized => ({
    en: `This account may not trade this product (${tradingType}).`,
    nl: `Met deze rekening mag u dit product niet verhandelen (${tradingType}).`,
    fr: `Ce compte ne permet pas de négocier ce produit (${tradingType}).`,
    it: `Questo conto non può negoziare questo prodotto (${tradingType}).`,
  }),
  orderNotValid: {
    en: "The order could not be validated. Please check the order and preview it again.",
    nl: "De order kon niet worden gevalideerd. Controleer de order en vraag opnieuw een voorbeeld op.",
    fr: "L'ordre n'a pas pu être validé. Vérifiez l'ordre et demandez un nouvel aperçu.",
    it: "Non è stato possibile convalidare l'ordine. Controlla l'ordine e richiedi di nuovo l'anteprima.",
  },
  orderRefused: {
    en: "The order cannot be placed.",
    nl: "De order kan niet worden geplaatst.",
    fr: "L'ordre ne peut pas être passé.",
    it: "L'ordine non può essere inserito.",
  },
  cancellationNotPossible: {
    en: "This order can no longer be canceled.",
    nl: "Deze order kan niet meer worden geannuleerd.",
    fr: "Cet ordre ne peut plus être annulé.",
    it: "Questo ordine non può più essere annullato.",
  },
  modificationOnlyLimit: {
    en: "Only the limit price of a limit or stop-limit order can be changed; this order has no limit price.",
    nl: "Alleen de limietkoers van een limiet- of stoplimietorder kan worden gewijzigd; deze order heeft geen limietkoers.",
    fr: "Seul le cours limite d'un ordre à cours limité ou stop limite peut être modifié ; cet ordre n'a pas de cours limite.",
    it: "Si può modificare solo il prezzo limite di un ordine limite o stop limite; questo ordine non ha un prezzo limite.",
  },
  modificationNotOpen: {
    en: "This order is no longer open, so it cannot be modified.",
    nl: "Deze order staat niet meer open en kan daarom niet worden gewijzigd.",
    fr: "Cet ordre n'est plus ouvert et ne peut donc pas être modifié.",
    it: "Questo ordine non è più aperto e quindi non può essere modificato.",
  },
  modificationRefused: {
    en: "This order cannot be modified.",
    nl: "Deze order kan niet worden gewijzigd.",
    fr: "Cet ordre ne peut pas être modifié.",
    it: "Questo ordine non può essere modificato.",
  },
  orderNotFound: {
    en: "This order was not found.",
    nl: "Deze order is niet gevonden.",
    fr: "Cet ordre est introuvable.",
    it: "Questo ordine non è stato trovato.",
  },
  costNames: {
    serviceCosts: { en: "Service costs", nl: "Dienstverleningskosten", fr: "Frais de service", it: "Costi del servizio" },
    commission: { en: "Commission", nl: "Provisie", fr: "Commission", it: "Commissione" },
    currencyExchange: { en: "Currency exchange costs", nl: "Valutakosten", fr: "Frais de change", it: "Costi di cambio valuta" },
    taxes: { en: "Taxes", nl: "Belastingen", fr: "Taxes", it: "Imposte" },
    stampDuty: { en: "Stamp duty", nl: "Beurstaks", fr: "Taxe sur les opérations de bourse", it: "Imposta di bollo" },
    productCosts: { en: "Product costs", nl: "Productkosten", fr: "Coûts du produit", it: "Costi del prodotto" },
    ongoingCosts: { en: "Ongoing costs", nl: "Lopende kosten", fr: "Frais courants", it: "Costi correnti" },
    noProductCosts: {
      en: "Equities have no product costs.",
      nl: "Aandelen hebben geen productkosten.",
      fr: "Les actions n'ont pas de coûts de produit.",
      it: "Le azioni non hanno costi di prodotto.",
    },
    noProductCostsDerivatives: {
      en: "Listed options and futures have no product costs.",
      nl: "Beursgenoteerde opties en futures hebben geen productkosten.",
      fr: "Les options et futures cotés n'ont pas de coûts de produit.",
      it: "Le opzioni e i future quotati non hanno costi di prodotto.",
    },
    total: { en: "Total costs", nl: "Totale kosten", fr: "Coût total", it: "Costi totali" },
  },
} as const;
