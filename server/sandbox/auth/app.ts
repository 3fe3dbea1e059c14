import express from "express";
import type { SandboxContext } from "../context";

/** PLACEHOLDER: being written (auth helper). The login origin: /am/oauth2/realms/{realm}/authorize and /access_token. */
export function createAuthApp(_ctx: SandboxContext): express.Express {
  return express();
}
