/**
 * Wire types of the Binck OpenAPI REST responses and requests, spelled exactly as on the wire
 * (swagger.json definitions; API.md section 3.4). Optional fields are omitted on the wire, never null.
 */

export interface MetadataModel { version: string; timestamp: string /*date-time*/; }
export interface PagingModel { offset: number; limit: number; max: number; next?: string; previous?: string; refresh: string; }
export interface ErrorMessageModel { developerMessage: string; endUserMessage: string; errorCode: string; errorId: ErrorId; }
export type ErrorId = "initial" | "unknown" | "notFound" | "conversionError" | "functionalError" | "validationError"
  | "orderCancellationNotPossible" | "orderModificationRefused" | "orderNotValid" | "logonFailure" | "mediumBlocked"
  | "noAuthorization" | "noMatchingAccountInfoFound" | "sessionExpiredMaxDuration" | "sessionExpiredMaxInactivity"
  | "sessionInvalid" | "faildToCreateAmSession" | "orderNumberIsIncorrect" | "hashIdError" | "productNotEnabled"
  | "sessionMaxActivityExceeded" | "tooManyRequests" | "notImplemented";

export interface VersionModel { currentVersion: string; buildDate: string; metadata: MetadataModel; }

export interface AccountsResponse { accountsCollection: { accounts?: AccountModel[] }; metadata: MetadataModel; }
export interface AccountModel { name: string; iban?: string; number: string; isReadOnly: boolean;
  type: "savings" | "binckComplete" | "fundCoach" | "planEpargneAction" | "planEpargneActionPme"
      | "assetManagement" | "savingsBroker" | "assetManagementSelect"; }

export interface BalancesResponse { balancesCollection: { balances?: BalanceModel[]; currency?: string }; metadata: MetadataModel; }
export interface BalanceModel { assetsTotalValue: number; cashBalance: number; portfolioValue: number;
  availableSpendingLimit?: number; availableSpendingLimitSrd?: number;
  cashBalancesCollection: { cashBalances?: { currency: string; cashBalance: number }[] }; }

export interface SettingsResponse { settingsCollection: { settings: { tradingAllowed: { tradingType: TradingType }[] }[] }; metadata: MetadataModel; }
export type TradingType = "equities" | "optionsNl" | "optionsBe" | "optionsFr" | "optionsUsa" | "optionsDe" | "optionsIt"
  | "futuresNl" | "futuresBe" | "futuresFr" | "futuresUsa" | "futuresDe" | "futuresIt" | "srd";

export interface InstrumentBriefModel { id: string; name: string; }

export interface PositionsResponse { positionsCollection: { positions?: PositionModel[] }; paging?: PagingModel; count: number; metadata: MetadataModel; }
export interface PositionResponse  { positionsCollection: { positions?: PositionModel[] }; metadata: MetadataModel; }
export interface PositionModel { instrument: InstrumentBriefModel; quantity: number /*int64*/; currency: string; value: number;
  valueInEuro?: number; averageHistoricalPrice?: number;
  accruedInterest?: { value?: number; rate?: number }; margin?: { value?: number; factor?: number };
  result: PositionResult; resultInEuro: PositionResult; }
export interface PositionResult { currency: string; purchaseValue: number; realized: number; total: number;
  unrealized?: number; unrealizedPercentage?: number; }

export interface TransactionsResponse { transactionsCollection: { transactions?: TransactionModel[] }; paging?: PagingModel; count: number; metadata: MetadataModel; }
export interface TransactionModel { accountCurrency: string; number: number /*int64*/; transactionDate: string;
  settlementDate?: string; mutationType: MutationType; currency: string; balanceMutation?: number;
  mutatedBalance?: number; instrument?: InstrumentBriefModel; price?: number; quantity?: number;
  exchange?: string; totalCosts?: number; netAmount?: number; currencyRate?: number;
  transactionCostComponents?: { cost?: number; currency?: string; costTypeCategory?: CostTypeCategory; amountPercentage?: number }[]; }
