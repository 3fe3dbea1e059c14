import type { Logger } from "../../shared/logger";
import type { OAuthClientConfig } from "../../shared/oauth-client-config";
import { parseClientConfig } from "../../shared/oauth-client-config";
import { LOCAL_CLIENT_ID, ensureLocalClient, newLocalClient, readClientsFile } from "../../shared/clients-file";
import { secretsEqual } from "../../shared/secrets";

/** The local client's name on the login pages when the clients file gives none (files written before names existed). */
export const LOCAL_CLIENT_DISPLAY_NAME = "binck-excel";

/** The OAuth clients the login origin knows: the clients file (with the local client) plus SandboxOptions.extraClients. */
export class ClientRegistry {
  private readonly clients = new Map<string, OAuthClientConfig>();

  constructor(configs: readonly OAuthClientConfig[]) {
    for (const config of configs) {
      if (this.clients.has(config.clientId)) throw new Error(`OAuth clientId '${config.clientId}' is registered twice.`);
      this.clients.set(config.clientId, config);
    }
  }

  /** Loads the registry; an empty `clientsFile` keeps everything in memory (the local client gets a secret for this run). */
  static load(options: { clientsFile: string; extraClients: readonly unknown[] }, logger: Logger): ClientRegistry {
    const extra = options.extraClients.map((entry, index) => parseClientConfig(entry, `extraClients[${index}]`));
    if (!options.clientsFile) return new ClientRegistry([newLocalClient(), ...extra]);
    ensureLocalClient(options.clientsFile);
    const fromFile = readClientsFile(options.clientsFile);
    logger.log("info", `OAuth clients: ${fromFile.length} from ${options.clientsFile} (${LOCAL_CLIENT_ID} included), ${extra.length} extra.`);
    return new ClientRegistry([...fromFile, ...extra]);
  }

  find(clientId: string): OAuthClientConfig | undefined {
    return this.clients.get(clientId);
  }

  /** The application's name on the pages: its displayName, else binck-excel for the local client, else its id. */
  displayName(client: OAuthClientConfig): string {
    return client.displayName ?? (client.clientId === LOCAL_CLIENT_ID ? LOCAL_CLIENT_DISPLAY_NAME : client.clientId);
  }

  /** The client when the secret is right; undefined for an unknown client or a wrong secret. */
  authenticate(clientId: string, clientSecret: string): OAuthClientConfig | undefined {
    const client = this.clients.get(clientId);
    if (!client) return undefined;
    return secretsEqual(clientSecret, client.clientSecret) ? client : undefined;
  }
}
