import { useSyncExternalStore } from "react";

/** Something of core that has a current value and tells of changes (session, connection, deployment, account). */
export interface LiveValue<T> {
  current(): T;
  onChange(listener: (value: T) => void): () => void;
}

/** The current value of a live source of core, re-rendering when it changes. */
export function useLive<T>(source: LiveValue<T>): T {
  return useSyncExternalStore((notify) => source.onChange(notify), () => source.current());
}
