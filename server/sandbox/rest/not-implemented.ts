import { ApiError } from "./api-error";
import type { Handler } from "./handler";

/** Placeholder for an operation whose handler is still being written. */
export const notImplemented: Handler = () => {
  throw new ApiError(501, "notImplemented", "This operation is not implemented in the sandbox yet.", "Not available yet.", "NotImplemented");
};
