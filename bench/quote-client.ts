import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection } from "@microsoft/signalr";

/** A @microsoft/signalr client over WebSockets that counts the Quote messages and items it receives. */
export interface QuoteClient {
  readonly connection: HubConnection;
  messages: number;
  items: number;
}

export async function connectQuoteClient(url: string, options: { accessToken?: string; skipNegotiation?: boolean }): Promise<QuoteClient> {
  const connection = new HubConnectionBuilder()
    .withUrl(url, {
      accessTokenFactory: options.accessToken === undefined ? undefined : () => options.accessToken!,
      transport: HttpTransportType.WebSockets,
      skipNegotiation: options.skipNegotiation ?? false,
    })
    .configureLogging(LogLevel.None)
    .build();
  const client: QuoteClient = { connection, messages: 0, items: 0 };
  connection.on("Quote", (message: { qt: unknown[] }) => {
    client.messages++;
    client.items += message.qt.length;
  });
  await connection.start();
  return client;
}

export interface ReceiveFigures {
  seconds: number;
  messagesPerSecond: number;
  itemsPerSecond: number;
  /** CPU of this (the client's) process, in % of one core. */
  clientCpuPercent: number;
  /** CPU of the sending process, in % of one core. */
  serverCpuPercent: number;
}

/** Counts what `clients` receive for `seconds`, with the CPU both sides used meanwhile. */
export async function measureReceiving(clients: readonly QuoteClient[], serverCpuSeconds: () => number, seconds: number): Promise<ReceiveFigures> {
  for (const client of clients) client.messages = client.items = 0;
  const cpuStart = process.cpuUsage();
  const serverStart = serverCpuSeconds();
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const elapsed = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const serverCpu = serverCpuSeconds() - serverStart;
  const sum = (count: (client: QuoteClient) => number) => clients.reduce((total, client) => total + count(client), 0);
  return {
    seconds: elapsed,
    messagesPerSecond: sum((client) => client.messages) / elapsed,
    itemsPerSecond: sum((client) => client.items) / elapsed,
    clientCpuPercent: ((cpu.user + cpu.system) / 1e6 / elapsed) * 100,
    serverCpuPercent: (serverCpu / elapsed) * 100,
  };
}
