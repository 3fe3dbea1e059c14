import { positionModel } from "../../trading/valuation";
import { accountFor } from "../account-access";
import { badRequest } from "../api-error";
import type { Handler } from "../handler";
import { pageFields, paginate } from "../paging";
import { clip } from "../../../shared/clip";
import { INSTRUMENT_ID_PATTERN } from "./instrument-id";

/** #6 GET /accounts/{accountNumber}/positions: valued at current market prices, paged. */
export const getPositions: Handler = (request) => {
  const account = accountFor(request, request.params.accountNumber);
  const { trading } = request.ctx;
  const all = [...trading.book(account.number).holdings.values()].map((holding) => positionModel(holding, trading.market));
  const page = paginate(all, request.query);
  return { body: { positionsCollection: { positions: page.items }, ...pageFields(page) } };
};

/** #7 GET /accounts/{accountNumber}/positions/{instrumentId}: no position is 200 with an empty array (since Feb 2020). */
export const getPosition: Handler = (request) => {
  const account = accountFor(request, request.params.accountNumber);
  const instrumentId = request.params.instrumentId;
  if (!INSTRUMENT_ID_PATTERN.test(instrumentId)) {
    throw badRequest("instrumentId", `'${clip(instrumentId)}' is not an instrument id (1 to 20 letters or digits).`);
  }
  const { trading } = request.ctx;
  const holding = trading.book(account.number).holdings.get(instrumentId);
  return { body: { positionsCollection: { positions: holding ? [positionModel(holding, trading.market)] : [] } } };
};
