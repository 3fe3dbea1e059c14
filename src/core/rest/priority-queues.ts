/** Who waits for a request, most urgent first: what a person just did, a cell on screen, everything else. */
export const REQUEST_PRIORITIES = ["userAction", "visibleCell", "background"] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

export function rank(priority: RequestPriority): number {
  return REQUEST_PRIORITIES.indexOf(priority);
}

/** Waiting items, one FIFO queue per priority; the most urgent non-empty queue goes first. */
export class PriorityQueues<T extends { priority: RequestPriority }> {
  private readonly queues: Record<RequestPriority, T[]> = { userAction: [], visibleCell: [], background: [] };

  push(item: T): void {
    this.queues[item.priority].push(item);
  }

  /** Back to the front of its queue (it was waiting before anything queued since). */
  pushFront(item: T): void {
    this.queues[item.priority].unshift(item);
  }

  peek(): T | undefined {
    for (const priority of REQUEST_PRIORITIES) {
      const first = this.queues[priority][0];
      if (first) return first;
    }
    return undefined;
  }

  shift(): T | undefined {
    const first = this.peek();
    if (first) this.queues[first.priority].shift();
    return first;
  }

  /** Moves a waiting item to the end of a more urgent queue. */
  move(item: T, priority: RequestPriority): void {
    const queue = this.queues[item.priority];
    queue.splice(queue.indexOf(item), 1);
    item.priority = priority;
    this.queues[priority].push(item);
  }

  counts(): Record<RequestPriority, number> {
    return { userAction: this.queues.userAction.length, visibleCell: this.queues.visibleCell.length, background: this.queues.background.length };
  }
}
