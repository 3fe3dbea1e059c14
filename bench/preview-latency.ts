import type { Page } from "playwright-core";

/**
 * Hub send → setResult in the page, measured without changing src/: an init script (every frame) wraps the
 * WebSockets' onmessage, noting the `sdt` of the frame being dispatched (the sandbox stamps one per frame), and
 * wraps each function given to CustomFunctions.associate so that its invocation's setResult records
 * now − sdt while a frame is dispatched. setResults the 250 ms coalescing window delivers later, from its timer,
 * are not counted: they wait by design. The SignalR client dispatches a frame's messages synchronously, so what is
 * counted is the whole path socket → quote state → cell → setResult, without the window.
 */
export const LATENCY_PROBE = `(() => {
  const state = { sdt: undefined, recording: false, latencies: [] };
  window.__binckLatency = state;
  const onmessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, "onmessage");
  Object.defineProperty(WebSocket.prototype, "onmessage", {
    configurable: true,
    enumerable: onmessage.enumerable,
    get() { return onmessage.get.call(this); },
    set(handler) {
      if (typeof handler !== "function") return onmessage.set.call(this, handler);
      onmessage.set.call(this, function (event) {
        const match = typeof event.data === "string" ? /"sdt":"([^"]+)"/.exec(event.data) : null;
        state.sdt = match ? match[1] : undefined;
        try { return handler.call(this, event); } finally { state.sdt = undefined; }
      });
    },
  });
  const timed = (fn) => function (...args) {
    const invocation = args[args.length - 1];
    if (invocation && typeof invocation.setResult === "function") {
      const setResult = invocation.setResult;
      invocation.setResult = (value) => {
        if (state.recording && state.sdt !== undefined) state.latencies.push(Date.now() - Date.parse(state.sdt));
        return setResult.call(invocation, value);
      };
    }
    return fn.apply(this, args);
  };
  const wrapAssociate = (associate) => function (id, fn) {
    if (typeof id === "object" && id !== null) {
      const wrapped = {};
      for (const key of Object.keys(id)) wrapped[key] = timed(id[key]);
      return associate.call(this, wrapped);
    }
    return associate.call(this, id, timed(fn));
  };
  let customFunctions;
  Object.defineProperty(window, "CustomFunctions", {
    configurable: true,
    get() { return customFunctions; },
    set(value) {
      customFunctions = value && typeof value.associate === "function" ? { ...value, associate: wrapAssociate(value.associate) } : value;
    },
  });
})();`;

interface ProbeState {
  recording: boolean;
  latencies: number[];
}

/** Starts or ends recording in every frame of the page; ending returns what the frames recorded, ms. */
export async function recordLatencies(page: Page, on: boolean): Promise<number[]> {
  const recorded: number[] = [];
  for (const frame of page.frames()) {
    const latencies = await frame.evaluate((recording) => {
      const state = (window as unknown as { __binckLatency?: ProbeState }).__binckLatency;
      if (!state) return [];
      state.recording = recording;
      const taken = state.latencies;
      state.latencies = [];
      return taken;
    }, on).catch(() => [] as number[]);
    recorded.push(...latencies);
  }
  return recorded;
}
