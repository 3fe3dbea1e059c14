import { levelArgument } from "../../../server/sandbox/realtime/hub-arguments";
import { HubError } from "../../../server/sandbox/realtime/hub-error";

describe("levelArgument", () => {
  it.each([
    ["Trades", "Trades"],
    ["trades", "Trades"],
    ["TopOfBook", "TopOfBook"],
    ["topofbook", "TopOfBook"],
    ["TOPOFBOOK", "TopOfBook"],
    ["book", "Book"],
    ["bOoK", "Book"],
  ])("reads '%s' as %s, case-insensitively like ASP.NET's enum binding", (given, expected) => {
    expect(levelArgument("SubscribeQuotes", "level", given)).toBe(expected);
  });

  it.each([
    ["tradesOnly", "'tradesOnly'"],
    ["Top Of Book", "'Top Of Book'"],
    ["", "''"],
    [2, "number 2"],
    [null, "null"],
  ])("refuses %p, naming the method, the argument and the rule", (given, shown) => {
    expect(() => levelArgument("SubscribeQuotes", "level", given)).toThrow(HubError);
    expect(() => levelArgument("SubscribeQuotes", "level", given)).toThrow(
      `SubscribeQuotes: level must be one of Trades, TopOfBook, Book (in any case; not the REST levels), got ${shown}.`,
    );
  });
});
