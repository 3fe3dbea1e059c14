import type { KeyValueStorage } from "../../src/core/session/storage";

/** `storage` whose reads wait until `release()`: a runtime that starts before its saved state is read. */
export function holdReads(storage: KeyValueStorage): { storage: KeyValueStorage; release(): void } {
  const waiting: Array<() => void> = [];
  let released = false;
  return {
    storage: {
      getItem: async (key) => {
        if (!released) await new Promise<void>((resolve) => waiting.push(resolve));
        return storage.getItem(key);
      },
      setItem: (key, value) => storage.setItem(key, value),
      removeItem: (key) => storage.removeItem(key),
    },
    release: () => {
      released = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}
