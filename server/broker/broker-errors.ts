import type { Response } from "express";
import { SIGNED_OUT_MESSAGE } from "../../src/core/errors";
import type { BrokerErrorBody, BrokerErrorCode } from "../../src/core/wire/broker";

/** A failure the broker answers with, as data: the routes turn it into JSON (API calls) or a dialog page. */
export interface BrokerFailure extends BrokerErrorBody {
  status: number;
}

export function failure(status: number, errorCode: BrokerErrorCode, developerMessage: string, endUserMessage = defaultEndUserMessage(errorCode)): BrokerFailure {
  return { status, errorCode, endUserMessage, developerMessage };
}

export function isFailure(value: unknown): value is BrokerFailure {
  return typeof value === "object" && value !== null && "errorCode" in value && "status" in value;
}

/** Writes a failure as the JSON error body of every /auth endpoint. */
export function sendFailure(response: Response, fault: BrokerFailure): void {
  const body: BrokerErrorBody = { errorCode: fault.errorCode, endUserMessage: fault.endUserMessage, developerMessage: fault.developerMessage };
  response.status(fault.status).json(body);
}

export function fail(response: Response, status: number, errorCode: BrokerErrorCode, developerMessage: string, endUserMessage?: string): void {
  sendFailure(response, failure(status, errorCode, developerMessage, endUserMessage));
}

function defaultEndUserMessage(code: BrokerErrorCode): string {
  switch (code) {
    case "signInRequired": return SIGNED_OUT_MESSAGE;
    case "tooManyRequests": return "Too many requests. Please wait a moment and try again.";
    case "upstreamUnavailable": return "Binck cannot be reached right now. The add-in keeps trying.";
    case "forbiddenOrigin": return "This request did not come from the add-in.";
    default: return "The request could not be processed.";
  }
}
