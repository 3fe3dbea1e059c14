import { SSE_PREAMBLE, writeSseEvent } from "../../../server/sandbox/realtime/sse-format";

describe("writeSseEvent", () => {
  it.each([
    ["one record", '{"type":6}\x1e', 'data: {"type":6}\x1e\r\n\r\n'],
    ["several records of one flush", '{}\x1e{"type":6}\x1e', 'data: {}\x1e{"type":6}\x1e\r\n\r\n'],
    ["a payload with line feeds", "a\nb\r\nc", "data: a\r\ndata: b\r\ndata: c\r\n\r\n"],
    ["an empty payload", "", "\r\n"],
  ])("frames %s as ASP.NET does", (_name, payload, expected) => {
    expect(writeSseEvent(payload)).toBe(expected);
  });

  it("starts a stream with a comment line (Firefox opens EventSource only once data arrives)", () => {
    expect(SSE_PREAMBLE).toBe(":\r\n");
  });
});