export type MutationType = "unknown" | "repayment" | "conversion" | "excerciseCall" | "excercisePut" | "assignmentCall"
  | "assignmentPut" | "settlementDividend" | "deposit" | "emissionAllocation" | "internalBooking"
  | "transferOutOfSecurities" | "notificationOfRedemption" | "outstandingBooking" | "securityTransfer"
  | "conversionClaims" | "conversionDividend" | "cashSettlement" | "adjustment" | "assignmentCoupon"
  | "internalTransfer" | "externalTransfer" | "cashTransferToPartnerBank" | "cashTransferFromPartnerBank"
  | "openingBuy" | "openingBuyFutures" | "openingSell" | "openingSellFuture" | "regulation" | "creditInterest"
  | "debitInterest" | "closingBuy" | "closingBuyFuture" | "closingSell" | "closingSellFuture" | "assignmentClaim"
  | "assignmentDividend" | "couponPayment" | "dividendPayment" | "settlementCosts" | "sell" | "buy"
  | "liquidationTransfer" | "extensionOpenDeposit" | "extensionOpenTransferOut" | "extensionCloseDeposit"
  | "extensionCloseTransferOut" | "settlementBuy" | "settlementSell" | "securitiesLendingDividendPayment"
  | "securitiesLendingCouponPayment" | "securitiesLendingInterestPayment" | "onlineMoneyTransfer" | "taxReclaimPayment";
export type CostTypeCategory = "commission" | "stampDuty" | "capitalGainTax" | "capitalIncomeTax" | "exchangeTax"
  | "withHoldingTax" | "stampDutyBE" | "vAT" | "securitiesFee" | "socialTax" | "incomeTax" | "sRDExtensionCommission"
  | "sRDDifference" | "sRDSettlement" | "sRDCompensationPayment" | "sRDCommission" | "speculationTax"
  | "assetManagementFee" | "currencyExchangeCost";

export interface PerformancesResponse { performancesCollection: { performances?: PerformanceDetailModel[] };
  summary?: PerformanceSummaryModel; metadata: MetadataModel; }
export interface PerformanceDetailModel { currency?: string; instrument?: InstrumentBriefModel; year?: string;
  realized?: number; unrealized?: number; annual?: number; previousYearsTotal?: number; total?: number; }
export interface PerformanceSummaryModel { year?: string; currency?: string; realized?: number; unrealized?: number;
  annual?: number; previousYearsTotal?: number; total?: number; }

export type OrderStatus = "placed" | "placementConfirmed" | "partiallyExecuted" | "executed" | "expired"
  | "cancelationRequested" | "canceled" | "modificationRequested" | "modified" | "refused" | "modificationRefused"
  | "cancelationRefused" | "remainderCanceled" | "remainderExpired" | "remainderExecuted" | "other";
export interface OrdersResponse { ordersCollection: { orders?: OrderModel[] }; paging?: PagingModel; count: number; metadata: MetadataModel; }
export interface OrderResponse  { ordersCollection: { orders?: OrderModel[] }; metadata: MetadataModel; }
export interface OrderModel { number: number; instrument: InstrumentBriefModel;
  type: "limit" | "market" | "stop" | "stopLimit" | "allOrNone";
  statusHistory?: { dateTime: string; status: OrderStatus; executedQuantity?: number; executionPrice?: number }[];
  currency: string;
  duration: "fillOrKill" | "immediateOrCancel" | "day" | "goodTillCancelled" | "goodTillDate" | "atTheOpening" | "goodTillCrossing";
  line?: number; side?: "buy" | "sell"; executedQuantity?: number; limitPrice?: number; averagePrice?: number;
  quantity: number; expirationDate?: string; lastStatus: OrderStatus; lastStatusDateTime: string;
  stopPrice?: number; fixingPrice?: number; condition?: "pay" | "receive"; referenceId?: string; }

export interface Leg { side: "buy" | "sell"; instrumentId: string; }
export interface NewOrderModel { type: "limit" | "market" | "stop" | "stopLimit"; quantity: number;
  duration: "day" | "goodTillCancelled" | "goodTillDate"; expirationDate?: string; limitPrice?: number; stopPrice?: number;
  cash?: Leg; srd?: Leg; future?: Leg; option?: { condition?: "pay" | "receive"; leg1: Leg; leg2?: Leg };
  validationCode?: string; referenceId?: string /*max 40*/; }
export interface ModifyOrderModel { orderNumber: number; limitPrice: number; validationCode?: string; }
export interface PreviewOrderResponse { previewOrder?: PreviewOrderModel; metadata: MetadataModel; }
export interface PreviewOrderModel { orderCanBeRegistered: boolean; expectedExpirationDate?: string; positionEffect?: string;
  effectOnSpendingLimit?: number; currentSpendingLimit?: number; newSpendingLimit?: number; currency?: string;
  oldRiskNumber?: number; newRiskNumber?: number; recommendedRiskNumber?: number;
  warningsToBeShown: string[]; warningsToBeConfirmed: string[]; validationCode?: string; }
