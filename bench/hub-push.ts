import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection } from "@microsoft/signalr";
import type { SandboxProcess } from "./sandbox-process";

export interface HubPushFigures {
  clients: number;
  instrumentsPerClient: number;
  seconds: number;
  messagesPerSecond: number;
  itemsPerSecond: number;
  clientCpuPercent: number;
  serverCpuPercent: number;
}

async function token(sandbox: SandboxProcess, username: string): Promise<string> {
  const response = await fetch(`${sandbox.urls.api}/_sandbox/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, scope: "read write news quotes" }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function quotableIds(sandbox: SandboxProcess, accessToken: string, accountNumber: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let first = 0; ids.length < count; first += 100) {
    const response = await fetch(`${sandbox.urls.api}/api/v1/instruments/lists/allInstruments?accountNumber=${accountNumber}&range=${first}-${first + 99}`, {
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
  const account = "190300007";
  const firstToken = await token(sandbox, "smith");
  const ids = await quotableIds(sandbox, firstToken, account, instrumentsPerClient);
  const connections: HubConnection[] = [];
  let messages = 0;
  let items = 0;
  for (let i = 0; i < clients; i++) {
    const accessToken = i === 0 ? firstToken : await token(sandbox, "smith");
    const connection = new HubConnectionBuilder()
      .withUrl(`${sandbox.urls.realtime}/stream/v1`, { accessTokenFactory: () => accessToken, transport: HttpTransportType.WebSockets })
      .configureLogging(LogLevel.None)
      .build();
    connection.on("Quote", (message: { qt: unknown[] }) => {
      messages++;
      items += message.qt.length;
    });
    await connection.start();
    for (let first = 0; first < ids.length; first += 100) {
      const result = await connection.invoke("SubscribeQuotes", account, ids.slice(first, first + 100), "Book");
      if (!result.isSucceeded) throw new Error(`SubscribeQuotes failed for client ${i}: ${JSON.stringify(result)}`);
    }
    connections.push(connection);
  }
  // Let the qi snapshots pass, then measure.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  messages = 0;
  items = 0;
  const cpuStart = process.cpuUsage();
  const serverStart = sandbox.cpuSeconds();
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const elapsed = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const figures: HubPushFigures = {
    clients,
    instrumentsPerClient: ids.length,
    seconds: elapsed,
    messagesPerSecond: messages / elapsed,
    itemsPerSecond: items / elapsed,
    clientCpuPercent: ((cpu.user + cpu.system) / 1e6 / elapsed) * 100,
    serverCpuPercent: ((sandbox.cpuSeconds() - serverStart) / elapsed) * 100,
  };
  await Promise.all(connections.map((connection) => connection.stop()));
  return figures;
}
