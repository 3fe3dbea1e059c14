/** A value that tells its listeners when it is set (the runtime's notices for the taskpane). */
export class LiveValue<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private value: T) {}

  current(): T {
    return this.value;
  }

  set(value: T): void {
    this.value = value;
    for (const listener of [...this.listeners]) listener(value);
  }

  onChange(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
