import {
  MessageType, PING_RECORD, RECORD_SEPARATOR, parseClientMessage, parseHandshake, splitRecords,
  writeClose, writeCompletion, writeHandshakeResponse, writeInvocation,
} from "../../../server/sandbox/realtime/protocol";

const RS = RECORD_SEPARATOR;

describe("realtime protocol", () => {
  describe("splitRecords", () => {
    it.each([
      ["", [], ""],
      [`{}${RS}`, ["{}"], ""],
      [`{"a":1}${RS}{"b":2}${RS}`, ['{"a":1}', '{"b":2}'], ""],
      [`{"a":1}${RS}{"b"`, ['{"a":1}'], '{"b"'],
      [`{"b"`, [], '{"b"'],
    ])("splits %j into complete records and a tail", (text, records, rest) => {
      expect(splitRecords(text)).toEqual({ records, rest });
    });
  });

  describe("parseHandshake", () => {
    it("accepts json version 1", () => {
      expect(parseHandshake('{"protocol":"json","version":1}')).toEqual({ ok: true, value: { protocol: "json", version: 1 } });
    });

    it.each([
      ['{"protocol":"messagepack","version":1}', "The protocol 'messagepack' is not supported: this hub speaks 'json' only."],
      ['{"protocol":"json","version":2}', "The server does not support version 2 of the 'json' protocol (only 1)."],
      ['{"protocol":"json"}', "The handshake request has no integer 'version' (got nothing)."],
      ['{"protocol":"json","version":"1"}', "The handshake request has no integer 'version' (got '1')."],
      ['{"type":6}', `The handshake request has no 'protocol' string (got nothing); send {"protocol":"json","version":1}.`],
      ["[1,2]", "The handshake request must be a JSON object, got an array of 2."],
      ["null", "The handshake request must be a JSON object, got null."],
    ])("refuses %s", (record, error) => {
      expect(parseHandshake(record)).toEqual({ ok: false, error });
    });

    it("refuses text that is not JSON, quoting it", () => {
      const result = parseHandshake("hello");
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/^The handshake request is not valid JSON \(.+\): "hello"\.$/);
    });
  });

  describe("parseClientMessage", () => {
    it.each([
      ['{"type":1,"invocationId":"0","target":"SubscribeNews","arguments":["190126781"]}',
        { type: MessageType.Invocation, invocationId: "0", target: "SubscribeNews", arguments: ["190126781"] }],
      ['{"type":1,"target":"UnSubscribeNews","arguments":[]}', { type: MessageType.Invocation, target: "UnSubscribeNews", arguments: [] }],
      ['{"type":4,"invocationId":"3","target":"Feed","arguments":[]}', { type: MessageType.StreamInvocation, invocationId: "3", target: "Feed" }],
      ['{"type":6}', { type: MessageType.Ping }],
      ['{"type":7,"error":"bye"}', { type: MessageType.Close }],
      ['{"type":5,"invocationId":"3"}', { type: MessageType.CancelInvocation }],
      ['{"type":99,"future":true}', { type: "unknown", typeNumber: 99 }],
    ])("parses %s", (record, value) => {
      expect(parseClientMessage(record)).toEqual({ ok: true, value });
    });

    it.each([
      ['{"target":"X"}', "The message has no integer 'type' (got nothing)."],
      ['{"type":"1"}', "The message has no integer 'type' (got '1')."],
      ['{"type":1.5}', "The message has no integer 'type' (got number 1.5)."],
      ['{"type":1,"invocationId":7,"target":"X","arguments":[]}', "The invocation's 'invocationId' must be a string (got number 7)."],
      ['{"type":1,"invocationId":"1","arguments":[]}', "The invocation has no 'target' method name (got nothing)."],
      ['{"type":1,"invocationId":"1","target":"","arguments":[]}', "The invocation has no 'target' method name (got '')."],
      ['{"type":1,"invocationId":"1","target":"X","arguments":{"a":1}}', "The invocation of 'X' has no 'arguments' array (got an object)."],
      ['{"type":4,"target":"X","arguments":[]}', "The stream invocation of 'X' has no 'invocationId'."],
      ['"text"', "The message must be a JSON object, got 'text'."],
    ])("refuses %s", (record, error) => {
      expect(parseClientMessage(record)).toEqual({ ok: false, error });
    });
  });

  describe("writers", () => {
    it.each([
      ["a push without invocationId", writeInvocation("Quote", [{ id: "x" }]), { type: 1, target: "Quote", arguments: [{ id: "x" }] }],
      ["a completion with a result", writeCompletion("4", { result: { isSucceeded: true } }), { type: 3, invocationId: "4", result: { isSucceeded: true } }],
      ["a void completion without result key", writeCompletion("5", { result: undefined }), { type: 3, invocationId: "5" }],
      ["a completion error", writeCompletion("6", { error: "no" }), { type: 3, invocationId: "6", error: "no" }],
      ["a close with reconnect", writeClose("gone", true), { type: 7, error: "gone", allowReconnect: true }],
      ["a close without reconnect", writeClose("gone"), { type: 7, error: "gone" }],
      ["a bare close", writeClose(), { type: 7 }],
      ["a ping", PING_RECORD, { type: 6 }],
      ["a handshake acceptance", writeHandshakeResponse(), {}],
      ["a handshake refusal", writeHandshakeResponse("bad"), { error: "bad" }],
    ])("writes %s as one terminated record", (_name, record, message) => {
      expect(record.endsWith(RS)).toBe(true);
      expect(record.indexOf(RS)).toBe(record.length - 1);
      expect(JSON.parse(record.slice(0, -1))).toEqual(message);
    });
  });
});
