import { connectQuoteClient, measureReceiving, type QuoteClient, type ReceiveFigures } from "./quote-client";
import type { SandboxProcess } from "./sandbox-process";

export interface HubPushFigures extends ReceiveFigures {
  clients: number;
  instrumentsPerClient: number;
}

const ACCOUNT = "190300007";
/** SubscribeQuotes takes at most 100 ids per call (API.md 5.7). */
const IDS_PER_SUBSCRIBE_CALL = 100;

export async function token(sandbox: Pick<SandboxProcess, "urls">, username: string): Promise<string> {
  const response = await fetch(`${sandbox.urls.api}/_sandbox/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, scope: "read write news quotes" }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The first `count` quotable instruments of the allInstruments list (class entries have no quotes). */
export async function quotableIds(sandbox: Pick<SandboxProcess, "urls">, accessToken: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let first = 0; ids.length < count; first += 100) {
    const response = await fetch(`${sandbox.urls.api}/api/v1/instruments/lists/allInstruments?accountNumber=${ACCOUNT}&range=${first}-${first + 99}`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    if (!response.ok) throw new Error(`Instrument list failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { instrumentsCollection: { instruments?: Array<{ id: string; type: string }> } };
    const page = body.instrumentsCollection.instruments ?? [];
    if (page.length === 0) break;
    ids.push(...page.filter((instrument) => !instrument.type.endsWith("Class")).map((instrument) => instrument.id));
  }
  return ids.slice(0, count);
}

/** N clients, each with its own token and connection, subscribed to the same instruments at Book level. */
export async function measureHubPush(sandbox: SandboxProcess, clients: number, instrumentsPerClient: number, seconds: number): Promise<HubPushFigures> {
  const firstToken = await token(sandbox, "smith");
  const ids = await quotableIds(sandbox, firstToken, instrumentsPerClient);
  const connected: QuoteClient[] = [];
  try {
    for (let i = 0; i < clients; i++) {
      const accessToken = i === 0 ? firstToken : await token(sandbox, "smith");
      const client = await connectQuoteClient(`${sandbox.urls.realtime}/stream/v1`, { accessToken });
      connected.push(client);
      for (let first = 0; first < ids.length; first += IDS_PER_SUBSCRIBE_CALL) {
        const result = await client.connection.invoke("SubscribeQuotes", ACCOUNT, ids.slice(first, first + IDS_PER_SUBSCRIBE_CALL), "Book");
        if (!result.isSucceeded) throw new Error(`SubscribeQuotes failed for client ${i}: ${JSON.stringify(result)}`);
      }
    }
    // Let the qi snapshots pass, then measure.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const figures = await measureReceiving(connected, () => sandbox.cpuSeconds(), seconds);
    return { clients, instrumentsPerClient: ids.length, ...figures };
  } finally {
    await Promise.all(connected.map((client) => client.connection.stop()));
  }
}
