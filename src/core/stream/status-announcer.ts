import type { FeedStatus } from "./feed";

/** The feed's status listeners, told when what BINCK.STATUS shows changed (not on every message). */
export class StatusAnnouncer {
  private readonly listeners = new Set<(status: FeedStatus) => void>();
  private lastKey = "";

  add(listener: (status: FeedStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(status: FeedStatus, deliver: (call: () => void) => void): void {
    const key = `${status.state}|${status.subscriptions}|${status.waitingForRoom}|${status.lastError ?? ""}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    for (const listener of this.listeners) deliver(() => listener(status));
  }
}
