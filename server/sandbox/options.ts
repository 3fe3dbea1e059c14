import type { OAuthClientConfig } from "../shared/oauth-client-config";

/** Every tunable of the sandbox, with its unit in the name. Defaults are the real API's values. */
export interface SandboxOptions {
  /** Seed of the market simulator and of every generated id: the same seed gives the same market. */
  seed: number;
  /** Price updates per second for each instrument that somebody watches. */
  ticksPerSecond: number;
  accessTokenLifetimeMs: number;
  idleTimeoutMs: number;
  refreshChainMs: number;
  authorizationCodeLifetimeMs: number;
  /** Requests a session may make within `rateWindowMs`; one more ends the session (API.md 4.3). */
  requestsPerWindow: number;
  rateWindowMs: number;
  /** JSON file of registered OAuth clients; the add-in's local client is added when missing. */
  clientsFile: string;
  /** Where generated secrets (the local client's) are kept between runs. */
  dataDir: string;
  /** Origins allowed by CORS on the API and realtime servers. `*` echoes any origin. Never the control surface. */
  corsOrigins: string[];
  /** The add-in's origin (ADDIN_ORIGIN): besides the sandbox's own, the only web origin the control surface answers. */
  addinOrigin: string;
  /** Largest JSON request body accepted, in bytes. */
  maxBodyBytes: number;
  /** OAuth clients registered beside the clients file, in memory only (tests register their own redirect URI). */
  extraClients: OAuthClientConfig[];
}

export const defaultSandboxOptions: SandboxOptions = {
  seed: 20210630,
  ticksPerSecond: 2,
  accessTokenLifetimeMs: 3_600_000,
  idleTimeoutMs: 30 * 60_000,
  refreshChainMs: 24 * 3_600_000,
  authorizationCodeLifetimeMs: 60_000,
  requestsPerWindow: 50,
  rateWindowMs: 60_000,
  clientsFile: "",
  dataDir: "",
  corsOrigins: ["*"],
  addinOrigin: "https://localhost:3000",
  maxBodyBytes: 64 * 1024,
  extraClients: [],
};
