import { escapeHtml, html, Html, renderPage } from "../../../server/sandbox/auth/pages/html";
import { fill } from "../../../server/sandbox/auth/pages/page-texts";
import { redirectWithFragment, redirectWithQuery } from "../../../server/sandbox/auth/redirects";

describe("escapeHtml and html``", () => {
  it("escapes the five HTML specials", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("escapes strings and numbers but splices Html and lists of Html", () => {
    const items = [html`<li>${"<b>"}</li>`, html`<li>${2}</li>`];
    expect(html`<p title="${'"x"'}">${"<script>"}</p><ul>${items}</ul>${undefined}${false}${new Html("<br>")}`.value)
      .toBe('<p title="&quot;x&quot;">&lt;script&gt;</p><ul><li>&lt;b&gt;</li><li>2</li></ul><br>');
  });

  it("renders a whole page with its language and an escaped title", () => {
    const page = renderPage("it", "A & B", html`<p>x</p>`);
    expect(page.startsWith('<!DOCTYPE html><html lang="it">')).toBe(true);
    expect(page).toContain("<title>A &amp; B</title>");
    expect(page).toContain("<h1>A &amp; B</h1><p>x</p></main>");
  });

  it("fills named values and leaves unknown names alone", () => {
    expect(fill("{count} of {max} {other}", { count: 2, max: "5" })).toBe("2 of 5 {other}");
  });
});

describe("redirects", () => {
  it("appends to an existing query, encodes spaces as %20 and leaves out absent values", () => {
    expect(redirectWithQuery("https://a.example/cb?x=1", { code: "c", scope: "read write", state: undefined }))
      .toBe("https://a.example/cb?x=1&code=c&scope=read%20write");
    expect(redirectWithQuery("https://a.example/cb", { error: "access_denied", state: "a&b=c" }))
      .toBe("https://a.example/cb?error=access_denied&state=a%26b%3Dc");
  });

  it("puts fragment errors after a #", () => {
    expect(redirectWithFragment("https://a.example/cb", { error: "unsupported_response_type" })).toBe("https://a.example/cb#error=unsupported_response_type");
  });
});
