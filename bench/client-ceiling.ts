import { startScript } from "./child-process";
import { connectQuoteClient, measureReceiving, type ReceiveFigures } from "./quote-client";

/**
 * The baseline for the hub push figures: the same client receiving recorded Quote frames of the same instruments
 * from a bare sender (bench/replay-hub.ts, its own process) as fast as it takes them. Its items/s is what the
 * client receives when the sender is not the limit; the sender's CPU per item is the floor of TLS, WebSocket and
 * the record format.
 */
export async function measureClientCeiling(port: number, instruments: number, ticksPerSecond: number, seconds: number): Promise<ReceiveFigures> {
  const replay = await startScript("bench/replay-hub.ts", [String(port), String(instruments), String(ticksPerSecond), "20210630"], {}, "replay hub ready");
  try {
    const client = await connectQuoteClient(`https://localhost:${port}/stream/v1`, { skipNegotiation: true });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return await measureReceiving([client], () => replay.cpuSeconds(), seconds);
    } finally {
      await client.connection.stop();
    }
  } finally {
    await replay.stop();
  }
}
