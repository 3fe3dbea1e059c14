/**
 * An error whose message the client may see: it becomes the `error` of the completion, verbatim (like ASP.NET's
 * HubException). Any other exception is logged and answered with a generic message.
 */
export class HubError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HubError";
  }
}