export interface CostItem { name: string; percentage?: number; valueInEuro?: number; extraInfo?: string; }
export interface OrderCostsResponse { costsCollection: { legs: { categories: (CostItem & { subCategories: CostItem[] })[] }[] }; metadata: MetadataModel; }

export type InstrumentType = "bond" | "cashDividend" | "certificate" | "choiceDividend" | "claim" | "coupon" | "discounter"
  | "equity" | "future" | "futureClass" | "index" | "investmentFund" | "ipo" | "option" | "optionClass"
  | "otherLeveragedProduct" | "speeder" | "sprinter" | "srd" | "srdClass" | "stockDividend" | "structuredProduct"
  | "tracker" | "turbo" | "unclassified" | "warrant";
export interface InstrumentsResponseModel { instrumentsCollection: { instruments?: InstrumentModel[] }; paging?: PagingModel; count: number; metadata: MetadataModel; }
export interface InstrumentModel { id: string; name: string; symbol: string; isincode?: string; type: InstrumentType;
  marketIdentificationCode?: string; currency: string; priceDecimals: number; tickerSymbol: string;
  isTradable: boolean; isKidApplicable: boolean; hasOptions: boolean; hasFutures: boolean; hasSrd: boolean;
  hasLeveragedProducts: boolean; hasOrderModifications: boolean;
  tickSizeCollection?: { tickSizes?: { from?: number; size?: number }[] };
  derivativesInfo?: { underlyingInstrumentId?: string; strike?: number; strikeDecimals?: number;
    optionType?: "put" | "call"; contractSize?: number; expirationDate?: string };
  srdInfo?: { underlyingInstrumentId?: string };
  bondInfo?: {};
  leveragedProduct?: { bonus?: number; cap?: number; endedDateTime?: string; exchangeRatio?: number;
    financingLevel?: number; leverage?: number; remainingValue?: number; stopLossLevel?: number;
    stopLossLevel2?: number; strike?: number }; }
export interface DerivativesResponseModel { derivativesCollection?: { classes?: DerivativeClass[] }; paging?: PagingModel; count: number; metadata: MetadataModel; }
export interface DerivativeClass { underlyingInstrumentId?: string; name?: string; symbol?: string; isincode?: string;
  marketIdentificationCode?: string; currency?: string; type?: InstrumentType; contractSize?: number;
  series?: { instrumentId?: string; strike?: number; strikeDecimals?: number; optionType?: "put" | "call";
             contractSize?: number; expirationDate?: string }[]; }
export interface KidResponseModel { kidCollection: { kids: { name: string; kidId: string }[] }; metadata: MetadataModel; }

export interface QuotesResponseModel { quotesCollection: { quotes: QuoteModel[] }; paging?: PagingModel; count: number; metadata: MetadataModel; }
export interface PriceModel { price: number; priceDateTime: string; tags?: string; }
export interface PriceWithVolumeModel extends PriceModel { volume: number; }
export interface VolumeModel { volume: number; tags?: string; }
export interface PriceOrderBookModel extends PriceWithVolumeModel { orderCount: number; }
export interface QuoteModel { instrumentId: string;
  subscriptionLevel: "none" | "delayed" | "realtimeLevel0" | "realtimeLevel1" | "realtime";
  open?: PriceModel; last?: PriceWithVolumeModel; close?: PriceWithVolumeModel; high?: PriceModel; low?: PriceModel;
  implVol?: PriceModel; implDiv?: PriceModel; settlement?: PriceModel; openInterest?: VolumeModel;
  theoreticalPrice?: PriceModel; implIr?: PriceModel; cumVol?: VolumeModel;
  bid: PriceOrderBookModel[]; ask: PriceOrderBookModel[]; }
export interface HistoricalQuotesResponseModel { historicalQuotesCollection: { historicalQuotes: {
  dateTime: string; last: number; low: number; high: number; first: number; cumVol: number }[] }; metadata: MetadataModel; }

export interface NewsResponseModel { newsCollection: { news: { culture: string; headline: string; body?: string;
    format: "plain" | "html"; publishedDateTime: string; instrumentIds: string[] }[] };
  newsSubscriptionCollection: { subscriptions: { newsSubscription: "binckNl" | "binckNlPro" | "binckIt"
    | "binckFrBe" | "binckNlBe" | "binckFr" }[] };
  paging?: PagingModel; count: number; metadata: MetadataModel; }

export interface SessionsResponse { sessionsCollection: { sessions?: { accountNumber: string; internalSessionId: string }[] }; metadata: MetadataModel; }
export interface LogoffResponse { message: string; metadata: MetadataModel; }
