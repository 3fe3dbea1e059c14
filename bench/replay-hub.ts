/**
 * A bare SignalR JSON-protocol endpoint for the client-ceiling baseline (`tsx bench/replay-hub.ts <port>`): after
 * the handshake it sends recorded Quote frames as fast as the client takes them (paced only by the socket's
 * buffer). The frames are what the sandbox would send one client watching the benchmark's instruments at Book
 * level: one frame per tick slot (the market spreads each step over slots, tick-phases.ts) with the Quote record
 * of every instrument of the slot that changed, made by the same market and writer.
 */
import { createServer } from "node:https";
import { WebSocketServer, type WebSocket } from "ws";
import { ManualClock } from "../src/core/clock";
import { HubEvent, levelNumber, type QuoteMessage } from "../src/core/wire/realtime";
import { SimulatedMarket } from "../server/sandbox/market/simulated-market";
import { RECORD_SEPARATOR, writeHandshakeResponse, writeInvocation } from "../server/sandbox/realtime/protocol";
import { loadTlsMaterial } from "../server/shared/tls";

const RECORDED_TICKS = 100;
const HIGH_WATER_MARK_BYTES = 1 << 20;
const FULL_BUFFER_RETRY_MS = 2;

function recordedFrames(instruments: number, ticksPerSecond: number, seed: number): string[] {
  const clock = new ManualClock();
  const market = new SimulatedMarket({ clock, seed, ticksPerSecond });
  const ids = market.catalogue.list("allInstruments").filter((entry) => entry.quotable).slice(0, instruments).map((entry) => entry.model.id);
  let records: string[] = [];
  for (const id of ids) {
    market.watch(id, (items) => {
      const message: QuoteMessage = { id, lvl: levelNumber("Book"), sdt: new Date(clock.now()).toISOString(), qt: items };
      records.push(writeInvocation(HubEvent.Quote, [message]));
    });
  }
  const frames: string[] = [];
  // 1 ms at a time: every slot's records go out as their own frame, as the sandbox's outbox sends them.
  for (let ms = 0; ms < (RECORDED_TICKS * 1000) / ticksPerSecond; ms++) {
    clock.advance(1);
    if (records.length === 0) continue;
    frames.push(records.join(""));
    records = [];
  }
  market.stop();
  return frames;
}

function serve(socket: WebSocket, frames: readonly string[]): void {
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  const pump = () => {
    timer = undefined;
    while (socket.readyState === socket.OPEN && socket.bufferedAmount < HIGH_WATER_MARK_BYTES) socket.send(frames[next++ % frames.length]);
    if (socket.readyState === socket.OPEN) timer = setTimeout(pump, FULL_BUFFER_RETRY_MS);
  };
  socket.once("message", (data) => {
    if (!String(data).includes(RECORD_SEPARATOR)) return socket.close();
    socket.send(writeHandshakeResponse());
    pump();
  });
  socket.on("close", () => clearTimeout(timer));
}

function main(): void {
  const [port, instruments, ticksPerSecond, seed] = process.argv.slice(2).map(Number);
  const frames = recordedFrames(instruments, ticksPerSecond, seed);
  const tls = loadTlsMaterial();
  const server = createServer({ key: tls.key, cert: tls.cert });
  const sockets = new WebSocketServer({ server, perMessageDeflate: false });
  sockets.on("connection", (socket) => serve(socket, frames));
  server.listen(port, "localhost", () => {
    const items = frames.reduce((sum, frame) => sum + frame.split('"typ"').length - 1, 0);
    process.stdout.write(`replay hub ready: ${frames.length} frames, ${items} items\n`);
  });
}

main();
